import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchOneCharQ } from '../../server/src/search/search.store.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { data, error } from '../support/gql.js';
import { buildWorld } from '../support/world.js';

let db: TestDb;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  await buildWorld(db.executor, { fillers: 30 });
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

interface Hit {
  score: number;
  kind: string;
  matchedBy: string;
  node: { __typename: string; id: string; name: string; key?: string; code?: string };
}

const SEARCH = `query ($text: String!, $first: Int, $kinds: [SearchKind!]) {
  search(text: $text, first: $first, kinds: $kinds) {
    score kind matchedBy
    node {
      __typename
      ... on Node { id }
      ... on Region { code name }
      ... on Chain { key name }
      ... on Link { key name }
      ... on Enterprise { key name }
    } } }`;

const search = async (text: string, vars: Record<string, unknown> = {}) =>
  (await data<{ search: Hit[] }>(api, SEARCH, { text, ...vars })).search;
const label = (h: Hit) => `${h.kind}:${h.node.code ?? h.node.key}`;

describe('search', () => {
  it('finds a region by its two-character short name first, then enterprises named after it', async () => {
    const hits = await search('咸宁');
    expect(label(hits[0]!)).toBe('REGION:421200');
    expect(hits[0]).toMatchObject({
      matchedBy: 'EXACT',
      score: 1,
      node: { __typename: 'Region', name: '咸宁市' },
    });
    const labels = hits.map(label);
    expect(labels).toContain('ENTERPRISE:e-xn-cathode'); // 咸宁正极
    expect(labels).toContain('ENTERPRISE:e-xn-city'); // 咸宁城投新材
    expect(labels).toContain('REGION:4212Z01'); // 咸宁高新技术产业开发区
    expect(labels).not.toContain('ENTERPRISE:e-catl');
    // ranked: scores never increase down the list
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('matches Chinese two-character words inside longer names, in name and full name', async () => {
    const hits = await search('电池');
    const labels = hits.map(label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'LINK:nev.cell',
        'LINK:nev.battery-materials',
        'ENTERPRISE:e-zone-cell',
        'ENTERPRISE:e-hz-materials',
      ]),
    );
    expect(new Set(hits.map((h) => h.matchedBy))).toEqual(new Set(['FULLTEXT']));
    expect(labels).not.toContain('CHAIN:nev');
    // Only the full name says 新能源科技.
    expect((await search('新能源科技')).map(label)).toEqual(['ENTERPRISE:e-catl']);
    expect((await search('新能源')).map(label)).toEqual(['CHAIN:nev', 'ENTERPRISE:e-catl']);
  });

  it('answers a one-character query by prefix, then substring', async () => {
    const hits = await search('宁', { first: 50 });
    const labels = hits.map(label);
    expect(labels.slice(0, 2)).toEqual(['REGION:350900', 'ENTERPRISE:e-catl']); // 宁德市, 宁德时代: names starting with 宁
    expect(hits[0]!.matchedBy).toBe('PREFIX');
    expect(labels).toContain('REGION:421200'); // 咸宁市 contains 宁
    expect(labels).toContain('ENTERPRISE:e-xn-cathode');
    expect(hits.find((h) => label(h) === 'REGION:421200')!.matchedBy).toBe('CONTAINS');
    expect(labels).not.toContain('ENTERPRISE:e-wh-car');
    const names = api.lastQueries().map((q) => q.name);
    expect(names).toEqual(['searchOneChar']);
  });

  it('understands pinyin initials for regions, chains and links', async () => {
    const xn = await search('xn');
    expect(label(xn[0]!)).toBe('REGION:421200');
    expect(xn[0]).toMatchObject({ matchedBy: 'PINYIN', score: 0.75 });
    expect(xn.map(label)).toContain('CHAIN:nev'); // 新能源汽车 xnyqc starts with xn
    expect((await search('XNYQC')).map(label)[0]).toBe('CHAIN:nev');
    // dldc is exactly 动力电池 and the start of 动力电池材料 (dldccl)
    expect((await search('dldc')).map(label).slice(0, 2)).toEqual([
      'LINK:nev.cell',
      'LINK:nev.battery-materials',
    ]);
  });

  it('finds a listed company by stock code', async () => {
    for (const code of ['300750', 'sz300750', '300750.SZ']) {
      const hits = await search(code);
      expect(hits[0], code).toMatchObject({
        kind: 'ENTERPRISE',
        matchedBy: 'EXACT',
        node: { key: 'e-catl' },
      });
    }
  });

  it('keeps at most `first` hits of each kind, and only the kinds asked for', async () => {
    const hits = await search('配套', { first: 3 });
    expect(hits.filter((h) => h.kind === 'ENTERPRISE')).toHaveLength(3);
    const links = await search('电池', { kinds: ['LINK'] });
    expect(new Set(links.map((h) => h.kind))).toEqual(new Set(['LINK']));
  });

  it('rejects empty and overlong queries', async () => {
    expect((await error(api, SEARCH, { text: '  ' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'text',
    });
    expect((await error(api, SEARCH, { text: '长'.repeat(51) })).extensions).toMatchObject({ field: 'text' });
    expect((await error(api, SEARCH, { text: '宁', first: 0 })).extensions).toMatchObject({ field: 'first' });
    expect(await search('(*)')).toEqual([]);
  });
});

describe('one-character search at scale', () => {
  it('reads the name indexes (range for the prefix, text for the substring), never every enterprise', async () => {
    const session = db.driver.session({ database: db.config.NEO4J_DATABASE });
    try {
      const r = await session.run(`EXPLAIN ${searchOneCharQ.text}`, { char: '宁', limit: neo4j.int(40) });
      const ops: string[] = [];
      const walk = (p: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
        ops.push(`${p.operatorType.replace(/@.*$/, '')} ${String(p.arguments.Details ?? '')}`);
        p.children.forEach((c) => walk(c as never));
      };
      walk(r.summary.plan as never);
      // The plan in the message: once in a clean-clone run (2026-12-06) the first check failed and
      // could not be reproduced since; the next failure should say which plan the planner chose.
      const plan = ops.join('\n');
      expect(
        ops.some((o) => /^NodeIndexSeekByRange RANGE INDEX node:Enterprise\(name\)/.test(o)),
        plan,
      ).toBe(true);
      expect(
        ops.some((o) => /^NodeIndexContainsScan TEXT INDEX node:Enterprise\(name\)/.test(o)),
        plan,
      ).toBe(true);
      expect(
        ops.filter((o) => /Scan/.test(o) && /Enterprise/.test(o) && !/IndexContainsScan/.test(o)),
      ).toEqual([]);
      expect(ops.some((o) => o.startsWith('AllNodesScan'))).toBe(false);
    } finally {
      await session.close();
    }
  });
});
