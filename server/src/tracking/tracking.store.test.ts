import type { CypherQuery } from '@chainmap/graph';
import { describe, expect, it } from 'vitest';
import * as contactRead from '../pipeline/contact.store.js';
import * as contactWrite from '../pipeline/contact.write.store.js';
import * as tracking from './tracking.store.js';

const isQuery = (v: unknown): v is CypherQuery =>
  typeof v === 'object' &&
  v !== null &&
  'name' in v &&
  'text' in v &&
  typeof (v as CypherQuery).text === 'string';

const all = [tracking, contactRead, contactWrite].flatMap((m) => Object.values(m).filter(isQuery));

describe('tracking store Cypher', () => {
  it('names every template once', () => {
    const names = all.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is visible in review: a changed query shows up in this snapshot', () => {
    expect(Object.fromEntries(all.map((q) => [q.name, q.text]))).toMatchSnapshot();
  });
});
