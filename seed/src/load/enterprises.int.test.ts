import { cypher, DbError, type Executor } from '@chainmap/graph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/db.js';
import {
  assignLinksByIndustry,
  writeAssignments,
  writeEnterprises,
  writeRelations,
  type EnterpriseRow,
} from './enterprises.store.js';

// A hand-built reference graph where every answer is obvious:
//   湖北 420000 ─ 咸宁 421200 ─┬ 咸安 421202
//                             └ 咸宁高新区 4212Z01 (ZONE, under the city)
//   广东 440000 ─ 深圳 440300 ─ 南山 440305
//   links: battery (shenwan 270000-level-2 '270100'… see below), cathode (exact L3), assembly
const fixture = cypher(
  'testEnterpriseFixture',
  `UNWIND $regions AS r
   CREATE (:Region {code: r.code, name: r.name, level: r.level})
   WITH count(*) AS _
   UNWIND $regions AS r
   MATCH (c:Region {code: r.code}), (p:Region {code: r.parent})
   CREATE (c)-[:WITHIN]->(p)
   WITH count(*) AS _
   CREATE (ch:Chain {id: 'nev', name: '新能源汽车'})
   WITH ch
   UNWIND $links AS l
   CREATE (ch)-[:HAS_LINK]->(k:Link {id: l.id, name: l.name, stage: l.stage, key: false, shenwan: l.shenwan})
   WITH count(*) AS _
   CREATE (i:Industry {code: '640701', name: '电机Ⅲ', level: 3, scheme: 'SW2021'})
   WITH i
   MATCH (k:Link {id: 'motor'})
   CREATE (k)-[:MAPS_TO]->(i)`,
);

const REGIONS = [
  { code: '420000', name: '湖北省', level: 'PROVINCE', parent: null },
  { code: '421200', name: '咸宁市', level: 'CITY', parent: '420000' },
  { code: '421202', name: '咸安区', level: 'COUNTY', parent: '421200' },
  { code: '4212Z01', name: '咸宁高新技术产业开发区', level: 'ZONE', parent: '421200' },
  { code: '440000', name: '广东省', level: 'PROVINCE', parent: null },
  { code: '440300', name: '深圳市', level: 'CITY', parent: '440000' },
  { code: '440305', name: '南山区', level: 'COUNTY', parent: '440300' },
];

const LINKS = [
  { id: 'cathode', name: '正极材料', stage: 'UPSTREAM', shenwan: ['630705'] },
  { id: 'battery', name: '动力电池', stage: 'MIDSTREAM', shenwan: ['630700'] },
  { id: 'motor', name: '驱动电机', stage: 'MIDSTREAM', shenwan: [] },
  { id: 'vehicle', name: '整车', stage: 'DOWNSTREAM', shenwan: ['280000'] },
];

const q = (text: string) => cypher('test', text);

let db: TestDb;
let ex: Executor;

async function one(text: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const [row] = await ex.read(q(text), params);
  return row ?? {};
}

async function count(text: string, params: Record<string, unknown> = {}): Promise<number> {
  return (await one(text, params)).n as number;
}

function firm(id: string, extra: Partial<EnterpriseRow> = {}): EnterpriseRow {
  return { id, name: `测试企业${id}`, tags: [], ...extra };
}

beforeAll(async () => {
  db = await openTestDb();
  ex = db.executor;
});

afterAll(async () => {
  await db?.reset();
  await db?.close();
});

beforeEach(async () => {
  await db.reset();
  await ex.write(fixture, { regions: REGIONS, links: LINKS });
});

describe('writeEnterprises (upsert)', () => {
  it('is idempotent: the same rows twice leave the same nodes and edges, and bump version', async () => {
    const rows = [
      firm('a', { regionCode: '421202', revenue: 12.5, employees: 800, tags: ['HIGH_TECH'] }),
      firm('b', { regionCode: '4212Z01', creditCode: '91421200XY0000001A' }),
      firm('c', { regionCode: '440305', stockCode: '300001.SZ' }),
    ];
    expect(await writeEnterprises(ex, rows, { importId: 'imp-1' })).toEqual({
      created: 3,
      updated: 0,
      unresolvedRegion: 0,
    });
    expect(await writeEnterprises(ex, rows, { importId: 'imp-1' })).toEqual({
      created: 0,
      updated: 3,
      unresolvedRegion: 0,
    });
    expect(await count('MATCH (e:Enterprise) RETURN count(e) AS n')).toBe(3);
    expect(await count('MATCH (:Enterprise)-[l:LOCATED_IN]->(:Region) RETURN count(l) AS n')).toBe(3);
    const a = await one('MATCH (e:Enterprise {id: "a"}) RETURN e {.*} AS e');
    expect(a.e).toMatchObject({
      name: '测试企业a',
      pinyinInitials: 'csqya',
      tags: ['HIGH_TECH'],
      revenue: 12.5,
      employees: 800,
      version: 2,
      synthetic: false,
      regionCode: '421202',
      provinceCode: '420000',
      cityCode: '421200',
      countyCode: '421202',
    });
    // Integers stay integers in the graph (not 800.0).
    expect(await one('MATCH (e:Enterprise {id: "a"}) RETURN valueType(e.employees) AS t')).toEqual({
      t: 'INTEGER NOT NULL',
    });
  });

  it('keeps properties a later row leaves out, and replaces those it gives', async () => {
    await writeEnterprises(
      ex,
      [firm('a', { fullName: '咸宁测试股份有限公司', revenue: 3, tags: ['LISTED'] })],
      { importId: 'imp-1' },
    );
    await writeEnterprises(ex, [firm('a', { revenue: 4, tags: ['LISTED', 'LEADER'] })], {
      importId: 'imp-2',
    });
    const a = (await one('MATCH (e:Enterprise {id: "a"}) RETURN e {.*} AS e')).e;
    expect(a).toMatchObject({
      fullName: '咸宁测试股份有限公司',
      revenue: 4,
      tags: ['LISTED', 'LEADER'],
      version: 2,
      importId: 'imp-2',
    });
  });

  it('relocation replaces the LOCATED_IN edge and every region code', async () => {
    await writeEnterprises(ex, [firm('a', { regionCode: '421202' })], { importId: 'imp-1' });
    await writeEnterprises(ex, [firm('a', { regionCode: '4212Z01' })], { importId: 'imp-2' });
    let a = await one(
      'MATCH (e:Enterprise {id: "a"}) RETURN e.regionCode AS region, e.provinceCode AS province, e.cityCode AS city, e.countyCode AS county, [(e)-[:LOCATED_IN]->(r) | r.code] AS edges',
    );
    expect(a).toEqual({
      region: '4212Z01',
      province: '420000',
      city: '421200',
      county: null,
      edges: ['4212Z01'],
    });

    await writeEnterprises(ex, [firm('a', { regionCode: '440305' })], { importId: 'imp-3' });
    a = await one(
      'MATCH (e:Enterprise {id: "a"}) RETURN e.regionCode AS region, e.provinceCode AS province, e.cityCode AS city, e.countyCode AS county, [(e)-[:LOCATED_IN]->(r) | r.code] AS edges',
    );
    expect(a).toEqual({
      region: '440305',
      province: '440000',
      city: '440300',
      county: '440305',
      edges: ['440305'],
    });

    // A row without a region leaves the location alone.
    await writeEnterprises(ex, [firm('a')], { importId: 'imp-4' });
    expect(
      await one('MATCH (e:Enterprise {id: "a"})-[:LOCATED_IN]->(r) RETURN collect(r.code) AS codes'),
    ).toEqual({ codes: ['440305'] });
  });

  it('counts an unknown region, writes the enterprise, and keeps its previous location', async () => {
    expect(
      await writeEnterprises(ex, [firm('a', { regionCode: '999999' }), firm('b', { regionCode: '421202' })], {
        importId: 'imp-1',
      }),
    ).toEqual({
      created: 2,
      updated: 0,
      unresolvedRegion: 1,
    });
    expect(
      await one(
        'MATCH (e:Enterprise {id: "a"}) RETURN e.regionCode AS code, EXISTS { (e)-[:LOCATED_IN]->() } AS located',
      ),
    ).toEqual({
      code: null,
      located: false,
    });
    expect(
      (await writeEnterprises(ex, [firm('b', { regionCode: '999999' })], { importId: 'imp-2' }))
        .unresolvedRegion,
    ).toBe(1);
    expect(
      await one(
        'MATCH (e:Enterprise {id: "b"})-[:LOCATED_IN]->(r) RETURN e.regionCode AS code, collect(r.code) AS edges',
      ),
    ).toEqual({
      code: '421202',
      edges: ['421202'],
    });
  });

  it('stores provenance: importId on nodes and edges, sourceRows accumulated without repeats', async () => {
    await writeEnterprises(ex, [firm('a', { regionCode: '421202', sourceRows: ['firms.csv:2'] })], {
      importId: 'imp-1',
    });
    await writeEnterprises(
      ex,
      [firm('a', { regionCode: '421202', sourceRows: ['firms.csv:2', 'more.csv:7'] })],
      { importId: 'imp-2' },
    );
    expect(
      await one(
        'MATCH (e:Enterprise {id: "a"})-[l:LOCATED_IN]->() RETURN e.importId AS imp, e.sourceRows AS rows, l.importId AS edge',
      ),
    ).toEqual({
      imp: 'imp-2',
      rows: ['firms.csv:2', 'more.csv:7'],
      edge: 'imp-2',
    });
  });

  it('writes a batch repeating an id once, last row winning', async () => {
    const r = await writeEnterprises(ex, [firm('a', { revenue: 1 }), firm('a', { revenue: 2 })], {
      importId: 'imp-1',
    });
    expect(r).toEqual({ created: 1, updated: 0, unresolvedRegion: 0 });
    expect(await one('MATCH (e:Enterprise {id: "a"}) RETURN e.revenue AS rev, e.version AS v')).toEqual({
      rev: 2,
      v: 1,
    });
  });

  it('refuses a malformed row before touching the graph', async () => {
    await expect(
      writeEnterprises(ex, [firm('a', { employees: 1.5 })], { importId: 'imp-1' }),
    ).rejects.toThrow(/employees/);
    expect(await count('MATCH (e:Enterprise) RETURN count(e) AS n')).toBe(0);
  });
});

describe('writeEnterprises (create)', () => {
  it('creates enterprises with their location and codes in one pass', async () => {
    const rows = [
      firm('a', { regionCode: '4212Z01', synthetic: true }),
      firm('b', { regionCode: '440305' }),
      firm('c', { regionCode: '000000' }),
    ];
    expect(await writeEnterprises(ex, rows, { importId: 'syn', mode: 'create' })).toEqual({
      created: 3,
      updated: 0,
      unresolvedRegion: 1,
    });
    expect(
      await ex.read(
        q(
          'MATCH (e:Enterprise) RETURN e.id AS id, e.synthetic AS syn, e.version AS v, e.cityCode AS city, e.countyCode AS county ORDER BY id',
        ),
      ),
    ).toEqual([
      { id: 'a', syn: true, v: 1, city: '421200', county: null },
      { id: 'b', syn: false, v: 1, city: '440300', county: '440305' },
      { id: 'c', syn: false, v: 1, city: null, county: null },
    ]);
  });

  it('a failing batch leaves nothing of that batch', async () => {
    await writeEnterprises(ex, [firm('a', { creditCode: '91421200XY0000001A' })], {
      importId: 'imp-1',
      mode: 'create',
    });
    const batch = [firm('b', { regionCode: '421202' }), firm('c'), firm('a')];
    const err = await writeEnterprises(ex, batch, { importId: 'imp-2', mode: 'create' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).code).toBe('CONFLICT');
    expect(await ex.read(q('MATCH (e:Enterprise) RETURN e.id AS id'))).toEqual([{ id: 'a' }]);
    expect(await count('MATCH ()-[l:LOCATED_IN]->() RETURN count(l) AS n')).toBe(0);

    // Same in upsert mode: a credit code clash rolls back the whole batch.
    const clash = [firm('d'), firm('e', { creditCode: '91421200XY0000001A' })];
    await expect(writeEnterprises(ex, clash, { importId: 'imp-3' })).rejects.toBeInstanceOf(DbError);
    expect(await count('MATCH (e:Enterprise) RETURN count(e) AS n')).toBe(1);
  });
});

describe('writeAssignments', () => {
  beforeEach(async () => {
    await writeEnterprises(ex, [firm('a'), firm('b')], { importId: 'imp-0' });
  });

  it('upserts OPERATES_IN and counts missing enterprises and links', async () => {
    const rows = [
      {
        enterpriseId: 'a',
        linkId: 'battery',
        source: 'IMPORT' as const,
        confidence: 0.9,
        sourceRows: ['links.csv:2'],
      },
      { enterpriseId: 'b', linkId: 'vehicle', source: 'MANUAL' as const, confidence: 1 },
      { enterpriseId: 'zz', linkId: 'battery', source: 'IMPORT' as const, confidence: 0.9 },
      { enterpriseId: 'a', linkId: 'no-such-link', source: 'IMPORT' as const, confidence: 0.9 },
    ];
    expect(await writeAssignments(ex, rows, { importId: 'imp-1' })).toEqual({
      created: 2,
      updated: 0,
      missing: 2,
    });
    expect(
      await writeAssignments(ex, [{ ...rows[0]!, source: 'MANUAL', confidence: 1 }], { importId: 'imp-2' }),
    ).toEqual({
      created: 0,
      updated: 1,
      missing: 0,
    });
    expect(
      await ex.read(
        q(
          'MATCH (e:Enterprise)-[o:OPERATES_IN]->(l:Link) RETURN e.id AS e, l.id AS l, o {.*} AS o ORDER BY e',
        ),
      ),
    ).toEqual([
      {
        e: 'a',
        l: 'battery',
        o: { source: 'MANUAL', confidence: 1, importId: 'imp-2', sourceRows: ['links.csv:2'] },
      },
      { e: 'b', l: 'vehicle', o: { source: 'MANUAL', confidence: 1, importId: 'imp-1' } },
    ]);
  });

  it('create mode counts what it could not attach', async () => {
    const rows = [
      { enterpriseId: 'a', linkId: 'battery', source: 'IMPORT' as const, confidence: 0.9 },
      { enterpriseId: 'zz', linkId: 'battery', source: 'IMPORT' as const, confidence: 0.9 },
    ];
    expect(await writeAssignments(ex, rows, { importId: 'imp-1', mode: 'create' })).toEqual({
      created: 1,
      updated: 0,
      missing: 1,
    });
  });
});

describe('writeRelations', () => {
  beforeEach(async () => {
    await writeEnterprises(ex, [firm('a'), firm('b'), firm('c')], { importId: 'imp-0' });
  });

  it('upserts both tie types in one transaction, counting missing ends and self-ties', async () => {
    const rows = [
      { fromId: 'a', toId: 'b', type: 'SUPPLIES_TO' as const, sourceRows: ['ties.csv:2'] },
      { fromId: 'c', toId: 'a', type: 'INVESTS_IN' as const, share: 0.3 },
      { fromId: 'a', toId: 'nobody', type: 'SUPPLIES_TO' as const },
      { fromId: 'b', toId: 'b', type: 'SUPPLIES_TO' as const },
    ];
    expect(await writeRelations(ex, rows, { importId: 'imp-1' })).toEqual({
      created: 2,
      updated: 0,
      missing: 2,
    });
    expect(await writeRelations(ex, [rows[0]!, { ...rows[1]!, share: 0.51 }], { importId: 'imp-2' })).toEqual(
      { created: 0, updated: 2, missing: 0 },
    );
    expect(
      await ex.read(
        q(
          'MATCH (a)-[t]->(b) WHERE type(t) IN ["SUPPLIES_TO", "INVESTS_IN"] RETURN a.id AS a, type(t) AS type, b.id AS b, t {.*} AS t ORDER BY a',
        ),
      ),
    ).toEqual([
      { a: 'a', type: 'SUPPLIES_TO', b: 'b', t: { importId: 'imp-2', sourceRows: ['ties.csv:2'] } },
      { a: 'c', type: 'INVESTS_IN', b: 'a', t: { importId: 'imp-2', share: 0.51 } },
    ]);
  });

  it('a failing batch leaves none of its ties', async () => {
    const rows = [
      { fromId: 'a', toId: 'b', type: 'SUPPLIES_TO' as const },
      { fromId: 'c', toId: 'a', type: 'INVESTS_IN' as const, share: 2 },
    ];
    await expect(writeRelations(ex, rows, { importId: 'imp-1' })).rejects.toThrow(/share/);
    expect(await count('MATCH ()-[t:SUPPLIES_TO|INVESTS_IN]->() RETURN count(t) AS n')).toBe(0);
  });

  it('create mode writes each row as a new tie', async () => {
    const rows = [
      { fromId: 'a', toId: 'b', type: 'SUPPLIES_TO' as const },
      { fromId: 'a', toId: 'c', type: 'SUPPLIES_TO' as const },
      { fromId: 'c', toId: 'b', type: 'INVESTS_IN' as const, share: 1 },
      { fromId: 'c', toId: 'x', type: 'INVESTS_IN' as const },
    ];
    expect(await writeRelations(ex, rows, { importId: 'imp-1', mode: 'create' })).toEqual({
      created: 3,
      updated: 0,
      missing: 1,
    });
  });
});

describe('assignLinksByIndustry', () => {
  it('assigns from Link.shenwan (exact and level-2 parent) and MAPS_TO, keeping manual assignments', async () => {
    await writeEnterprises(
      ex,
      [
        firm('cathode-maker', { industryCode: '630705' }), // exact in cathode, and under 630700 (battery)
        firm('motor-maker', { industryCode: '640701' }), // through MAPS_TO only
        firm('car-maker', { industryCode: '280101' }), // under level 1 280000
        firm('bank', { industryCode: '480101' }),
        firm('unknown'),
      ],
      { importId: 'imp-0' },
    );
    await writeAssignments(
      ex,
      [{ enterpriseId: 'car-maker', linkId: 'vehicle', source: 'MANUAL', confidence: 1 }],
      { importId: 'imp-0' },
    );
    expect(await assignLinksByIndustry(ex, { importId: 'auto-1' })).toBe(3);
    expect(
      await ex.read(
        q(
          'MATCH (e:Enterprise)-[o:OPERATES_IN]->(l:Link) RETURN e.id AS e, l.id AS l, o.source AS source, o.confidence AS c ORDER BY e, l',
        ),
      ),
    ).toEqual([
      { e: 'car-maker', l: 'vehicle', source: 'MANUAL', c: 1 },
      { e: 'cathode-maker', l: 'battery', source: 'INDUSTRY_CODE', c: 0.8 },
      { e: 'cathode-maker', l: 'cathode', source: 'INDUSTRY_CODE', c: 0.8 },
      { e: 'motor-maker', l: 'motor', source: 'INDUSTRY_CODE', c: 0.8 },
    ]);
    // Running again creates nothing.
    expect(await assignLinksByIndustry(ex, { importId: 'auto-2' })).toBe(0);
  });

  it('for given enterprises only, and drops INDUSTRY_CODE assignments the new code no longer supports', async () => {
    await writeEnterprises(
      ex,
      [firm('x', { industryCode: '630705' }), firm('y', { industryCode: '630705' })],
      { importId: 'imp-0' },
    );
    expect(await assignLinksByIndustry(ex, { importId: 'auto-1', enterpriseIds: ['x'] })).toBe(2);
    await writeEnterprises(ex, [firm('x', { industryCode: '640701' })], { importId: 'imp-1' });
    expect(await assignLinksByIndustry(ex, { importId: 'auto-2', enterpriseIds: ['x', 'missing'] })).toBe(1);
    expect(
      await ex.read(
        q('MATCH (e:Enterprise)-[:OPERATES_IN]->(l:Link) RETURN e.id AS e, l.id AS l ORDER BY e, l'),
      ),
    ).toEqual([{ e: 'x', l: 'motor' }]);
  });
});
