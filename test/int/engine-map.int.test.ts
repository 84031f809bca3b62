import { createLogger, cypher, type Executor } from '@chainmap/graph';
import { EngineCache } from '@chainmap/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { data, error } from '../support/gql.js';

/**
 * The investment-map engine on a hand-built graph where every answer is worked out by hand.
 *
 * Chain `tc` (测试链), nine links:
 *   raw → mat.a → part → module → final → service (→ raw, a recycling loop marked allowCycle)
 *   raw → mat.b → part;  mat.a and mat.b are sub-links of mat;  test has no SUPPLIES at all.
 * Chain `oc`: oc.equip supplies tc.part and tc.module; tc.final supplies oc.after.
 * Key links: mat, mat.a, part, final, test.
 *
 * 咸宁 (421200) has six firms on tc, in a county, the high-tech zone and the city itself:
 * raw 1 (赤壁), part 1 LISTED (高新区), module 3 (咸安 ×2, city ×1), final 1 (咸安), plus x-other
 * on oc.equip. Fourteen more firms on tc elsewhere: 20 nationally.
 */

const REGIONS = [
  ['420000', '湖北省', 'PROVINCE', null],
  ['421200', '咸宁市', 'CITY', '420000'],
  ['421202', '咸安区', 'COUNTY', '421200'],
  ['421281', '赤壁市', 'COUNTY', '421200'],
  ['4212Z01', '咸宁高新区', 'ZONE', '421200'],
  ['420100', '武汉市', 'CITY', '420000'],
  ['420111', '洪山区', 'COUNTY', '420100'],
  ['310000', '上海市', 'PROVINCE', null],
  ['310100', '上海市区', 'CITY', '310000'],
  ['320000', '江苏省', 'PROVINCE', null],
  ['320500', '苏州市', 'CITY', '320000'],
  ['440000', '广东省', 'PROVINCE', null],
  ['440300', '深圳市', 'CITY', '440000'],
  ['610000', '陕西省', 'PROVINCE', null],
  ['610700', '汉中市', 'CITY', '610000'],
  ['350000', '福建省', 'PROVINCE', null],
] as const;

const ZONES = [
  { code: 'CSJ', name: '长三角', members: ['310000', '320000'] },
  { code: 'YGA', name: '粤港澳大湾区', members: ['440300'] },
  { code: 'JJJ', name: '京津冀', members: [] },
  { code: 'CY', name: '成渝', members: ['610700'] },
];

const LINKS = [
  ['tc.raw', 'tc', '原料', 'UPSTREAM', false, null],
  ['tc.mat', 'tc', '材料', 'UPSTREAM', true, null],
  ['tc.mat.a', 'tc', '材料A', 'UPSTREAM', true, 'tc.mat'],
  ['tc.mat.b', 'tc', '材料B', 'UPSTREAM', false, 'tc.mat'],
  ['tc.part', 'tc', '部件', 'MIDSTREAM', true, null],
  ['tc.module', 'tc', '模组', 'MIDSTREAM', false, null],
  ['tc.test', 'tc', '检测', 'MIDSTREAM', true, null],
  ['tc.final', 'tc', '整机', 'DOWNSTREAM', true, null],
  ['tc.service', 'tc', '服务', 'DOWNSTREAM', false, null],
  ['oc.equip', 'oc', '装备', 'UPSTREAM', false, null],
  ['oc.after', 'oc', '后市场', 'DOWNSTREAM', false, null],
] as const;

const SUPPLIES = [
  ['tc.raw', 'tc.mat.a', false],
  ['tc.raw', 'tc.mat.b', false],
  ['tc.mat.a', 'tc.part', false],
  ['tc.mat.b', 'tc.part', false],
  ['tc.part', 'tc.module', false],
  ['tc.module', 'tc.final', false],
  ['tc.final', 'tc.service', false],
  ['tc.service', 'tc.raw', true],
  ['oc.equip', 'tc.part', false],
  ['oc.equip', 'tc.module', false],
  ['tc.final', 'oc.after', false],
] as const;

// id, region, links, tags, revenue (亿元)
const FIRMS: [string, string, string[], string[], number | null][] = [
  ['x-raw', '421281', ['tc.raw'], [], 2],
  ['x-part', '4212Z01', ['tc.part'], ['LISTED'], 50],
  ['x-mod-1', '421202', ['tc.module'], [], 1],
  ['x-mod-2', '421202', ['tc.module'], ['HIGH_TECH'], 2],
  ['x-mod-3', '421200', ['tc.module'], [], null],
  ['x-final', '421202', ['tc.final'], [], 5],
  ['x-other', '421200', ['oc.equip'], [], 3],
  ['w-mat-a', '420111', ['tc.mat.a', 'tc.mat.b'], ['LEADER'], 100],
  ['w-module', '420100', ['tc.module'], [], 3],
  ['w-equip', '420100', ['oc.equip'], [], 4],
  ['sh-mat-a', '310100', ['tc.mat.a'], ['GLOBAL_500', 'LISTED'], 800],
  ['sh-final', '310100', ['tc.final'], ['CHINA_500'], 300],
  ['sh-service', '310100', ['tc.service'], [], 1],
  ['js-mat-b', '320500', ['tc.mat.b'], [], 10],
  ['js-test', '320500', ['tc.test'], [], 5],
  ['js-part', '320500', ['tc.part'], ['LEADER'], 60],
  ['js-equip', '320500', ['oc.equip'], [], 6],
  ['sz-final', '440300', ['tc.final'], ['LISTED'], 200],
  ['sz-mat-a', '440300', ['tc.mat.a'], [], 20],
  ['sz-part', '440300', ['tc.part'], ['LISTED'], 40],
  ['sz-equip', '440300', ['oc.equip'], [], 8],
  ['hz-raw', '610700', ['tc.raw'], [], 1],
  ['hz-module', '610700', ['tc.module'], [], 1],
  ['hz-mat-b', '610700', ['tc.mat.b'], [], 2],
];

const TIES = [
  ['sh-mat-a', 'SUPPLIES_TO', 'x-part'],
  ['w-mat-a', 'SUPPLIES_TO', 'x-final'],
  ['hz-raw', 'SUPPLIES_TO', 'x-final'],
  ['sh-final', 'SUPPLIES_TO', 'x-mod-1'],
  ['sz-final', 'INVESTS_IN', 'w-mat-a'],
  ['sz-final', 'SUPPLIES_TO', 'hz-raw'],
  ['sz-final', 'SUPPLIES_TO', 'sh-final'],
  ['js-test', 'SUPPLIES_TO', 'sz-final'],
] as const;

function location(code: string) {
  const byCode = new Map(REGIONS.map((r) => [r[0] as string, r]));
  const out: Record<string, string | null> = {
    regionCode: code,
    provinceCode: null,
    cityCode: null,
    countyCode: null,
  };
  for (let r = byCode.get(code); r; r = r[3] ? byCode.get(r[3]) : undefined) {
    if (r[2] === 'PROVINCE') out.provinceCode = r[0];
    if (r[2] === 'CITY') out.cityCode = r[0];
    if (r[2] === 'COUNTY') out.countyCode = r[0];
  }
  return out;
}

const buildQ = cypher(
  'testEngineWorld',
  `UNWIND $regions AS r
   CREATE (:Region {code: r[0], name: r[1], shortName: r[1], level: r[2], parentCode: r[3]})
   WITH count(*) AS _
   MATCH (c:Region), (p:Region {code: c.parentCode}) CREATE (c)-[:WITHIN]->(p)
   WITH count(*) AS _
   UNWIND $zones AS z
   CREATE (s:SourceZone {code: z.code, name: z.name})
   WITH s, z UNWIND z.members AS m
   MATCH (r:Region {code: m}) CREATE (r)-[:IN_ZONE]->(s)
   WITH count(*) AS _
   UNWIND ['tc', 'oc'] AS id
   CREATE (:Chain {id: id, name: CASE id WHEN 'tc' THEN '测试链' ELSE '其他链' END, version: 1})
   WITH count(*) AS _
   UNWIND $links AS l
   MATCH (c:Chain {id: l[1]})
   CREATE (c)-[:HAS_LINK]->(:Link {id: l[0], chainId: l[1], name: l[2], stage: l[3], key: l[4], parentId: l[5], shenwan: [], version: 1})
   WITH count(*) AS _
   MATCH (k:Link), (p:Link {id: k.parentId}) CREATE (k)-[:PART_OF]->(p)
   WITH count(*) AS _
   UNWIND $supplies AS s
   MATCH (a:Link {id: s[0]}), (b:Link {id: s[1]}) CREATE (a)-[:SUPPLIES {allowCycle: s[2]}]->(b)
   WITH count(*) AS _
   UNWIND $firms AS f
   MATCH (r:Region {code: f.loc.regionCode})
   CREATE (e:Enterprise {id: f.id, name: f.name, fullName: f.name + '有限公司', tags: f.tags, revenue: f.revenue, synthetic: false, version: 1})
   SET e += f.loc
   CREATE (e)-[:LOCATED_IN]->(r)
   WITH e, f UNWIND f.links AS l
   MATCH (k:Link {id: l}) CREATE (e)-[:OPERATES_IN {source: 'MANUAL', confidence: 1.0}]->(k)
   WITH count(*) AS _
   UNWIND $ties AS t
   MATCH (a:Enterprise {id: t[0]}), (b:Enterprise {id: t[2]})
   FOREACH (_ IN CASE WHEN t[1] = 'SUPPLIES_TO' THEN [1] ELSE [] END | CREATE (a)-[:SUPPLIES_TO]->(b))
   FOREACH (_ IN CASE WHEN t[1] = 'INVESTS_IN' THEN [1] ELSE [] END | CREATE (a)-[:INVESTS_IN {share: 0.3}]->(b))`,
);

const pipelineQ = cypher(
  'testEnginePipeline',
  `MATCH (tc:Chain {id: 'tc'}), (xn:Region {code: '421200'}), (xa:Region {code: '421202'}), (wh:Region {code: '420100'})
   CREATE (lead:Person {id: 'p-lead', name: '王链长', title: '副市长', version: 1})
   CREATE (mem:Person {id: 'p-mem', name: '李专员', title: '市经信局科长', version: 1})
   CREATE (tf:TaskForce {id: 'tf-xn-tc', name: '咸宁市测试链招商专班', leadDepartment: '市经信局', budget: 100.0, version: 1})
   CREATE (tf)-[:FOR_CHAIN]->(tc), (tf)-[:FOR_REGION]->(xn), (lead)-[:LEADS]->(tf), (mem)-[:MEMBER_OF]->(tf)
   CREATE (tf)-[:OWNS]->(lib:TargetLibrary {id: 'tl-xn-tc', name: '咸宁测试链目标企业库', version: 1})
   CREATE (tfw:TaskForce {id: 'tf-wh-tc', name: '武汉市测试链招商专班', leadDepartment: '武汉市商务局', version: 1})
   CREATE (tfw)-[:FOR_CHAIN]->(tc), (tfw)-[:FOR_REGION]->(wh)
   CREATE (tfw)-[:OWNS]->(wlib:TargetLibrary {id: 'tl-wh-tc', name: '武汉测试链目标企业库', version: 1})
   WITH tf, lib, wlib, xn, xa, wh
   MATCH (szMatA:Enterprise {id: 'sz-mat-a'}), (shMatA:Enterprise {id: 'sh-mat-a'}),
         (jsMatB:Enterprise {id: 'js-mat-b'}), (hzRaw:Enterprise {id: 'hz-raw'}), (shFinal:Enterprise {id: 'sh-final'}),
         (matB:Link {id: 'tc.mat.b'}), (raw:Link {id: 'tc.raw'}), (final:Link {id: 'tc.final'})
   CREATE (lib)-[:INCLUDES {priority: 1, reason: '补断链', owner: 'p-mem', addedOn: date('2024-01-10')}]->(szMatA)
   CREATE (wlib)-[:INCLUDES {priority: 1}]->(shMatA)
   CREATE (p1:Project {id: 'pr-js', name: '苏州材料B咸安项目', amount: 12.0, industrial: true, stage: 'NEGOTIATING',
                       stageOn: date('2024-03-01'), version: 1})
   CREATE (p1)-[:BY]->(jsMatB), (p1)-[:IN_REGION]->(xa), (p1)-[:FILLS]->(matB), (p1)-[:HANDLED_BY]->(tf)
   CREATE (p2:Project {id: 'pr-hz', name: '汉中原料项目', amount: 3.0, industrial: true, stage: 'TERMINATED',
                       stageOn: date('2023-05-01'), version: 1})
   CREATE (p2)-[:BY]->(hzRaw), (p2)-[:IN_REGION]->(xn), (p2)-[:FILLS]->(raw)
   CREATE (p3:Project {id: 'pr-wh', name: '上海整机武汉项目', amount: 30.0, industrial: true, stage: 'SIGNED',
                       stageOn: date('2024-02-01'), version: 1})
   CREATE (p3)-[:BY]->(shFinal), (p3)-[:IN_REGION]->(wh), (p3)-[:FILLS]->(final)`,
);

async function buildEngineWorld(executor: Executor): Promise<void> {
  await executor.write(buildQ, {
    regions: REGIONS,
    zones: ZONES,
    links: LINKS,
    supplies: SUPPLIES,
    firms: FIRMS.map(([id, code, links, tags, revenue]) => ({
      id,
      name: id,
      loc: location(code),
      links,
      tags,
      revenue,
    })),
    ties: TIES,
  });
  await executor.write(pipelineQ);
}

let db: TestDb;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  await buildEngineWorld(db.executor);
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

interface Row {
  link: { key: string };
  status: string;
  broken: boolean;
  gap: string | null;
  localCount: number;
  anchorCount: number;
  revenue: number | null;
  locationQuotient: number | null;
  nationalCount: number;
  anchors: { key: string }[];
}
interface Diagnosis {
  links: Row[];
  gaps: Row[];
  coverage: number | null;
  keyCoverage: number | null;
  localTotal: number;
  nationalTotal: number;
  thresholds: { strongMinCount: number; strongMinQuotient: number };
}

const DIAGNOSIS = `query ($chainId: ID!, $regionCode: String!, $thresholds: ThresholdsInput) {
  chainDiagnosis(chainId: $chainId, regionCode: $regionCode, thresholds: $thresholds) {
    links { link { key } status broken gap localCount anchorCount revenue locationQuotient nationalCount anchors { key } }
    gaps { link { key } status broken gap }
    coverage keyCoverage localTotal nationalTotal thresholds { strongMinCount strongMinQuotient }
  }
}`;

async function diagnose(regionCode: string, thresholds?: Record<string, number>): Promise<Diagnosis> {
  const d = await data<{ chainDiagnosis: Diagnosis }>(api, DIAGNOSIS, {
    chainId: 'tc',
    regionCode,
    thresholds,
  });
  return d.chainDiagnosis;
}

const byLink = (d: Diagnosis) => Object.fromEntries(d.links.map((l) => [l.link.key, l]));
const statuses = (d: Diagnosis) => Object.fromEntries(d.links.map((l) => [l.link.key, l.status]));

describe('chainDiagnosis', () => {
  it('diagnoses every link of 咸宁, counting its counties and zone, in one small round trip once cached', async () => {
    // The chain's national figures are read once, then served from the cache until a commit.
    await diagnose('421200');
    expect(
      api
        .lastQueries()
        .map((q) => q.name)
        .sort(),
    ).toEqual(['chainNational', 'chainShape', 'localPresence']);
    const d = await diagnose('421200');
    expect(api.lastQueries().map((q) => q.name)).toEqual(['chainShape']);
    expect(d.localTotal).toBe(6);
    expect(d.nationalTotal).toBe(20);
    expect(d.links.map((l) => l.link.key)).toEqual([
      'tc.mat',
      'tc.mat.a',
      'tc.mat.b',
      'tc.raw',
      'tc.module',
      'tc.part',
      'tc.test',
      'tc.final',
      'tc.service',
    ]);
    expect(statuses(d)).toEqual({
      'tc.raw': 'WEAK',
      'tc.mat': 'MISSING',
      'tc.mat.a': 'MISSING',
      'tc.mat.b': 'MISSING',
      'tc.part': 'STRONG', // an anchor (LISTED) in the zone
      'tc.module': 'STRONG', // 3 firms at a quotient of 2
      'tc.test': 'MISSING',
      'tc.final': 'WEAK',
      'tc.service': 'MISSING',
    });
    const rows = byLink(d);
    // module: (3 / 6) / (5 / 20) = 2; revenue 1 + 2, the third unknown.
    expect(rows['tc.module']).toMatchObject({
      localCount: 3,
      anchorCount: 0,
      revenue: 3,
      locationQuotient: 2,
      nationalCount: 5,
    });
    // raw: (1 / 6) / (2 / 20) = 1.666667, from the firm in 赤壁.
    expect(rows['tc.raw']!.locationQuotient).toBeCloseTo(1 / 6 / (2 / 20), 6);
    expect(rows['tc.part']).toMatchObject({ localCount: 1, anchorCount: 1, revenue: 50, nationalCount: 3 });
    expect(rows['tc.part']!.anchors).toEqual([{ key: 'x-part' }]);
    expect(rows['tc.part']!.locationQuotient).toBeCloseTo(1 / 6 / (3 / 20), 6);
    // A missing link of a region with firms on the chain has a quotient of 0.
    expect(rows['tc.mat.a']).toMatchObject({
      localCount: 0,
      revenue: null,
      locationQuotient: 0,
      nationalCount: 3,
    });
    // The parent counts the distinct firms of its sub-links: w-mat-a is on both, so 5, not 6.
    expect(rows['tc.mat']!.nationalCount).toBe(5);
  });

  it('finds the broken links, ignoring the recycling loop, and orders the gaps by severity', async () => {
    const d = await diagnose('421200');
    const rows = byLink(d);
    expect(d.links.filter((l) => l.broken).map((l) => l.link.key)).toEqual([
      'tc.mat',
      'tc.mat.a',
      'tc.mat.b',
    ]);
    // service has final upstream but nothing downstream: its edge back to raw is a marked cycle.
    expect(rows['tc.service']).toMatchObject({ broken: false, gap: 'MISSING' });
    expect(d.gaps.map((g) => [g.link.key, g.gap])).toEqual([
      ['tc.mat', 'BROKEN_KEY'],
      ['tc.mat.a', 'BROKEN_KEY'],
      ['tc.mat.b', 'BROKEN'],
      ['tc.test', 'MISSING_KEY'],
      ['tc.service', 'MISSING'],
      ['tc.final', 'WEAK_KEY'],
      ['tc.raw', 'WEAK'],
    ]);
    // 4 of 9 links present; of the key links mat, mat.a, part, test, final: part and final.
    expect(d.coverage).toBeCloseTo(4 / 9, 9);
    expect(d.keyCoverage).toBeCloseTo(2 / 5, 9);
    expect(d.thresholds).toEqual({ strongMinCount: 3, strongMinQuotient: 1 });
  });

  it('changes the outcome with the thresholds', async () => {
    expect(statuses(await diagnose('421200', { strongMinCount: 4 }))['tc.module']).toBe('WEAK');
    expect(statuses(await diagnose('421200', { strongMinQuotient: 2.5 }))['tc.module']).toBe('WEAK');
    const low = statuses(await diagnose('421200', { strongMinCount: 1 }));
    expect(low['tc.raw']).toBe('STRONG'); // quotient 1.67
    expect(low['tc.final']).toBe('STRONG'); // (1 / 6) / (3 / 20) = 1.11
  });

  it('diagnoses a province, a county and a zone by their own codes', async () => {
    const hubei = await diagnose('420000');
    expect(hubei.localTotal).toBe(8); // 咸宁's six, and w-mat-a and w-module in 武汉
    expect(statuses(hubei)).toMatchObject({ 'tc.mat': 'STRONG', 'tc.mat.a': 'STRONG', 'tc.mat.b': 'STRONG' });
    expect(byLink(hubei)['tc.module']).toMatchObject({ localCount: 4, locationQuotient: 2 });

    const xianan = await diagnose('421202');
    expect(xianan.localTotal).toBe(3);
    expect(byLink(xianan)['tc.module']).toMatchObject({ localCount: 2, status: 'WEAK' });

    const zone = await diagnose('4212Z01');
    expect(zone.localTotal).toBe(1);
    expect(byLink(zone)['tc.part']!.locationQuotient).toBeCloseTo(1 / (3 / 20), 6);
    expect(zone.links.filter((l) => l.status !== 'MISSING').map((l) => l.link.key)).toEqual(['tc.part']);
    expect(zone.links.some((l) => l.broken)).toBe(false); // nothing present upstream of the part
  });

  it('leaves the quotient undefined in a region without firms on the chain', async () => {
    const d = await diagnose('350000');
    expect(d.localTotal).toBe(0);
    expect(d.links.every((l) => l.status === 'MISSING' && l.locationQuotient === null && !l.broken)).toBe(
      true,
    );
    expect(d.coverage).toBe(0);
    expect(d.gaps.map((g) => g.gap)).toEqual([
      'MISSING_KEY',
      'MISSING_KEY',
      'MISSING_KEY',
      'MISSING_KEY',
      'MISSING_KEY',
      'MISSING',
      'MISSING',
      'MISSING',
      'MISSING',
    ]);
  });

  it('answers NOT_FOUND for an unknown chain or region, BAD_USER_INPUT for bad thresholds', async () => {
    expect((await error(api, DIAGNOSIS, { chainId: 'nope', regionCode: '421200' })).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await error(api, DIAGNOSIS, { chainId: 'tc', regionCode: '999999' })).extensions?.code).toBe(
      'NOT_FOUND',
    );
    const bad = await error(api, DIAGNOSIS, {
      chainId: 'tc',
      regionCode: '421200',
      thresholds: { strongMinCount: 0 },
    });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'thresholds.strongMinCount' });
  });
});

interface Hit {
  enterprise: { key: string };
  link: { key: string };
  gap: string | null;
  score: number;
  factors: { name: string; weight: number; value: number; contribution: number; detail: string }[];
  local: boolean;
  inLibrary: boolean;
  inProject: boolean;
  sourceZones: string[];
}

const HIT = `enterprise { key } link { key } gap score factors { name weight value contribution detail } local inLibrary inProject sourceZones`;
const GAP_TARGETS = `query ($linkIds: [ID!], $first: Int, $weights: ScoreWeightsInput, $zones: [String!], $known: Boolean, $region: String! = "421200") {
  gapTargets(chainId: "tc", regionCode: $region, linkIds: $linkIds, first: $first, weights: $weights, sourceZones: $zones, includeKnown: $known) {
    totalCount hits { ${HIT} } weights { strength gap ties supplyFit sourceZone } sourceZones
  }
}`;

async function gapTargets(vars: Record<string, unknown> = {}) {
  return (
    await data<{ gapTargets: { totalCount: number; hits: Hit[]; sourceZones: string[] } }>(
      api,
      GAP_TARGETS,
      vars,
    )
  ).gapTargets;
}

const strength = (tag: number, revenue: number) =>
  0.5 * tag + 0.5 * (Math.log10(1 + revenue) / Math.log10(1001));

describe('gapTargets (补链)', () => {
  it('ranks firms outside the region by an explainable score, in two round trips once cached (and one for the user’s scope)', async () => {
    await gapTargets();
    const t = await gapTargets();
    expect(api.lastQueries().map((q) => q.name)).toEqual(['chainShape', 'userScope', 'hitDetails']);
    expect(t.hits.map((h) => h.enterprise.key)).toEqual([
      'sh-mat-a',
      'sh-final',
      'w-mat-a',
      'sz-final',
      'js-test',
      'hz-mat-b',
      'sh-service',
      'hz-raw',
    ]);
    expect(t.totalCount).toBe(8);
    expect(t.sourceZones).toEqual(['CSJ', 'YGA', 'JJJ']);

    // sh-mat-a: GLOBAL_500 with 800亿; fills mat.a (broken key); supplies x-part; mat.a supplies the
    // strong part; in 长三角.
    const top = t.hits[0]!;
    expect(top).toMatchObject({
      link: { key: 'tc.mat.a' },
      gap: 'BROKEN_KEY',
      local: false,
      sourceZones: ['长三角'],
    });
    const f = Object.fromEntries(top.factors.map((x) => [x.name, x.contribution]));
    expect(f.strength).toBeCloseTo(0.35 * strength(1, 800), 6);
    expect(f.gap).toBeCloseTo(0.25, 9);
    expect(f.ties).toBeCloseTo(0.05, 9);
    expect(f.supplyFit).toBeCloseTo(0.075, 9);
    expect(f.sourceZone).toBeCloseTo(0.1, 9);
    expect(top.score).toBeCloseTo(0.35 * strength(1, 800) + 0.25 + 0.05 + 0.075 + 0.1, 6);

    // w-mat-a works in mat.a and mat.b: its hit is for the broken key link it works in directly.
    expect(t.hits[2]).toMatchObject({ link: { key: 'tc.mat.a' }, gap: 'BROKEN_KEY' });
    expect(t.hits[2]!.score).toBeCloseTo(0.35 * strength(0.7, 100) + 0.25 + 0.05 + 0.075, 6);
    // hz-raw: a weak link; it supplies x-final; no zone, no fit.
    expect(t.hits[7]!.score).toBeCloseTo(0.35 * strength(0, 1) + 0.25 * 0.25 + 0.05, 6);
  });

  it('gives factors that sum to the score, for every hit', async () => {
    for (const h of (await gapTargets()).hits) {
      expect(h.factors.map((f) => f.name)).toEqual(['strength', 'gap', 'ties', 'supplyFit', 'sourceZone']);
      expect(h.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(h.score, 9);
    }
  });

  it('never lists a firm of the region', async () => {
    const keys = (await gapTargets({ known: true, first: 200 })).hits.map((h) => h.enterprise.key);
    expect(keys.filter((k) => k.startsWith('x-'))).toEqual([]);
  });

  it('leaves out firms already in a library or project of the region unless asked, and flags them', async () => {
    const all = await gapTargets({ known: true });
    expect(all.totalCount).toBe(10);
    const flags = Object.fromEntries(all.hits.map((h) => [h.enterprise.key, [h.inLibrary, h.inProject]]));
    expect(flags['sz-mat-a']).toEqual([true, false]); // in 咸宁's library
    expect(flags['js-mat-b']).toEqual([false, true]); // negotiating in 咸安, within 咸宁
    expect(flags['hz-raw']).toEqual([false, false]); // its project was terminated
    expect(flags['sh-mat-a']).toEqual([false, false]); // only 武汉's library has it
    // For 湖北, 武汉's library counts.
    const hubei = await gapTargets({ region: '420000', known: true, linkIds: ['tc.final'] });
    expect(hubei.hits.find((h) => h.enterprise.key === 'sh-final')).toMatchObject({ inProject: true });
  });

  it('ranks every candidate by the score it explains: a short page is the head of a long one', async () => {
    const all = await gapTargets({ known: true, first: 200 });
    const sorted = [...all.hits].sort(
      (a, b) => b.score - a.score || (a.enterprise.key < b.enterprise.key ? -1 : 1),
    );
    expect(all.hits).toEqual(sorted);
    for (const first of [1, 3, 5]) {
      const page = await gapTargets({ known: true, first });
      expect(page.hits).toEqual(all.hits.slice(0, first));
      expect(page.totalCount).toBe(all.totalCount);
    }
  });

  it('is deterministic: equal scores are ordered by enterprise id', async () => {
    const weights = { strength: 0, gap: 1, ties: 0, supplyFit: 0, sourceZone: 0 };
    const a = await gapTargets({ weights, linkIds: ['tc.mat.a'] });
    expect(a.hits.map((h) => [h.enterprise.key, h.score])).toEqual([
      ['sh-mat-a', 1],
      ['w-mat-a', 1],
    ]);
    const b = await gapTargets({ weights, linkIds: ['tc.mat.a'] });
    expect(b).toEqual(a);
  });

  it('takes the given links, the page size and other source zones', async () => {
    const t = await gapTargets({ linkIds: ['tc.final', 'tc.raw'], first: 2, zones: ['CY'] });
    expect(t.totalCount).toBe(3);
    expect(t.hits.map((h) => h.enterprise.key)).toEqual(['sh-final', 'sz-final']);
    expect(t.hits[0]!.sourceZones).toEqual([]);
    const hz = await gapTargets({ linkIds: ['tc.raw'], zones: ['CY'] });
    expect(hz.hits[0]).toMatchObject({ enterprise: { key: 'hz-raw' }, sourceZones: ['成渝'] });
    const err = await error(api, GAP_TARGETS, { linkIds: ['oc.equip'] });
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'linkIds.0' });
  });
});

describe('strengthenTargets (强链)', () => {
  it('lists anchors from elsewhere and local firms for weak and anchorless strong links', async () => {
    const q = `{ strengthenTargets(chainId: "tc", regionCode: "421200") { diagnosis { link { key } status } hits { ${HIT} } } }`;
    await data(api, q);
    const d = await data<{
      strengthenTargets: { diagnosis: { link: { key: string }; status: string }; hits: Hit[] }[];
    }>(api, q);
    expect(api.lastQueries().map((q) => q.name)).toEqual(['chainShape', 'userScope', 'hitDetails']);
    const groups = d.strengthenTargets.map((g) => [
      g.diagnosis.link.key,
      g.hits.map((h) => [h.enterprise.key, h.local]),
    ]);
    expect(groups).toEqual([
      [
        'tc.final',
        [
          ['sh-final', false],
          ['sz-final', false],
          ['x-final', true],
        ],
      ],
      ['tc.raw', [['x-raw', true]]], // hz-raw is no anchor
      [
        'tc.module',
        [
          ['x-mod-2', true],
          ['x-mod-1', true],
          ['x-mod-3', true],
        ],
      ],
    ]);
    const local = d.strengthenTargets[0]!.hits[2]!;
    expect(local.factors.find((f) => f.name === 'sourceZone')!.value).toBe(0);
  });
});

describe('extensionOptions (延链)', () => {
  it('ranks the links next to strong ones by links touched, then relatedness', async () => {
    const q = `{ extensionOptions(chainId: "tc", regionCode: "421200") {
          link { key } chain { key } inChain touches { key } relatedness strongRegions localCount nationalCount
          candidates { ${HIT} } } }`;
    await data(api, q);
    const d = await data<{
      extensionOptions: {
        link: { key: string };
        chain: { key: string } | null;
        inChain: boolean;
        touches: { key: string }[];
        relatedness: number;
        strongRegions: number;
        localCount: number;
        nationalCount: number;
        candidates: Hit[];
      }[];
    }>(api, q);
    expect(api.lastQueries().map((q) => q.name)).toEqual([
      'chainShape',
      'extensionOptions[CITY]',
      'userScope', // the signed-in user's scope, once per request
      'hitDetails',
    ]);
    const opts = d.extensionOptions;
    // oc.equip touches part and module; 苏州 and 深圳 are strong in part (anchors) and both have
    // equip: 2/2. mat.a is in 深圳 only, mat.b in 苏州 only: 1/2 each, then by id.
    expect(opts.map((o) => [o.link.key, o.touches.map((t) => t.key), o.relatedness, o.inChain])).toEqual([
      ['oc.equip', ['tc.module', 'tc.part'], 1, false],
      ['tc.mat.a', ['tc.part'], 0.5, true],
      ['tc.mat.b', ['tc.part'], 0.5, true],
    ]);
    expect(opts[0]).toMatchObject({
      chain: { key: 'oc' },
      strongRegions: 2,
      localCount: 1,
      nationalCount: 4,
    });
    expect(opts[0]!.candidates.map((c) => c.enterprise.key)).toEqual(['sz-equip', 'js-equip', 'w-equip']);
    expect(opts[0]!.candidates[0]!.score).toBeCloseTo(0.35 * strength(0, 8) + 0.25 * 0.3 + 0.15 + 0.1, 6);
  });
});

describe('sourceRegions (到哪招)', () => {
  it('ranks provinces by candidates plus anchors, with counts per gap link', async () => {
    const q = `{ sourceRegions(chainId: "tc", regionCode: "421200") {
          region { code } score candidateCount anchorCount revenue links { link { key } count anchorCount } } }`;
    await data(api, q);
    const d = await data<{
      sourceRegions: {
        region: { code: string };
        score: number;
        candidateCount: number;
        anchorCount: number;
        revenue: number | null;
        links: { link: { key: string }; count: number; anchorCount: number }[];
      }[];
    }>(api, q);
    expect(api.lastQueries().map((q) => q.name)).toEqual(['chainShape', 'regionsByCode']);
    expect(d.sourceRegions.map((r) => [r.region.code, r.score, r.candidateCount, r.anchorCount])).toEqual([
      ['310000', 5, 3, 2],
      ['440000', 3, 2, 1],
      ['420000', 2, 1, 1], // 武汉's w-mat-a; 100亿 beats 江苏's 15 and 陕西's 3
      ['320000', 2, 2, 0],
      ['610000', 2, 2, 0],
    ]);
    expect(d.sourceRegions[0]!.revenue).toBe(1101);
    expect(d.sourceRegions[0]!.links).toEqual([
      { link: { key: 'tc.mat' }, count: 1, anchorCount: 1 },
      { link: { key: 'tc.mat.a' }, count: 1, anchorCount: 1 },
      { link: { key: 'tc.service' }, count: 1, anchorCount: 0 },
      { link: { key: 'tc.final' }, count: 1, anchorCount: 1 },
    ]);
  });

  it('ranks cities for one link', async () => {
    const d = await data<{ sourceRegions: { region: { code: string }; score: number }[] }>(
      api,
      `{ sourceRegions(chainId: "tc", regionCode: "421200", linkId: "tc.final", level: CITY) { region { code } score } }`,
    );
    expect(d.sourceRegions).toEqual([
      { region: { code: '310100' }, score: 2 },
      { region: { code: '440300' }, score: 2 },
    ]);
  });
});

describe('connections', () => {
  const Q = `query ($id: ID!, $hops: Int) { connections(enterpriseId: $id, regionCode: "421200", maxHops: $hops) {
    target { key } hops nodes { key } steps { from { key } to { key } type share } } }`;
  type Path = {
    target: { key: string };
    hops: number;
    nodes: { key: string }[];
    steps: { from: { key: string }; to: { key: string }; type: string; share: number | null }[];
  };

  it('finds the shortest tie paths into the region, one per firm, in one round trip', async () => {
    const d = await data<{ connections: Path[] }>(api, Q, { id: 'sz-final' });
    expect(api.lastQueries().map((q) => q.name)).toEqual(['connectionPaths[3]']);
    // Two 2-hop paths reach x-final (via hz-raw and via w-mat-a): the one by smaller ids is kept.
    expect(d.connections.map((p) => [p.target.key, p.hops, p.nodes.map((n) => n.key)])).toEqual([
      ['x-final', 2, ['sz-final', 'hz-raw', 'x-final']],
      ['x-mod-1', 2, ['sz-final', 'sh-final', 'x-mod-1']],
    ]);
    expect(d.connections[0]!.steps).toEqual([
      { from: { key: 'sz-final' }, to: { key: 'hz-raw' }, type: 'SUPPLIES_TO', share: null },
      { from: { key: 'hz-raw' }, to: { key: 'x-final' }, type: 'SUPPLIES_TO', share: null },
    ]);
  });

  it('respects maxHops and follows ties in either direction', async () => {
    expect((await data<{ connections: Path[] }>(api, Q, { id: 'sz-final', hops: 1 })).connections).toEqual(
      [],
    );
    const three = (await data<{ connections: Path[] }>(api, Q, { id: 'js-test' })).connections;
    expect(three.map((p) => [p.target.key, p.hops])).toEqual([
      ['x-final', 3],
      ['x-mod-1', 3],
    ]);
    expect((await data<{ connections: Path[] }>(api, Q, { id: 'js-test', hops: 2 })).connections).toEqual([]);
    // From sh-final, the way to x-final starts against a tie's direction (sz-final supplies sh-final).
    const back = (await data<{ connections: Path[] }>(api, Q, { id: 'sh-final' })).connections;
    expect(back.map((p) => [p.target.key, p.nodes.map((n) => n.key)])).toEqual([
      ['x-mod-1', ['sh-final', 'x-mod-1']],
      ['x-final', ['sh-final', 'sz-final', 'hz-raw', 'x-final']],
    ]);
    expect(back[1]!.steps[0]).toEqual({
      from: { key: 'sz-final' },
      to: { key: 'sh-final' },
      type: 'SUPPLIES_TO',
      share: null,
    });
    const err = await error(api, Q, { id: 'nobody' });
    expect(err.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('investmentMap', () => {
  it('answers 招什么, 招谁, 到哪招 and 谁来招 in four queries once cached (and one for the user’s scope)', async () => {
    const d = await data<{
      investmentMap: {
        chain: { key: string };
        region: { code: string };
        diagnosis: { coverage: number; gaps: { link: { key: string } }[] };
        targets: {
          diagnosis: { link: { key: string } };
          hits: { enterprise: { key: string }; score: number }[];
        }[];
        sourceRegions: { region: { code: string } }[];
        organisation: {
          taskForces: {
            taskForce: { key: string; leadDepartment: string };
            leader: { name: string };
            region: { code: string };
            memberCount: number;
            libraryCount: number;
            targetCount: number;
          }[];
          targetCount: number;
          projectCount: number;
          projectAmount: number;
          stages: { stage: string; count: number; amount: number }[];
          projects: {
            project: { key: string };
            enterprise: { key: string };
            region: { code: string };
            links: { key: string }[];
          }[];
        };
      };
    }>(
      api,
      `{ investmentMap(chainId: "tc", regionCode: "421200", perGap: 2) {
          chain { key } region { code }
          diagnosis { coverage gaps { link { key } } }
          targets { diagnosis { link { key } } hits { enterprise { key } score } }
          sourceRegions { region { code } }
          organisation {
            taskForces { taskForce { key leadDepartment } leader { name } region { code } memberCount libraryCount targetCount }
            targetCount projectCount projectAmount stages { stage count amount }
            projects { project { key } enterprise { key } region { code } links { key } }
          } } }`,
    );
    expect(
      api
        .lastQueries()
        .map((q) => q.name)
        .sort(),
    ).toEqual(['chainShape', 'hitDetails', 'mapOrganisation', 'regionsByCode', 'userScope'].sort());
    const m = d.investmentMap;
    expect(m.chain.key).toBe('tc');
    expect(m.targets.map((t) => t.diagnosis.link.key)).toEqual(m.diagnosis.gaps.map((g) => g.link.key));
    const targets = Object.fromEntries(
      m.targets.map((t) => [t.diagnosis.link.key, t.hits.map((h) => h.enterprise.key)]),
    );
    // mat: firms of its sub-links, without those the region already courts (sz-mat-a, js-mat-b).
    expect(targets['tc.mat']).toEqual(['sh-mat-a', 'w-mat-a']);
    expect(targets['tc.test']).toEqual(['js-test']);
    expect(targets['tc.raw']).toEqual(['hz-raw']);
    expect(m.sourceRegions[0]!.region.code).toBe('310000');
    expect(m.organisation).toEqual({
      taskForces: [
        {
          taskForce: { key: 'tf-xn-tc', leadDepartment: '市经信局' },
          leader: { name: '王链长' },
          region: { code: '421200' },
          memberCount: 1,
          libraryCount: 1,
          targetCount: 1,
        },
      ],
      targetCount: 1,
      projectCount: 1,
      projectAmount: 12,
      stages: [
        { stage: 'NEGOTIATING', count: 1, amount: 12 },
        { stage: 'TERMINATED', count: 1, amount: 3 },
      ],
      projects: [
        {
          project: { key: 'pr-js' },
          enterprise: { key: 'js-mat-b' },
          region: { code: '421202' },
          links: [{ key: 'tc.mat.b' }],
        },
        {
          project: { key: 'pr-hz' },
          enterprise: { key: 'hz-raw' },
          region: { code: '421200' },
          links: [{ key: 'tc.raw' }],
        },
      ],
    });
  });
});

describe('cached figures (docs/method.md, "Cached figures")', () => {
  const national = async () => {
    const d = await diagnose('421200');
    return { total: d.nationalTotal, test: byLink(d)['tc.test']!.nationalCount, trips: api.lastQueries() };
  };
  const names = (trips: { name: string }[]) => trips.map((q) => q.name);

  it('answers a repeated diagnosis in one round trip when nothing was committed', async () => {
    await diagnose('421202');
    const again = await national();
    expect(names(again.trips)).toEqual(['chainShape']);
    expect(again).toMatchObject({ total: 20, test: 1 });
  });

  it('sees a write through the API at once', async () => {
    await national();
    await data(
      api,
      `mutation { createEnterprise(input: { id: "cache-api", name: "缓存测试甲", regionCode: "320500" }) { key } }`,
    );
    await data(
      api,
      `mutation { assignEnterpriseToLink(input: { enterpriseId: "cache-api", linkId: "tc.test" }) { key } }`,
    );
    const after = await national();
    expect(after).toMatchObject({ total: 21, test: 2 });
    expect(names(after.trips).sort()).toEqual(['chainNational', 'chainShape', 'localPresence']);
    expect(names((await national()).trips)).toEqual(['chainShape']);
    // The firms of the links are read again at the new state.
    const t = await gapTargets({ linkIds: ['tc.test'], first: 10 });
    expect(names(api.lastQueries())).toContain('linkFirms');
    expect(t.totalCount).toBe(2);
    expect(t.hits.map((h) => h.enterprise.key)).toEqual(['js-test', 'cache-api']);
    expect(t.hits[1]!.sourceZones).toEqual(['长三角']);
    await gapTargets({ linkIds: ['tc.test'], first: 10 });
    expect(names(api.lastQueries())).toEqual(['chainShape', 'userScope', 'hitDetails']);

    await data(
      api,
      `mutation { unassignEnterpriseFromLink(input: { enterpriseId: "cache-api", linkId: "tc.test" }) { key } }`,
    );
    expect(await national()).toMatchObject({ total: 20, test: 1 });
  });

  it('sees a write by another process (its own driver, no API) at once', async () => {
    expect(await national()).toMatchObject({ total: 20, test: 1 });
    const add = cypher(
      'testCacheOutsideWrite',
      `MATCH (l:Link {id: 'tc.test'}), (r:Region {code: '440300'})
       CREATE (e:Enterprise {id: 'cache-outside', name: '缓存测试乙', regionCode: '440300', provinceCode: '440000',
                             cityCode: '440300', tags: [], synthetic: false, version: 1})
       CREATE (e)-[:LOCATED_IN]->(r), (e)-[:OPERATES_IN {source: 'IMPORT', confidence: 1.0}]->(l)`,
    );
    const session = db.driver.session({ database: db.config.NEO4J_DATABASE });
    try {
      await session.executeWrite((tx) => tx.run(add.text));
      expect(await national()).toMatchObject({ total: 21, test: 2 });
      const t = await gapTargets({ linkIds: ['tc.test'], first: 10 });
      expect(t.hits.map((h) => h.enterprise.key)).toEqual(['js-test', 'cache-outside']);
      await session.executeWrite((tx) =>
        tx.run(`MATCH (e:Enterprise) WHERE e.id IN ['cache-outside', 'cache-api'] DETACH DELETE e`),
      );
    } finally {
      await session.close();
    }
    expect(await national()).toMatchObject({ total: 20, test: 1 });
  });

  it('keeps its figures over its own writes that change none of their parts, and reads again those that depend on one', async () => {
    const raw = async () => {
      const t = await gapTargets({ linkIds: ['tc.raw'], known: true, first: 10 });
      return {
        hz: t.hits.find((h) => h.enterprise.key === 'hz-raw'),
        trips: names(api.lastQueries()).sort(),
      };
    };
    const warm = ['chainShape', 'hitDetails', 'userScope'];
    const log = async () =>
      (
        await data<{ logContact: { key: string } }>(
          api,
          `mutation { logContact(input: { taskForceId: "tf-xn-tc", personId: "p-mem", enterpriseId: "hz-raw", kind: VISIT }) { key } }`,
        )
      ).logContact.key;
    // The first contact and library entry of this database may name properties no write has
    // named before: Neo4j commits those names in transactions of their own, unknown to the API,
    // which then retires everything, as for any commit it cannot account for.
    const entry = (op: 'add' | 'remove', firm: string) =>
      data(
        api,
        op === 'add'
          ? `mutation { addLibraryEntry(input: { libraryId: "tl-xn-tc", enterpriseId: "${firm}", priority: 2, reason: "补链" }) { enterprise { key } } }`
          : `mutation { removeLibraryEntry(input: { libraryId: "tl-xn-tc", enterpriseId: "${firm}" }) { key } }`,
      );
    const tie = (op: 'add' | 'remove', from: string) =>
      data(
        api,
        `mutation { ${op}EnterpriseRelation(input: { fromId: "${from}", toId: "x-raw", type: SUPPLIES_TO }) { key } }`,
      );
    const contacts = [await log()];
    await entry('add', 'sh-final');
    await entry('remove', 'sh-final');
    await tie('add', 'sh-final');
    await tie('remove', 'sh-final');
    await national();
    await raw();
    expect((await raw()).trips).toEqual(warm);

    // A visit logged: tracking, which no figure is read from.
    contacts.push(await log());
    expect(names((await national()).trips)).toEqual(['chainShape']);
    expect((await raw()).trips).toEqual(warm);

    // A library entry: the firms 咸宁 courts are read again (regionCourted), the rest is carried over.
    await entry('add', 'hz-raw');
    const added = await raw();
    expect(added.trips).toEqual(['chainShape', 'hitDetails', 'regionCourted', 'userScope']);
    expect(added.hz).toMatchObject({ inLibrary: true, inProject: false });
    expect(names((await national()).trips)).toEqual(['chainShape']);

    // A tie of hz-raw with a firm of 咸宁: the region's ties are read again, the rest is carried over.
    const tiesOf = (hit: Hit | undefined) => hit?.factors.find((f) => f.name === 'ties')?.value;
    const untied = tiesOf(added.hz);
    await tie('add', 'hz-raw');
    const tied = await raw();
    expect(tied.trips).toEqual(['chainShape', 'hitDetails', 'regionTies', 'userScope']);
    expect(tiesOf(tied.hz)).toBeGreaterThan(untied!);
    expect(names((await national()).trips)).toEqual(['chainShape']);
    await tie('remove', 'hz-raw');

    await entry('remove', 'hz-raw');
    for (const id of contacts) await data(api, `mutation { deleteContact(input: { id: "${id}" }) { id } }`);
    expect((await raw()).hz).toMatchObject({ inLibrary: false, inProject: false });
    expect(await national()).toMatchObject({ total: 20, test: 1 });
  });

  it('after a write to an enterprise, reads again only the figures of the chains its links are in', async () => {
    const operates = (op: 'assign' | 'unassign', firm: string, link: string) =>
      data(
        api,
        `mutation { ${op === 'assign' ? 'assignEnterpriseToLink' : 'unassignEnterpriseFromLink'}(input: { enterpriseId: "${firm}", linkId: "${link}" }) { key } }`,
      );
    const oc = async () => {
      const d = (
        await data<{ chainDiagnosis: Diagnosis }>(api, DIAGNOSIS, { chainId: 'oc', regionCode: '421200' })
      ).chainDiagnosis;
      return { after: byLink(d)['oc.after']!.localCount, trips: names(api.lastQueries()).sort() };
    };
    // The first assignment of this database may name new properties (see above).
    await operates('assign', 'x-other', 'oc.after');
    await operates('unassign', 'x-other', 'oc.after');
    const targets = async () => {
      await gapTargets({ linkIds: ['tc.raw'], known: true, first: 10 });
      return names(api.lastQueries()).sort();
    };
    await national();
    await targets();
    expect(await oc()).toMatchObject({ after: 0 });

    // x-other (咸宁) works in oc only: oc's figures are read again, tc's are not, nor the
    // region's ties (the firm has not moved).
    await operates('assign', 'x-other', 'oc.after');
    expect(await oc()).toEqual({ after: 1, trips: ['chainNational', 'chainShape', 'localPresence'] });
    expect(names((await national()).trips)).toEqual(['chainShape']);
    expect(await targets()).toEqual(['chainShape', 'hitDetails', 'userScope']);

    // sh-final works in tc: assigned to an oc link too, its record in tc's link firms changes
    // (the links it works in), so tc's figures are read again as well.
    await operates('assign', 'sh-final', 'oc.after');
    expect(names((await national()).trips).sort()).toEqual(['chainNational', 'chainShape', 'localPresence']);
    await operates('unassign', 'sh-final', 'oc.after');
    await operates('unassign', 'x-other', 'oc.after');
    expect(await oc()).toMatchObject({ after: 0 });
    expect(await national()).toMatchObject({ total: 20, test: 1 });
  });

  it('retires all its figures when another process commits between two writes of its own', async () => {
    await national();
    const log = async () =>
      (
        await data<{ logContact: { key: string } }>(
          api,
          `mutation { logContact(input: { taskForceId: "tf-xn-tc", personId: "p-mem", enterpriseId: "hz-raw", kind: CALL }) { key } }`,
        )
      ).logContact.key;
    const first = await log();
    const session = db.driver.session({ database: db.config.NEO4J_DATABASE });
    try {
      // The marker is no figure's input, but the API cannot know what another process wrote.
      await session.executeWrite((tx) => tx.run(`CREATE (:CacheTestMark)`));
      const second = await log();
      const after = await national();
      expect(names(after.trips).sort()).toEqual(['chainNational', 'chainShape', 'localPresence']);
      for (const id of [first, second])
        await data(api, `mutation { deleteContact(input: { id: "${id}" }) { id } }`);
      await session.executeWrite((tx) => tx.run(`MATCH (m:CacheTestMark) DELETE m`));
    } finally {
      await session.close();
    }
  });

  it('with refresh on, reads what was in use again after its own commit: the next requests find it cached', async () => {
    const cache = new EngineCache({ refresh: { logger: createLogger('silent', 'test') } });
    const live = await startTestApi({ ENGINE_CACHE_REFRESH: 'true' }, { engineCache: cache });
    const diagnoseLive = async () => {
      const d = (
        await data<{ chainDiagnosis: Diagnosis }>(live, DIAGNOSIS, { chainId: 'tc', regionCode: '421200' })
      ).chainDiagnosis;
      return { total: d.nationalTotal, test: byLink(d)['tc.test']!.nationalCount, trips: live.lastQueries() };
    };
    const targetsLive = async () =>
      (
        await data<{ gapTargets: { hits: Hit[] } }>(live, GAP_TARGETS, {
          linkIds: ['tc.test'],
          first: 10,
        })
      ).gapTargets.hits.map((h) => h.enterprise.key);
    try {
      expect(await diagnoseLive()).toMatchObject({ total: 20, test: 1 });
      expect(await targetsLive()).toEqual(['js-test']);
      const before = cache.stats.refreshed;
      await data(
        live,
        `mutation { createEnterprise(input: { id: "cache-refresh", name: "缓存测试丙", regionCode: "320500" }) { key } }`,
      );
      await data(
        live,
        `mutation { assignEnterpriseToLink(input: { enterpriseId: "cache-refresh", linkId: "tc.test" }) { key } }`,
      );
      await cache.settled();
      expect(cache.stats.refreshed).toBeGreaterThan(before);
      // Read again in the background at the state of the last commit: one small round trip, and
      // the answer of that state.
      const after = await diagnoseLive();
      expect(after).toMatchObject({ total: 21, test: 2 });
      expect(names(after.trips)).toEqual(['chainShape']);
      expect(await targetsLive()).toEqual(['js-test', 'cache-refresh']);
      expect(names(live.lastQueries())).not.toContain('linkFirms');
    } finally {
      await db.executor.write(
        cypher('testCacheRefreshCleanup', `MATCH (e:Enterprise {id: 'cache-refresh'}) DETACH DELETE e`),
      );
      await live.stop();
    }
    expect(await national()).toMatchObject({ total: 20, test: 1 });
  });
});
