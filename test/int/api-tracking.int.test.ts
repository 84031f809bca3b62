import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/core/relay.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { data, error } from '../support/gql.js';

// 考核、排位、预警、月通报 on a hand-built city where every figure is worked out by hand.
//
// 咸宁市 (421200) with 咸安 421202, 嘉鱼 421221, 赤壁 421281 (same targets each) and the zone
// 4212Z01 (no targets). Projects (亿元), all handled by the nev task force:
//   A 咸安 12, listed investor, export, industrial: signed 02-10, started 05-01, funds 5 (03-01) +
//     5 (08-01), planned production 2026-10-31
//   B 嘉鱼 the same as A but a local investor and planned production 2027-06-30 (so 咸安 and 嘉鱼 tie)
//   C 赤壁 3, not industrial: signed 03-15, never started
//   D 赤壁 0.5: signed 01-20, started 02-01 (below 1亿: counts for nothing)
//   G 赤壁 5: signed 2025-12-01, started 01-15, in production 10-12 (fills 驱动电机 nev.motor)
//   E zone 2: lead 01-10, negotiating 02-01 (stalls)
//   H zone 1.5, industrial: signed 2026-10-20
//   F 嘉鱼 2, industrial: signed 2024-03-01, funds 4 (2024-07-01): the leap-year case
//   M zone 5, industrial: lead 01-10, signed 02-01 (the mutations below work on it)

let db: TestDb;
let api: TestApi;

const WORLD = `
CREATE (prov:Region {code: '420000', name: '湖北省', shortName: '湖北', level: 'PROVINCE'})
CREATE (city:Region {code: '421200', name: '咸宁市', shortName: '咸宁', level: 'CITY'})-[:WITHIN]->(prov)
CREATE (xa:Region {code: '421202', name: '咸安区', shortName: '咸安', level: 'COUNTY'})-[:WITHIN]->(city)
CREATE (jy:Region {code: '421221', name: '嘉鱼县', shortName: '嘉鱼', level: 'COUNTY'})-[:WITHIN]->(city)
CREATE (cb:Region {code: '421281', name: '赤壁市', shortName: '赤壁', level: 'COUNTY'})-[:WITHIN]->(city)
CREATE (zone:Region {code: '4212Z01', name: '咸宁高新区', shortName: '高新区', level: 'ZONE'})-[:WITHIN]->(city)
CREATE (nev:Chain {id: 'nev', name: '新能源汽车'})
CREATE (nev)-[:HAS_LINK]->(cell:Link {id: 'nev.cell', name: '动力电池', stage: 'MIDSTREAM', chainId: 'nev'})
CREATE (nev)-[:HAS_LINK]->(motor:Link {id: 'nev.motor', name: '驱动电机', stage: 'MIDSTREAM', chainId: 'nev'})
CREATE (listed:Enterprise {id: 'e-listed', name: '上市电池', tags: ['LISTED']})
CREATE (local:Enterprise {id: 'e-local', name: '本地电机', tags: []})
CREATE (tf:TaskForce {id: 'tf-nev', name: '咸宁市新能源汽车产业链招商专班', leadDepartment: '市经信局', budget: 300,
                      chainId: 'nev', regionCode: '421200', version: 1})
CREATE (tf)-[:FOR_CHAIN]->(nev), (tf)-[:FOR_REGION]->(city)
CREATE (lead:Person {id: 'p-lead', name: '周链长', title: '副市长', version: 1})-[:LEADS]->(tf)
CREATE (:Person {id: 'p-mem', name: '张专员', title: '科长', version: 1})-[:MEMBER_OF]->(tf)
WITH city, xa, jy, cb, zone, cell, motor, listed, local, tf
UNWIND [
  {code: '421200', year: 2026, anchorProjects: 1, projects10e: 2, projects1e: 4, industrialShare: 0.7, newStarts1e: 4, fundsInPlace: 100, exportProjects10e: 1},
  {code: '421200', year: 2024, anchorProjects: 0, projects10e: 0, projects1e: 2, industrialShare: 0.7, newStarts1e: 0, fundsInPlace: 8, exportProjects10e: 0},
  {code: '421202', year: 2026, anchorProjects: 0, projects10e: 1, projects1e: 2, industrialShare: 0.5, newStarts1e: 2, fundsInPlace: 20, exportProjects10e: 0},
  {code: '421221', year: 2026, anchorProjects: 0, projects10e: 1, projects1e: 2, industrialShare: 0.5, newStarts1e: 2, fundsInPlace: 20, exportProjects10e: 0},
  {code: '421281', year: 2026, anchorProjects: 0, projects10e: 1, projects1e: 2, industrialShare: 0.5, newStarts1e: 2, fundsInPlace: 20, exportProjects10e: 0}
] AS k
MATCH (r:Region {code: k.code})
CREATE (t:KpiTarget {id: 'kpi-' + k.code + '-' + k.year, regionCode: k.code, version: 1})-[:FOR_REGION]->(r)
SET t += k
WITH DISTINCT listed, local, tf, cell, motor
UNWIND [
  {id: 'A', region: '421202', by: 'e-listed', amount: 12.0, industrial: true, export: true, planned: '2026-10-31', link: 'nev.cell',
   h: [['LEAD', '2026-01-05'], ['SIGNED', '2026-02-10'], ['STARTED', '2026-05-01']], f: [['2026-03-01', 5.0], ['2026-08-01', 5.0]]},
  {id: 'B', region: '421221', by: 'e-local', amount: 12.0, industrial: true, export: true, planned: '2027-06-30', link: 'nev.cell',
   h: [['SIGNED', '2026-02-10'], ['STARTED', '2026-05-01']], f: [['2026-03-01', 5.0], ['2026-08-01', 5.0]]},
  {id: 'C', region: '421281', by: 'e-local', amount: 3.0, industrial: false, export: false, planned: null, link: 'nev.cell',
   h: [['SIGNED', '2026-03-15']], f: []},
  {id: 'D', region: '421281', by: 'e-local', amount: 0.5, industrial: true, export: false, planned: null, link: 'nev.cell',
   h: [['SIGNED', '2026-01-20'], ['STARTED', '2026-02-01']], f: []},
  {id: 'G', region: '421281', by: 'e-local', amount: 5.0, industrial: true, export: false, planned: '2026-12-31', link: 'nev.motor',
   h: [['SIGNED', '2025-12-01'], ['STARTED', '2026-01-15'], ['IN_PRODUCTION', '2026-10-12']], f: []},
  {id: 'E', region: '4212Z01', by: 'e-local', amount: 2.0, industrial: true, export: false, planned: null, link: 'nev.cell',
   h: [['LEAD', '2026-01-10'], ['NEGOTIATING', '2026-02-01']], f: []},
  {id: 'H', region: '4212Z01', by: 'e-local', amount: 1.5, industrial: true, export: false, planned: null, link: 'nev.cell',
   h: [['NEGOTIATING', '2026-09-01'], ['SIGNED', '2026-10-20']], f: []},
  {id: 'F', region: '421221', by: 'e-local', amount: 2.0, industrial: true, export: false, planned: null, link: 'nev.cell',
   h: [['SIGNED', '2024-03-01']], f: [['2024-07-01', 4.0]]},
  {id: 'M', region: '4212Z01', by: 'e-local', amount: 5.0, industrial: true, export: false, planned: null, link: 'nev.cell',
   h: [['LEAD', '2026-01-10'], ['SIGNED', '2026-02-01']], f: []}
] AS row
MATCH (r:Region {code: row.region}), (e:Enterprise {id: row.by}), (l:Link {id: row.link})
CREATE (p:Project {id: row.id, name: '项目' + row.id, amount: row.amount, industrial: row.industrial,
                   exportOriented: row.export, regionCode: row.region, chainId: 'nev', enterpriseId: row.by,
                   stage: last(row.h)[0], stageOn: date(last(row.h)[1]), version: 1,
                   plannedProductionOn: CASE WHEN row.planned IS NULL THEN null ELSE date(row.planned) END})
CREATE (p)-[:IN_REGION]->(r), (p)-[:BY]->(e), (p)-[:HANDLED_BY]->(tf), (p)-[:FILLS]->(l)
FOREACH (i IN range(0, size(row.h) - 1) |
  CREATE (p)-[:HAS_EVENT]->(:ProjectStageEvent {seq: i + 1, stage: row.h[i][0], on: date(row.h[i][1])}))
FOREACH (f IN row.f | CREATE (p)-[:HAS_FUNDS]->(:FundsEntry {on: date(f[0]), amount: f[1]}))
`;

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  const s = db.driver.session({ database: db.config.NEO4J_DATABASE });
  try {
    await s.run(WORLD);
  } finally {
    await s.close();
  }
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

/** GET an export as a test user (ADMIN unless told), or anonymously with `null`. */
async function download(path: string, user: 'admin' | 'hanzhong' | null = 'admin'): Promise<Response> {
  const headers: Record<string, string> = user ? { authorization: `Bearer ${await api.token(user)}` } : {};
  return fetch(`${api.url}${path}`, { headers });
}

interface Line {
  metric: string;
  target: number | null;
  actual: number | null;
  completionRate: number | null;
  progressPoints: number | null;
  status: string;
}
interface Report {
  kpiReport: {
    year: number;
    asOf: string;
    elapsedShare: number;
    region: {
      region: { code: string };
      lines: Line[];
      projectCount: number;
      funnel: { stage: string; count: number; amount: number }[];
    };
    regions: { region: { code: string }; lines: Line[] }[];
  };
}

const REPORT = `query ($r: String!, $y: Int, $d: LocalDate) {
  kpiReport(regionCode: $r, year: $y, asOf: $d) {
    year asOf elapsedShare
    region { region { code } projectCount lines { metric target actual completionRate progressPoints status } funnel { stage count amount } }
    regions { region { code } lines { metric target actual completionRate progressPoints status } }
  } }`;

const report = (asOf: string, year?: number, r = '421200') =>
  data<Report>(api, REPORT, { r, y: year ?? null, d: asOf }).then((d) => d.kpiReport);
const table = (lines: Line[]) =>
  Object.fromEntries(lines.map((l) => [l.metric, [l.actual, l.completionRate, l.progressPoints, l.status]]));

describe('kpiReport: completion and 序时进度 at known dates', () => {
  it('on 1 January: nothing yet, one day of the year gone', async () => {
    const r = await report('2026-01-01');
    expect(r.elapsedShare).toBe(0.00274);
    expect(table(r.region.lines)).toEqual({
      anchorProjects: [0, 0, -0.27, 'BEHIND'],
      projects10e: [0, 0, -0.27, 'BEHIND'],
      projects1e: [0, 0, -0.27, 'BEHIND'],
      industrialShare: [null, null, null, 'NO_DATA'],
      newStarts1e: [0, 0, -0.27, 'BEHIND'],
      fundsInPlace: [0, 0, -0.27, 'BEHIND'],
      exportProjects10e: [0, 0, -0.27, 'BEHIND'],
    });
  });

  it('at mid-year (2 July: 183 of 365 days)', async () => {
    const r = await report('2026-07-02');
    expect(r.elapsedShare).toBe(0.50137);
    expect(table(r.region.lines)).toEqual({
      anchorProjects: [1, 1, 49.86, 'AHEAD'], // A
      projects10e: [2, 1, 49.86, 'AHEAD'], // A, B
      projects1e: [4, 1, 49.86, 'AHEAD'], // A, B, C, M (D is below 1亿)
      industrialShare: [0.75, 1.0714, 5, 'AHEAD'], // A, B, M of A, B, C, M
      newStarts1e: [3, 0.75, 24.86, 'AHEAD'], // A, B, G
      fundsInPlace: [10, 0.1, -40.14, 'BEHIND'], // 5 + 5 on 03-01
      exportProjects10e: [2, 2, 149.86, 'AHEAD'],
    });
  });

  it('on 31 December: the whole year', async () => {
    const r = await report('2026-12-31');
    expect(r.elapsedShare).toBe(1);
    expect(table(r.region.lines)).toEqual({
      anchorProjects: [1, 1, 0, 'ON_SCHEDULE'],
      projects10e: [2, 1, 0, 'ON_SCHEDULE'],
      projects1e: [5, 1.25, 25, 'AHEAD'], // and H, signed 10-20
      industrialShare: [0.8, 1.1429, 10, 'AHEAD'],
      newStarts1e: [3, 0.75, -25, 'BEHIND'],
      fundsInPlace: [20, 0.2, -80, 'BEHIND'],
      exportProjects10e: [2, 2, 100, 'AHEAD'],
    });
    expect(r.regions.map((x) => x.region.code)).toEqual(['421202', '421221', '421281', '4212Z01']);
    const [xa, , cb, zone] = r.regions;
    expect(table(xa!.lines)).toMatchObject({
      anchorProjects: [1, null, null, 'NO_TARGET'],
      projects1e: [1, 0.5, -50, 'BEHIND'],
      industrialShare: [1, 2, 50, 'AHEAD'],
      newStarts1e: [1, 0.5, -50, 'BEHIND'],
      fundsInPlace: [10, 0.5, -50, 'BEHIND'],
    });
    // 赤壁: C is the only project ≥ 1亿 signed in the year, and not industrial: share 0.
    expect(table(cb!.lines)).toMatchObject({
      projects1e: [1, 0.5, -50, 'BEHIND'],
      industrialShare: [0, 0, -50, 'BEHIND'],
      newStarts1e: [1, 0.5, -50, 'BEHIND'], // G
    });
    expect(zone!.lines.every((l) => l.status === 'NO_TARGET')).toBe(true);
  });

  it('in a leap year: 1 July is exactly half of 366 days', async () => {
    const r = await report('2024-07-01');
    expect(r.year).toBe(2024);
    expect(r.elapsedShare).toBe(0.5);
    expect(table(r.region.lines)).toMatchObject({
      projects1e: [1, 0.5, 0, 'ON_SCHEDULE'], // F
      fundsInPlace: [4, 0.5, 0, 'ON_SCHEDULE'],
      industrialShare: [1, 1.4286, 30, 'AHEAD'],
    });
  });

  it('puts each project at its stage on the day in the funnel', async () => {
    const r = await report('2026-06-30');
    const f = Object.fromEntries(
      r.region.funnel.filter((x) => x.count).map((x) => [x.stage, [x.count, x.amount]]),
    );
    expect(f).toEqual({
      NEGOTIATING: [1, 2], // E
      SIGNED: [3, 10], // C, F (2024), M
      STARTED: [4, 29.5], // A, B, D, G
    });
    expect(r.region.projectCount).toBe(9);
  });

  it('refuses an unknown region and a bad date', async () => {
    expect((await error(api, REPORT, { r: '999999', d: '2026-01-01' })).extensions?.code).toBe('NOT_FOUND');
    const e = await error(api, `{ kpiReport(regionCode: "421200", year: 1900) { year } }`);
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const RANKING = `query ($p: RankingPeriod!, $i: Int, $d: LocalDate) {
  ranking(regionCode: "421200", year: 2026, period: $p, index: $i, asOf: $d) {
    label asOf previousAsOf rows { rank previousRank change score previousScore bonus region { code } } } }`;

describe('ranking', () => {
  it('ranks by the composite, ties sharing a rank in code order, unscored last', async () => {
    const { ranking } = await data<{
      ranking: { label: string; asOf: string; previousAsOf: string; rows: Record<string, unknown>[] };
    }>(api, RANKING, { p: 'MONTH', i: 12, d: '2026-12-31' });
    expect(ranking.label).toBe('2026年12月');
    expect([ranking.asOf, ranking.previousAsOf]).toEqual(['2026-12-31', '2026-11-30']);
    // 咸安 and 嘉鱼: (20×1 + 15×0.5 + 5×1.2 + 20×0.5 + 25×0.5) / 85 × 100 + 2 = 67.88;
    // 赤壁: (15×0.5 + 20×0.5) / 85 × 100 = 20.59.
    expect(ranking.rows).toEqual([
      {
        rank: 1,
        previousRank: 1,
        change: 0,
        score: 67.88,
        previousScore: 67.88,
        bonus: 2,
        region: { code: '421202' },
      },
      {
        rank: 1,
        previousRank: 1,
        change: 0,
        score: 67.88,
        previousScore: 67.88,
        bonus: 2,
        region: { code: '421221' },
      },
      {
        rank: 3,
        previousRank: 3,
        change: 0,
        score: 20.59,
        previousScore: 20.59,
        bonus: 0,
        region: { code: '421281' },
      },
      {
        rank: null,
        previousRank: null,
        change: null,
        score: null,
        previousScore: null,
        bonus: 0,
        region: { code: '4212Z01' },
      },
    ]);
  });

  it('has no movement for the first period of the year, and a quarter ends on its last day', async () => {
    const { ranking } = await data<{
      ranking: {
        asOf: string;
        previousAsOf: string | null;
        rows: { change: number | null; score: number | null }[];
      };
    }>(api, RANKING, { p: 'QUARTER', i: 1, d: '2026-12-31' });
    expect(ranking.asOf).toBe('2026-03-31');
    expect(ranking.previousAsOf).toBeNull();
    expect(ranking.rows.map((r) => [r.score, r.change])).toEqual([
      [48.76, null],
      [48.76, null],
      [20.59, null],
      [null, null],
    ]);
  });

  it('refuses a period that has not begun', async () => {
    const e = await error(api, RANKING, { p: 'MONTH', i: 12, d: '2026-11-30' });
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const WARNINGS = `query ($r: String!, $d: LocalDate, $t: WarningThresholdsInput) {
  warnings(regionCode: $r, asOf: $d, thresholds: $t) { kind severity regionCode projectKey metric since days points reason project { key } region { code } } }`;

interface W {
  kind: string;
  severity: string;
  regionCode: string;
  projectKey: string | null;
  metric: string | null;
  days: number | null;
  points: number | null;
  reason: string;
}
const warn = (r: string, d: string, t: Record<string, number> | null = null) =>
  data<{ warnings: W[] }>(api, WARNINGS, { r, d, t }).then((x) => x.warnings);

describe('warnings', () => {
  it('flags signed-but-not-started the day after the 6-month deadline, not on it', async () => {
    const on = (await warn('421281', '2026-09-15')).filter((w) => w.kind === 'SIGNED_NOT_STARTED');
    expect(on).toEqual([]);
    const after = (await warn('421281', '2026-09-16')).filter((w) => w.kind === 'SIGNED_NOT_STARTED');
    expect(after).toEqual([
      expect.objectContaining({ projectKey: 'C', regionCode: '421281', severity: 'MEDIUM', days: 1 }),
    ]);
    expect(after[0]!.reason).toBe(
      '2026-03-15 签约，至 2026-09-16 仍未开工，超过签约后 6 个月的开工期限（2026-09-15）1 天',
    );
  });

  it('flags started-but-not-in-production past the planned date', async () => {
    expect((await warn('421202', '2026-10-31')).filter((w) => w.kind === 'PRODUCTION_OVERDUE')).toEqual([]);
    const w = (await warn('421202', '2026-11-10')).filter((x) => x.projectKey === 'A');
    expect(w.map((x) => [x.kind, x.days])).toEqual([['PRODUCTION_OVERDUE', 10]]);
  });

  it('flags a stalled project after the configured days', async () => {
    const stalled = (r: W[]) => r.filter((w) => w.kind === 'STALLED' && w.projectKey === 'E');
    expect(stalled(await warn('4212Z01', '2026-05-02'))).toEqual([]); // 90 days after 02-01
    expect(stalled(await warn('4212Z01', '2026-05-03'))).toEqual([expect.objectContaining({ days: 91 })]);
    expect(stalled(await warn('4212Z01', '2026-03-05', { stalledDays: 30 }))).toEqual([
      expect.objectContaining({ days: 32, severity: 'MEDIUM' }),
    ]);
  });

  it('flags a region behind 序时进度 on a KPI, with the numbers in the reason', async () => {
    const w = (await warn('421200', '2026-12-31')).filter(
      (x) => x.kind === 'BEHIND_SCHEDULE' && x.regionCode === '421200',
    );
    expect(w.map((x) => [x.metric, x.points, x.severity])).toEqual([
      ['fundsInPlace', -80, 'HIGH'],
      ['newStarts1e', -25, 'HIGH'],
    ]);
    expect(w[0]!.reason).toBe('咸宁市到位资金完成 20/100（20.0%），落后序时进度 80.00 个百分点');
    const tolerant = (await warn('421200', '2026-12-31', { behindPoints: 30 })).filter(
      (x) => x.kind === 'BEHIND_SCHEDULE' && x.regionCode === '421200',
    );
    expect(tolerant.map((x) => x.metric)).toEqual(['fundsInPlace']);
  });
});

interface BulletinData {
  bulletin: {
    label: string;
    asOf: string;
    signings: {
      chainId: string;
      chainName: string;
      count: number;
      amount: number;
      projects: { key: string; on: string }[];
    }[];
    starts: unknown[];
    gapsFilled: { chainName: string; links: { linkKey: string; projectKey: string; on: string }[] }[];
    warnings: { kind: string; projectKey: string | null }[];
    ranking: { label: string; rows: { rank: number | null; region: { code: string } }[] };
    kpi: { region: { lines: Line[] } };
  };
}

describe('the monthly bulletin', () => {
  it('for October 2026 holds the month’s figures', async () => {
    const { bulletin: b } = await data<BulletinData>(
      api,
      `{ bulletin(regionCode: "421200", month: "2026-10") {
          label asOf
          signings { chainId chainName count amount projects { key on } }
          starts { chainName }
          gapsFilled { chainName links { linkKey projectKey on } }
          warnings { kind projectKey }
          ranking { label rows { rank region { code } } }
          kpi { region { lines { metric target actual completionRate progressPoints status } } } } }`,
    );
    expect([b.label, b.asOf]).toEqual(['2026年10月', '2026-10-31']);
    expect(b.signings).toEqual([
      {
        chainId: 'nev',
        chainName: '新能源汽车',
        count: 1,
        amount: 1.5,
        projects: [{ key: 'H', on: '2026-10-20' }],
      },
    ]);
    expect(b.starts).toEqual([]);
    expect(b.gapsFilled).toEqual([
      { chainName: '新能源汽车', links: [{ linkKey: 'nev.motor', projectKey: 'G', on: '2026-10-12' }] },
    ]);
    expect(b.warnings).toContainEqual({ kind: 'SIGNED_NOT_STARTED', projectKey: 'C' });
    expect(b.ranking.label).toBe('2026年10月');
    expect(b.ranking.rows.map((r) => [r.region.code, r.rank])).toEqual([
      ['421202', 1],
      ['421221', 1],
      ['421281', 3],
      ['4212Z01', null],
    ]);
    // 304 of 365 days gone on 31 October (83.29%); A, B, C, M and H: 125%.
    expect(table(b.kpi.region.lines).projects1e).toEqual([5, 1.25, 41.71, 'AHEAD']);
  });

  it('as XLSX: the workbook opens with its sheets and figures', async () => {
    const res = await download('/export/bulletin.xlsx?regionCode=421200&month=2026-10');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('bulletin-421200-2026-10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '考核指标',
      '排位',
      '新签约亿元以上项目',
      '新开工亿元以上项目',
      '预警',
      '补链成效',
    ]);
    const kpi = wb.getWorksheet('考核指标')!;
    expect(kpi.getRow(1).values).toEqual([
      undefined,
      '地区',
      '指标',
      '单位',
      '目标',
      '完成',
      '完成率',
      '序时差（百分点）',
      '序时进度',
    ]);
    expect(kpi.getRow(4).values).toEqual([
      undefined,
      '咸宁市',
      '亿元以上项目',
      '个',
      4,
      5,
      '125.0%',
      41.71,
      '超序时进度 41.71 个百分点',
    ]);
    const ranking = wb.getWorksheet('排位')!;
    expect(ranking.getRow(2).values).toEqual([
      undefined,
      1,
      '咸安区',
      67.88 - 0,
      2,
      1,
      '—',
      expect.any(Number),
    ]);
    const signings = wb.getWorksheet('新签约亿元以上项目')!;
    expect(signings.getRow(2).values).toEqual([
      undefined,
      '新能源汽车',
      '项目H',
      '咸宁高新区',
      '本地电机',
      1.5,
      '2026-10-20',
    ]);
    const gaps = wb.getWorksheet('补链成效')!;
    expect(gaps.getRow(2).values).toEqual([
      undefined,
      '新能源汽车',
      '驱动电机',
      '项目G',
      '赤壁市',
      '2026-10-12',
    ]);
  });

  it('as Markdown', async () => {
    const res = await download('/export/bulletin.md?regionCode=421200&month=2026-10');
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md.split('\n')[0]).toBe('# 咸宁市2026年10月招商引资工作通报');
    expect(md).toContain(
      '| 咸宁市 | 亿元以上项目 | 个 | 4 | 5 | 125.0% | 41.71 | 超序时进度 41.71 个百分点 |',
    );
    expect(md).toContain('新能源汽车 1 个（1.5 亿元）。');
  });

  it('refuses a bad month with 400', async () => {
    const res = await download('/export/bulletin.md?regionCode=421200&month=2026-13');
    expect(res.status).toBe(400);
  });

  it('is built with the request’s viewer: 401 anonymously, 403 for another city’s office', async () => {
    const anonymous = await download('/export/bulletin.md?regionCode=421200&month=2026-10', null);
    expect(anonymous.status).toBe(401);
    for (const format of ['md', 'xlsx']) {
      const res = await download(`/export/bulletin.${format}?regionCode=421200&month=2026-10`, 'hanzhong');
      expect(res.status).toBe(403);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('dated writes keep past reports as they were', () => {
  const zoneFunds = async (asOf: string) =>
    (await report(asOf)).regions
      .find((r) => r.region.code === '4212Z01')!
      .lines.find((l) => l.metric === 'fundsInPlace')!.actual;
  const version = async () =>
    (await data<{ project: { version: number } }>(api, '{ project(id: "M") { version } }')).project.version;

  it('records funds in place by date, corrections negative', async () => {
    const m = `mutation ($i: RecordFundsInput!) { recordFunds(input: $i) { key version funds { on amount } } }`;
    await data(api, m, { i: { projectId: 'M', version: await version(), on: '2026-06-15', amount: 3 } });
    await data(api, m, { i: { projectId: 'M', version: await version(), on: '2026-06-20', amount: -1 } });
    expect(await zoneFunds('2026-06-14')).toBe(0);
    expect(await zoneFunds('2026-06-15')).toBe(3);
    expect(await zoneFunds('2026-06-20')).toBe(2);
    const stale = await error(api, m, { i: { projectId: 'M', version: 1, on: '2026-06-21', amount: 1 } });
    expect(stale.extensions?.code).toBe('CONFLICT');
    const zero = await error(api, m, { i: { projectId: 'M', version: await version(), amount: 0 } });
    expect(zero.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
  });

  it('revises an amount from a date on', async () => {
    const tenE = async (asOf: string) =>
      (await report(asOf)).regions
        .find((r) => r.region.code === '4212Z01')!
        .lines.find((l) => l.metric === 'projects10e')!.actual;
    const r = await data<{
      reviseProjectAmount: {
        amount: number;
        amounts: { on: string; amount: number; reason: string | null }[];
      };
    }>(
      api,
      `mutation ($i: ReviseProjectAmountInput!) { reviseProjectAmount(input: $i) { amount amounts { on amount reason } } }`,
      { i: { projectId: 'M', version: await version(), amount: 15, on: '2026-06-01', reason: '增资扩产' } },
    );
    expect(r.reviseProjectAmount).toEqual({
      amount: 15,
      amounts: [
        { on: '2026-01-10', amount: 5, reason: null },
        { on: '2026-06-01', amount: 15, reason: '增资扩产' },
      ],
    });
    expect(await tenE('2026-05-31')).toBe(0);
    expect(await tenE('2026-06-01')).toBe(1);
  });
});

describe('contacts and leader duties', () => {
  it('logs contacts, refuses a future date, and tracks the leader’s trips out and projects planned', async () => {
    const log = `mutation ($i: LogContactInput!) { logContact(input: $i) { key on kind tripOut note nextStep person { name } enterprise { name } taskForce { key } } }`;
    const base = { taskForceId: 'tf-nev', personId: 'p-lead', enterpriseId: 'e-listed', kind: 'VISIT' };
    const first = await data<{ logContact: Record<string, unknown> }>(api, log, {
      i: { ...base, on: '2026-03-01', tripOut: true, note: '赴深圳拜访', nextStep: '安排来咸考察' },
    });
    expect(first.logContact).toMatchObject({
      on: '2026-03-01',
      kind: 'VISIT',
      tripOut: true,
      nextStep: '安排来咸考察',
      person: { name: '周链长' },
      enterprise: { name: '上市电池' },
      taskForce: { key: 'tf-nev' },
    });
    await data(api, log, { i: { ...base, on: '2026-04-01', tripOut: true } });
    await data(api, log, { i: { ...base, on: '2026-04-15', kind: 'CALL', personId: 'p-mem' } });
    const future = await error(api, log, { i: { ...base, on: '2999-01-01' } });
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.on' });

    const list = await data<{ contacts: { on: string }[]; taskForce: { contacts: { on: string }[] } }>(
      api,
      `{ contacts(filter: { regionCode: "421200", personId: "p-lead" }) { on }
         taskForce: node(id: "${toGlobalId('TaskForce', 'tf-nev')}") { ... on TaskForce { contacts { on } } } }`,
    );
    expect(list.contacts.map((c) => c.on)).toEqual(['2026-04-01', '2026-03-01']);
    expect(list.taskForce.contacts.map((c) => c.on)).toEqual(['2026-04-15', '2026-04-01', '2026-03-01']);

    await data(
      api,
      `mutation { setDutyTarget(input: { personId: "p-lead", year: 2026, tripsOut: 4, projectsPlanned: 2, plannedMinAmount: 10 }) { key version } }`,
    );
    const d = await data<{ leaderDuties: Record<string, unknown>[] }>(
      api,
      `{ leaderDuties(regionCode: "421200", asOf: "2026-12-31") {
          taskForce { key } leader { name } target { tripsOut }
          tripsOut { target actual completionRate progressPoints status }
          projectsPlanned { target actual completionRate status } plannedKeys contactsInYear } }`,
    );
    // Planned: projects of the task force entered in 2026 of 10亿 or more: A, B, and M (15 since June).
    expect(d.leaderDuties).toEqual([
      {
        taskForce: { key: 'tf-nev' },
        leader: { name: '周链长' },
        target: { tripsOut: 4 },
        tripsOut: { target: 4, actual: 2, completionRate: 0.5, progressPoints: -50, status: 'BEHIND' },
        projectsPlanned: { target: 2, actual: 3, completionRate: 1.5, status: 'AHEAD' },
        plannedKeys: ['A', 'B', 'M'],
        contactsInYear: 3,
      },
    ]);
  });
});
