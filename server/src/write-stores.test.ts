import type { CypherQuery } from '@chainmap/graph';
import { describe, expect, it } from 'vitest';
import * as chainRead from './chain/chain.store.js';
import * as chain from './chain/chain.write.store.js';
import * as core from './core/mutation.store.js';
import * as enterpriseRead from './enterprise/enterprise.store.js';
import * as enterprise from './enterprise/enterprise.write.store.js';
import * as kpi from './pipeline/kpi.write.store.js';
import * as pipelineRead from './pipeline/pipeline.store.js';
import * as project from './pipeline/project.write.store.js';
import * as library from './pipeline/target-library.write.store.js';
import * as taskForce from './pipeline/task-force.write.store.js';

const isQuery = (v: unknown): v is CypherQuery =>
  typeof v === 'object' &&
  v !== null &&
  'name' in v &&
  'text' in v &&
  typeof (v as CypherQuery).text === 'string';

/** Every named template of the given modules, including those grouped in objects (LOCK, TIES). */
function templates(mods: object[]): CypherQuery[] {
  const out: CypherQuery[] = [];
  const walk = (v: unknown, depth: number) => {
    if (isQuery(v)) out.push(v);
    else if (depth < 3 && typeof v === 'object' && v !== null)
      for (const x of Object.values(v)) walk(x, depth + 1);
  };
  for (const mod of mods) for (const v of Object.values(mod)) walk(v, 1);
  return out;
}

const writes = templates([core, chain, enterprise, taskForce, library, project, kpi]);

describe('write store Cypher', () => {
  it('every template has its own name, distinct from the read side too', () => {
    const names = [...writes, ...templates([chainRead, enterpriseRead, pipelineRead])].map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is visible in review: a changed query shows up in this snapshot', () => {
    expect(Object.fromEntries(writes.map((q) => [q.name, q.text]))).toMatchSnapshot();
  });
});
