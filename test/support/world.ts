import { cypher, type Executor } from '@chainmap/graph';

/**
 * A small hand-made graph following graph/README.md, where every right answer can be worked
 * out by hand: three provinces, a few cities, counties and a zone; two chains with sub-links and
 * SUPPLIES between links; a dozen named enterprises plus `fillers` numbered ones in Xianning's
 * counties; a task force with its leader, members, target library, projects and KPI targets.
 */

export interface RegionRow {
  code: string;
  name: string;
  shortName: string;
  level: 'PROVINCE' | 'CITY' | 'COUNTY' | 'ZONE';
  parentCode?: string;
}

export const REGIONS: RegionRow[] = [
  { code: '420000', name: '湖北省', shortName: '湖北', level: 'PROVINCE' },
  { code: '421200', name: '咸宁市', shortName: '咸宁', level: 'CITY', parentCode: '420000' },
  { code: '421202', name: '咸安区', shortName: '咸安', level: 'COUNTY', parentCode: '421200' },
  { code: '421221', name: '嘉鱼县', shortName: '嘉鱼', level: 'COUNTY', parentCode: '421200' },
  { code: '421281', name: '赤壁市', shortName: '赤壁', level: 'COUNTY', parentCode: '421200' },
  {
    code: '4212Z01',
    name: '咸宁高新技术产业开发区',
    shortName: '咸宁高新区',
    level: 'ZONE',
    parentCode: '421200',
  },
  { code: '420100', name: '武汉市', shortName: '武汉', level: 'CITY', parentCode: '420000' },
  { code: '420111', name: '洪山区', shortName: '洪山', level: 'COUNTY', parentCode: '420100' },
  { code: '610000', name: '陕西省', shortName: '陕西', level: 'PROVINCE' },
  { code: '610700', name: '汉中市', shortName: '汉中', level: 'CITY', parentCode: '610000' },
  { code: '610702', name: '汉台区', shortName: '汉台', level: 'COUNTY', parentCode: '610700' },
  { code: '350000', name: '福建省', shortName: '福建', level: 'PROVINCE' },
  { code: '350900', name: '宁德市', shortName: '宁德', level: 'CITY', parentCode: '350000' },
  { code: '350902', name: '蕉城区', shortName: '蕉城', level: 'COUNTY', parentCode: '350900' },
  { code: '310000', name: '上海市', shortName: '上海', level: 'PROVINCE' },
];

export const SOURCE_ZONES = [{ code: 'CSJ', name: '长三角', members: ['310000'] }];

export const CHAINS = [
  { id: 'nev', name: '新能源汽车', description: '整车、三电与零部件' },
  { id: 'pack', name: '绿色包装', description: '纸质与可降解包装' },
];

export const LINKS = [
  { id: 'nev.battery-materials', chainId: 'nev', name: '动力电池材料', stage: 'UPSTREAM', key: true },
  {
    id: 'nev.cathode',
    chainId: 'nev',
    name: '正极材料',
    stage: 'UPSTREAM',
    key: true,
    parent: 'nev.battery-materials',
  },
  {
    id: 'nev.anode',
    chainId: 'nev',
    name: '负极材料',
    stage: 'UPSTREAM',
    key: false,
    parent: 'nev.battery-materials',
  },
  { id: 'nev.cell', chainId: 'nev', name: '动力电池', stage: 'MIDSTREAM', key: true },
  { id: 'nev.vehicle', chainId: 'nev', name: '整车制造', stage: 'DOWNSTREAM', key: true },
  { id: 'pack.paper', chainId: 'pack', name: '纸包装', stage: 'MIDSTREAM', key: false },
];

export const LINK_SUPPLIES = [
  ['nev.battery-materials', 'nev.cell'],
  ['nev.cell', 'nev.vehicle'],
  ['pack.paper', 'nev.vehicle'],
];

export interface EnterpriseRow {
  id: string;
  name: string;
  fullName?: string;
  stockCode?: string;
  tags: string[];
  revenue?: number;
  regionCode: string;
  links: [string, 'INDUSTRY_CODE' | 'MANUAL' | 'IMPORT', number][];
}

export const ENTERPRISES: EnterpriseRow[] = [
  {
    id: 'e-catl',
    name: '宁德时代',
    fullName: '宁德时代新能源科技股份有限公司',
    stockCode: '300750.SZ',
    tags: ['LISTED', 'LEADER'],
    revenue: 4009,
    regionCode: '350902',
    links: [['nev.cell', 'INDUSTRY_CODE', 0.9]],
  },
  {
    id: 'e-xn-cathode',
    name: '咸宁正极',
    fullName: '咸宁市正极材料有限公司',
    tags: ['高新技术企业'],
    revenue: 12.5,
    regionCode: '421202',
    links: [['nev.cathode', 'MANUAL', 1]],
  },
  {
    id: 'e-jy-anode',
    name: '嘉鱼负极',
    fullName: '嘉鱼县负极材料股份有限公司',
    tags: ['高新技术企业', '专精特新"小巨人"'],
    revenue: 3.2,
    regionCode: '421221',
    links: [['nev.anode', 'IMPORT', 0.6]],
  },
  {
    id: 'e-cb-paper',
    name: '赤壁纸业',
    fullName: '赤壁市纸业有限公司',
    tags: [],
    regionCode: '421281',
    links: [['pack.paper', 'INDUSTRY_CODE', 0.7]],
  },
  {
    id: 'e-zone-cell',
    name: '高新电池',
    fullName: '咸宁高新电池有限公司',
    tags: ['高新技术企业'],
    revenue: 8,
    regionCode: '4212Z01',
    links: [['nev.cell', 'MANUAL', 0.8]],
  },
  {
    id: 'e-xn-city',
    name: '咸宁城投新材',
    fullName: '咸宁城投新材料有限公司',
    tags: [],
    revenue: 2,
    regionCode: '421200',
    links: [],
  },
  {
    id: 'e-wh-car',
    name: '武汉整车',
    fullName: '武汉整车制造股份有限公司',
    stockCode: '600006.SH',
    tags: ['LISTED'],
    revenue: 150,
    regionCode: '420111',
    links: [
      ['nev.vehicle', 'INDUSTRY_CODE', 0.95],
      ['nev.cell', 'IMPORT', 0.3],
    ],
  },
  {
    id: 'e-hz-materials',
    name: '汉中电池材料',
    fullName: '汉中电池材料有限公司',
    tags: ['高新技术企业'],
    revenue: 1.1,
    regionCode: '610702',
    links: [['nev.battery-materials', 'INDUSTRY_CODE', 0.5]],
  },
];

export const ENTERPRISE_TIES = [
  { from: 'e-xn-cathode', to: 'e-catl', type: 'SUPPLIES_TO' },
  { from: 'e-jy-anode', to: 'e-catl', type: 'SUPPLIES_TO' },
  { from: 'e-catl', to: 'e-wh-car', type: 'SUPPLIES_TO' },
  { from: 'e-catl', to: 'e-zone-cell', type: 'INVESTS_IN', share: 0.51 },
];

const FILLER_COUNTIES = ['421202', '421221', '421281', '4212Z01'];
const FILLER_LINKS = ['nev.cathode', 'nev.anode', 'nev.cell', 'pack.paper'];

/** Numbered firms in Xianning, spread over its counties, links and revenues (some unknown). */
export function fillers(n: number): EnterpriseRow[] {
  return Array.from({ length: n }, (_, i) => {
    const no = String(i + 1).padStart(3, '0');
    return {
      id: `f-${no}`,
      name: `配套企业${no}`,
      fullName: `咸宁配套企业${no}有限公司`,
      tags: i % 3 === 0 ? ['高新技术企业'] : [],
      ...(i % 5 === 4 ? {} : { revenue: (i * 7) % 23 }),
      regionCode: FILLER_COUNTIES[i % FILLER_COUNTIES.length]!,
      links: [[FILLER_LINKS[i % FILLER_LINKS.length]!, 'INDUSTRY_CODE', 0.5]],
    };
  });
}

/** The denormalised location codes an importer writes on an enterprise (graph/README.md). */
export function locationOf(regionCode: string) {
  const byCode = new Map(REGIONS.map((r) => [r.code, r]));
  const codes: Record<string, string | null> = {
    regionCode,
    provinceCode: null,
    cityCode: null,
    countyCode: null,
  };
  for (let r = byCode.get(regionCode); r; r = r.parentCode ? byCode.get(r.parentCode) : undefined) {
    if (r.level === 'PROVINCE') codes.provinceCode = r.code;
    if (r.level === 'CITY') codes.cityCode = r.code;
    if (r.level === 'COUNTY') codes.countyCode = r.code;
  }
  return codes;
}

const regionsQ = cypher(
  'testRegions',
  `UNWIND $regions AS r
   CREATE (:Region {code: r.code, name: r.name, shortName: r.shortName, level: r.level})
   WITH count(*) AS _
   UNWIND [r IN $regions WHERE r.parentCode IS NOT NULL] AS r
   MATCH (c:Region {code: r.code}), (p:Region {code: r.parentCode})
   CREATE (c)-[:WITHIN]->(p)
   WITH count(*) AS _
   UNWIND $zones AS z
   CREATE (s:SourceZone {code: z.code, name: z.name})
   WITH s, z UNWIND z.members AS m
   MATCH (r:Region {code: m}) CREATE (r)-[:IN_ZONE]->(s)`,
);

const chainsQ = cypher(
  'testChains',
  `UNWIND $chains AS c
   CREATE (:Chain {id: c.id, name: c.name, description: c.description, version: 1})
   WITH count(*) AS _
   UNWIND $links AS l
   MATCH (c:Chain {id: l.chainId})
   CREATE (c)-[:HAS_LINK]->(:Link {id: l.id, name: l.name, stage: l.stage, key: l.key, shenwan: [], version: 1,
     chainId: l.chainId, parentId: l.parent})
   WITH count(*) AS _
   UNWIND [l IN $links WHERE l.parent IS NOT NULL] AS l
   MATCH (k:Link {id: l.id}), (p:Link {id: l.parent}) CREATE (k)-[:PART_OF]->(p)
   WITH count(*) AS _
   UNWIND $supplies AS s
   MATCH (a:Link {id: s[0]}), (b:Link {id: s[1]}) CREATE (a)-[:SUPPLIES]->(b)`,
);

const enterprisesQ = cypher(
  'testEnterprises',
  `UNWIND $rows AS row
   MATCH (r:Region {code: row.loc.regionCode})
   CREATE (e:Enterprise)
   SET e = row.props, e += row.loc, e.version = 1, e.synthetic = false
   CREATE (e)-[:LOCATED_IN]->(r)
   WITH e, row
   UNWIND row.links AS l
   MATCH (k:Link {id: l[0]})
   CREATE (e)-[:OPERATES_IN {source: l[1], confidence: l[2]}]->(k)`,
);

const tiesQ = cypher(
  'testTies',
  `UNWIND $ties AS t
   MATCH (a:Enterprise {id: t.from}), (b:Enterprise {id: t.to})
   FOREACH (_ IN CASE WHEN t.type = 'SUPPLIES_TO' THEN [1] ELSE [] END | CREATE (a)-[:SUPPLIES_TO]->(b))
   FOREACH (_ IN CASE WHEN t.type = 'INVESTS_IN' THEN [1] ELSE [] END | CREATE (a)-[:INVESTS_IN {share: t.share}]->(b))`,
);

const pipelineQ = cypher(
  'testPipeline',
  `CREATE (mayor:Person {id: 'p-mayor', name: '王建国', title: '副市长', version: 1})
   CREATE (member:Person {id: 'p-member', name: '李招商', title: '市商务局科长', version: 1})
   CREATE (hzLeader:Person {id: 'p-hz', name: '张汉中', title: '副市长', version: 1})
   WITH mayor, member, hzLeader
   MATCH (nev:Chain {id: 'nev'}), (pack:Chain {id: 'pack'}),
         (xn:Region {code: '421200'}), (hz:Region {code: '610700'})
   CREATE (tf:TaskForce {id: 'tf-xn-nev', name: '咸宁市新能源汽车产业链招商专班', leadDepartment: '市经信局', budget: 500.0, version: 1})
   CREATE (tf)-[:FOR_CHAIN]->(nev), (tf)-[:FOR_REGION]->(xn), (mayor)-[:LEADS]->(tf), (member)-[:MEMBER_OF]->(tf)
   CREATE (tfp:TaskForce {id: 'tf-xn-pack', name: '咸宁市绿色包装产业链招商专班', leadDepartment: '市商务局', budget: 100.0, version: 1})
   CREATE (tfp)-[:FOR_CHAIN]->(pack), (tfp)-[:FOR_REGION]->(xn), (mayor)-[:LEADS]->(tfp)
   CREATE (tfh:TaskForce {id: 'tf-hz-nev', name: '汉中市新能源汽车产业链招商专班', leadDepartment: '市发改委', budget: 300.0, version: 1})
   CREATE (tfh)-[:FOR_CHAIN]->(nev), (tfh)-[:FOR_REGION]->(hz), (hzLeader)-[:LEADS]->(tfh)
   CREATE (tf)-[:OWNS]->(lib:TargetLibrary {id: 'tl-xn-nev', name: '咸宁新能源汽车目标企业库', version: 1})
   CREATE (tfh)-[:OWNS]->(hlib:TargetLibrary {id: 'tl-hz-nev', name: '汉中新能源汽车目标企业库', version: 1})
   CREATE (tfp)-[:OWNS]->(plib:TargetLibrary {id: 'tl-xn-pack', name: '咸宁绿色包装目标企业库', version: 1})
   WITH lib, hlib, tf, tfh, tfp
   MATCH (catl:Enterprise {id: 'e-catl'}), (car:Enterprise {id: 'e-wh-car'}), (paper:Enterprise {id: 'e-cb-paper'})
   CREATE (lib)-[:INCLUDES {priority: 1, reason: '补链：动力电池', ownerId: 'p-member', addedOn: date('2021-03-01')}]->(catl)
   CREATE (lib)-[:INCLUDES {priority: 2, reason: '以商招商：整车带配套', ownerId: 'p-gone', addedOn: date('2021-04-15')}]->(car)
   CREATE (hlib)-[:INCLUDES {priority: 1, reason: '强链', ownerId: 'p-hz', addedOn: date('2021-05-01')}]->(catl)
   WITH tf, tfh, tfp, catl, paper
   MATCH (zone:Region {code: '4212Z01'}), (jiayu:Region {code: '421221'}), (hantai:Region {code: '610702'}),
         (cell:Link {id: 'nev.cell'}), (cathode:Link {id: 'nev.cathode'}), (paperLink:Link {id: 'pack.paper'})
   CREATE (p1:Project {id: 'pr-catl-xn', name: '宁德时代咸宁动力电池项目', amount: 50.0, industrial: true, exportOriented: false,
                       stage: 'SIGNED', stageOn: date('2021-06-01'), plannedProductionOn: date('2023-01-01'), version: 1})
   CREATE (p1)-[:BY]->(catl), (p1)-[:IN_REGION]->(zone), (p1)-[:FILLS]->(cell), (p1)-[:FILLS]->(cathode), (p1)-[:HANDLED_BY]->(tf)
   CREATE (p1)-[:HAS_EVENT]->(:ProjectStageEvent {seq: 1, stage: 'LEAD', on: date('2021-01-10')})
   CREATE (p1)-[:HAS_EVENT]->(:ProjectStageEvent {seq: 2, stage: 'NEGOTIATING', on: date('2021-03-01')})
   CREATE (p1)-[:HAS_EVENT]->(:ProjectStageEvent {seq: 3, stage: 'SIGNED', on: date('2021-06-01'), reason: '市长签约', by: 'p-member'})
   CREATE (p1)-[:HAS_FUNDS]->(:FundsEntry {on: date('2021-09-30'), amount: 5.0})
   CREATE (p1)-[:HAS_FUNDS]->(:FundsEntry {on: date('2021-07-31'), amount: 2.5})
   CREATE (p2:Project {id: 'pr-catl-hz', name: '宁德时代汉中电池材料项目', amount: 12.0, industrial: true, exportOriented: true,
                       stage: 'LEAD', stageOn: date('2021-02-01'), version: 1})
   CREATE (p2)-[:BY]->(catl), (p2)-[:IN_REGION]->(hantai), (p2)-[:FILLS]->(cell), (p2)-[:HANDLED_BY]->(tfh)
   CREATE (p2)-[:HAS_EVENT]->(:ProjectStageEvent {seq: 1, stage: 'LEAD', on: date('2021-02-01')})
   CREATE (p3:Project {id: 'pr-paper-jy', name: '嘉鱼纸包装扩产项目', amount: 3.5, industrial: true, exportOriented: false,
                       stage: 'STARTED', stageOn: date('2021-07-20'), version: 1})
   CREATE (p3)-[:BY]->(paper), (p3)-[:IN_REGION]->(jiayu), (p3)-[:FILLS]->(paperLink), (p3)-[:HANDLED_BY]->(tfp)
   CREATE (p3)-[:HAS_EVENT]->(:ProjectStageEvent {seq: 1, stage: 'STARTED', on: date('2021-07-20')})
   CREATE (p4:Project {id: 'pr-undated', name: '待定项目', amount: 1.0, industrial: false, exportOriented: false, stage: 'LEAD', version: 1})
   CREATE (p4)-[:BY]->(paper), (p4)-[:IN_REGION]->(jiayu), (p4)-[:FILLS]->(paperLink), (p4)-[:HANDLED_BY]->(tfp)
   WITH count(*) AS _
   MATCH (xn:Region {code: '421200'})
   CREATE (k:KpiTarget {id: 'kpi-xn-2021', year: 2021, regionCode: '421200', anchorProjects: 5, projects10e: 10, projects1e: 60,
                        industrialShare: 0.7, newStarts1e: 40, fundsInPlace: 300.0, exportProjects10e: 2,
                        source: '咸宁市2021年全市招商引资工作方案', version: 1})
   CREATE (k)-[:FOR_REGION]->(xn)
   CREATE (k2:KpiTarget {id: 'kpi-xn-2022', year: 2022, regionCode: '421200', anchorProjects: 6, version: 1})
   CREATE (k2)-[:FOR_REGION]->(xn)`,
);

/** Build the world on an empty graph (after `db.reset()`). */
export async function buildWorld(
  executor: Executor,
  opts: { fillers?: number } = {},
): Promise<EnterpriseRow[]> {
  const enterprises = [...ENTERPRISES, ...fillers(opts.fillers ?? 0)];
  await executor.write(regionsQ, { regions: REGIONS, zones: SOURCE_ZONES });
  await executor.write(chainsQ, { chains: CHAINS, links: LINKS, supplies: LINK_SUPPLIES });
  await executor.write(enterprisesQ, {
    rows: enterprises.map((e) => ({
      props: {
        id: e.id,
        name: e.name,
        fullName: e.fullName ?? null,
        stockCode: e.stockCode ?? null,
        tags: e.tags,
        revenue: e.revenue ?? null,
      },
      loc: locationOf(e.regionCode),
      links: e.links,
    })),
  });
  await executor.write(tiesQ, { ties: ENTERPRISE_TIES });
  await executor.write(pipelineQ);
  // The full-text index is eventually consistent: wait until it has caught up with the writes.
  await executor.read(cypher('testAwaitIndexes', 'CALL db.awaitIndexes(60)'));
  return enterprises;
}
