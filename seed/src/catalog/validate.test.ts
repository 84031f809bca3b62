import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from './schema.js';
import {
  CatalogError,
  MIN_LINKS_PER_CHAIN,
  loadCatalog,
  readShenwanLevel3,
  validateCatalog,
} from './validate.js';
import type { Catalog, CatalogProblem } from './validate.js';

describe('the real catalog', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadCatalog();
  });

  it('has at least 12 chains, each with at least 15 links, all three stages and a key link', () => {
    expect(catalog.chains.length).toBeGreaterThanOrEqual(12);
    for (const chain of catalog.chains) {
      const links = catalog.links.filter((link) => link.chainId === chain.id);
      expect(links.length, chain.id).toBeGreaterThanOrEqual(MIN_LINKS_PER_CHAIN);
      expect(new Set(links.map((link) => link.stage)), chain.id).toEqual(
        new Set(['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM']),
      );
      expect(
        links.some((link) => link.key),
        chain.id,
      ).toBe(true);
    }
  });

  it('covers the industries the seed documents name', () => {
    const names = catalog.chains.map((chain) => chain.name).join(' ');
    for (const industry of [
      '新能源汽车',
      '集成电路',
      '电子信息',
      '生物医药',
      '新材料',
      '智能装备',
      '食品饮料',
      '绿色包装',
      '纺织服装',
      '节能环保',
      '光伏',
      '储能',
      '大健康',
      '应急装备',
    ]) {
      expect(names).toContain(industry);
    }
  });

  it('has SUPPLIES edges within chains and across them', () => {
    const cross = catalog.supplies.filter((edge) => edge.fromChainId !== edge.toChainId);
    expect(catalog.supplies.length - cross.length).toBeGreaterThan(200);
    expect(cross.length).toBeGreaterThan(20);
    const pairs = new Set(cross.map((edge) => `${edge.fromChainId}>${edge.toChainId}`));
    for (const pair of ['nev>pv', 'pack>food', 'nm>ic']) expect(pairs).toContain(pair);
  });

  it('marks sub-links with a parent in the same chain', () => {
    const byId = new Map(catalog.links.map((link) => [link.id, link]));
    const subLinks = catalog.links.filter((link) => link.parent !== undefined);
    expect(subLinks.length).toBeGreaterThan(20);
    for (const link of subLinks) expect(byId.get(link.parent!)?.chainId).toBe(link.chainId);
  });

  it('reads the Shenwan level-3 codes only', async () => {
    const level3 = await readShenwanLevel3();
    expect(level3.get('280501')).toBe('电动乘用车');
    expect(level3.has('280500')).toBe(false);
    expect(level3.has('280000')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Small broken catalogs. Each starts from a valid chain and breaks exactly one rule.

const SHENWAN = new Map([
  ['280501', '电动乘用车'],
  ['630701', '锂电池'],
  ['630702', '电池化学品'],
  ['240603', '锂'],
]);

interface RawLink {
  id: string;
  name: string;
  stage: string;
  key: boolean;
  parent?: string;
  description: string;
  shenwan: string[];
}
interface RawEdge {
  from: string;
  to: string;
  allowCycle?: boolean;
  note?: string;
}
interface RawChain {
  id: string;
  name: string;
  description: string;
  links: RawLink[];
  supplies: RawEdge[];
}

/** A valid chain `<id>` with links `<id>.l0` … `<id>.l14`: five per stage, `l0` key, a simple edge path. */
function chain(id: string): RawChain {
  const stages: Stage[] = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'];
  const links = Array.from({ length: 15 }, (_, i): RawLink => ({
    id: `${id}.l${i}`,
    name: `环节${i}`,
    stage: stages[Math.floor(i / 5)]!,
    key: i === 0,
    description: `测试环节 ${i}`,
    shenwan: ['630701'],
  }));
  const supplies = [
    { from: `${id}.l0`, to: `${id}.l5` },
    { from: `${id}.l5`, to: `${id}.l10` },
  ];
  return { id, name: `测试链 ${id}`, description: '测试用产业链', links, supplies };
}

function check(...chains: unknown[]) {
  return validateCatalog(
    chains.map((content, i) => ({
      path: `chains/${(content as { id?: unknown }).id ?? `file${i}`}.json`,
      content,
    })),
    SHENWAN,
  );
}

function only(problems: CatalogProblem[]): CatalogProblem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('validateCatalog', () => {
  it('accepts a valid catalog and flattens it', () => {
    const a = chain('a');
    const b = chain('b');
    a.supplies.push({ from: 'a.l10', to: 'b.l0', note: '跨链' });
    const { catalog, problems } = check(a, b);
    expect(problems).toEqual([]);
    expect(catalog.chains.map((c) => c.id)).toEqual(['a', 'b']);
    expect(catalog.links).toHaveLength(30);
    expect(catalog.links[0]).toMatchObject({ id: 'a.l0', chainId: 'a' });
    expect(catalog.supplies).toContainEqual({
      from: 'a.l10',
      to: 'b.l0',
      note: '跨链',
      fromChainId: 'a',
      toChainId: 'b',
    });
  });

  it('rejects a duplicate link id, naming both places', () => {
    const a = chain('a');
    a.links[7]!.id = 'a.l3';
    const problem = only(check(a).problems);
    expect(problem).toEqual({
      path: 'chains/a.json',
      pointer: 'links[7].id',
      message: 'duplicate link id "a.l3": already defined at chains/a.json links[3]',
    });
  });

  it('rejects a duplicate chain id', () => {
    const problems = check(chain('a'), { ...chain('a'), links: [] }).problems;
    expect(problems).toContainEqual({
      path: 'chains/a.json',
      pointer: 'id',
      message: 'duplicate chain id "a": already defined in chains/a.json',
    });
  });

  it('rejects a link id that does not start with its chain id', () => {
    const a = chain('a');
    a.links[2]!.id = 'b.l2';
    expect(only(check(a).problems)).toMatchObject({
      pointer: 'links[2].id',
      message: expect.stringContaining('"a."'),
    });
  });

  it('rejects an unknown parent', () => {
    const a = chain('a');
    a.links[6]!.parent = 'a.nope';
    expect(only(check(a).problems)).toEqual({
      path: 'chains/a.json',
      pointer: 'links[6].parent',
      message: 'parent "a.nope" does not exist',
    });
  });

  it('rejects a parent in another chain', () => {
    const a = chain('a');
    a.links[6]!.parent = 'b.l5';
    const problem = only(check(a, chain('b')).problems);
    expect(problem.pointer).toBe('links[6].parent');
    expect(problem.message).toContain('is in chain "b"');
  });

  it('rejects a parent cycle, naming its links', () => {
    const a = chain('a');
    a.links[1]!.parent = 'a.l2';
    a.links[2]!.parent = 'a.l3';
    a.links[3]!.parent = 'a.l1';
    expect(only(check(a).problems)).toEqual({
      path: 'chains/a.json',
      pointer: 'links[1].parent',
      message: 'parent cycle: a.l1 → a.l2 → a.l3 → a.l1',
    });
  });

  it('rejects a chain missing a stage', () => {
    const a = chain('a');
    for (const link of a.links) if (link.stage === 'DOWNSTREAM') link.stage = 'MIDSTREAM';
    const problem = only(check(a).problems);
    expect(problem).toMatchObject({ path: 'chains/a.json', pointer: 'links' });
    expect(problem.message).toContain('has no DOWNSTREAM link');
  });

  it('rejects a chain with fewer than 15 links', () => {
    const a = chain('a');
    a.links.splice(11, 4);
    expect(only(check(a).problems)).toMatchObject({
      pointer: 'links',
      message: 'chain "a" has 11 links; at least 15 are required',
    });
  });

  it('rejects a chain without a key link', () => {
    const a = chain('a');
    a.links[0]!.key = false;
    expect(only(check(a).problems).message).toContain('has no key link');
  });

  it('rejects an unknown Shenwan code, naming it', () => {
    const a = chain('a');
    a.links[4]!.shenwan = ['630701', '999999'];
    expect(only(check(a).problems)).toEqual({
      path: 'chains/a.json',
      pointer: 'links[4].shenwan[1]',
      message: 'unknown Shenwan level-3 code "999999"',
    });
  });

  it('rejects level-1 and level-2 Shenwan codes', () => {
    const a = chain('a');
    a.links[4]!.shenwan = ['280500'];
    a.links[5]!.shenwan = ['280000'];
    const { problems } = check(a);
    expect(problems).toEqual([
      {
        path: 'chains/a.json',
        pointer: 'links[4].shenwan[0]',
        message: 'Shenwan code "280500" is a level-2 code; links take level-3 codes only',
      },
      {
        path: 'chains/a.json',
        pointer: 'links[5].shenwan[0]',
        message: 'Shenwan code "280000" is a level-1 code; links take level-3 codes only',
      },
    ]);
  });

  it('rejects an unmarked SUPPLIES cycle, naming its links', () => {
    const a = chain('a');
    a.supplies.push({ from: 'a.l10', to: 'a.l0' });
    const problem = only(check(a).problems);
    expect(problem.path).toBe('chains/a.json');
    expect(problem.pointer).toMatch(/^supplies\[\d\]$/);
    expect(problem.message).toContain('SUPPLIES cycle not marked allowCycle: a.l0 → a.l5 → a.l10 → a.l0');
  });

  it('accepts a cycle with one edge marked allowCycle', () => {
    const a = chain('a');
    a.supplies.push({ from: 'a.l10', to: 'a.l0', allowCycle: true, note: '回收再利用' });
    expect(check(a).problems).toEqual([]);
  });

  it('rejects allowCycle on an edge that closes no cycle', () => {
    const a = chain('a');
    a.supplies[0]!.allowCycle = true;
    expect(only(check(a).problems)).toMatchObject({
      pointer: 'supplies[0].allowCycle',
      message: expect.stringContaining('closes no cycle'),
    });
  });

  it('rejects dangling SUPPLIES endpoints', () => {
    const a = chain('a');
    a.supplies.push({ from: 'a.l1', to: 'b.l0' }, { from: 'a.ghost', to: 'a.l6' });
    expect(check(a).problems).toEqual([
      { path: 'chains/a.json', pointer: 'supplies[2].to', message: 'link "b.l0" does not exist' },
      { path: 'chains/a.json', pointer: 'supplies[3].from', message: 'link "a.ghost" does not exist' },
    ]);
  });

  it('rejects an edge filed under the wrong chain, and self-loops', () => {
    const a = chain('a');
    a.supplies.push({ from: 'b.l0', to: 'a.l6' }, { from: 'a.l7', to: 'a.l7' });
    const { problems } = check(a, chain('b'));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      pointer: 'supplies[2].from',
      message: expect.stringContaining('chain "b"'),
    });
    expect(problems[1]).toEqual({
      path: 'chains/a.json',
      pointer: 'supplies[3]',
      message: 'self-loop: "a.l7" supplies itself',
    });
  });

  it('rejects a bad stage value with its pointer and the value', () => {
    const a = chain('a');
    a.links[3]!.stage = 'UP';
    const problem = only(check(a).problems);
    expect(problem.path).toBe('chains/a.json');
    expect(problem.pointer).toBe('links[3].stage');
    expect(problem.message).toContain('UPSTREAM');
    expect(problem.message).toContain('(got "UP")');
  });

  it('rejects unknown keys and missing fields', () => {
    const a = chain('a') as unknown as { links: Record<string, unknown>[] };
    a.links[2]!.parnet = 'a.l1';
    delete a.links[8]!.key;
    const { problems } = check(a);
    expect(problems.map((p) => p.pointer)).toEqual(['links[2]', 'links[8].key']);
    expect(problems[0]!.message).toContain('parnet');
  });

  it('does not call references to a malformed link dangling', () => {
    const a = chain('a');
    a.links[5]!.stage = 'SIDEWAYS';
    expect(check(a).problems.map((p) => p.pointer)).toEqual(['links[5].stage']);
  });

  it('does not blame allowCycle when a malformed link breaks the marked loop', () => {
    const a = chain('a');
    a.supplies.push({ from: 'a.l10', to: 'a.l0', allowCycle: true });
    a.links[5]!.key = 'yes' as unknown as boolean;
    expect(check(a).problems.map((p) => p.pointer)).toEqual(['links[5].key']);
  });

  it('reports every problem at once, across files', () => {
    const a = chain('a');
    a.links[3]!.stage = 'UP';
    a.links[4]!.shenwan = ['280500'];
    const b = chain('b');
    b.links[1]!.id = 'b.l0';
    b.supplies.push({ from: 'b.l10', to: 'b.nope' });
    const problems = check(a, b).problems;
    expect(problems.map((p) => `${p.path} ${p.pointer}`)).toEqual([
      'chains/a.json links[3].stage',
      'chains/b.json links[1].id',
      'chains/b.json supplies[2].to',
      'chains/a.json links[4].shenwan[0]',
    ]);
  });
});

describe('loadCatalog', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainmap-catalog-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('throws one error listing every problem with file and pointer', async () => {
    const a = chain('a');
    a.links[3]!.stage = 'UP';
    await writeFile(join(dir, 'a.json'), JSON.stringify(a));
    await writeFile(join(dir, 'b.json'), '{ not json');
    await writeFile(join(dir, 'c.json'), JSON.stringify(chain('d')));
    const error = await loadCatalog(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogError);
    const { message, problems } = error as CatalogError;
    expect(problems).toHaveLength(3);
    expect(message).toMatch(/a\.json links\[3\]\.stage: .*got "UP"/);
    expect(message).toMatch(/b\.json \(root\): invalid JSON/);
    expect(message).toMatch(/c\.json id: chain id "d" does not match the file name "c\.json"/);
  });
});
