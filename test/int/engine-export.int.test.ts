import { cypher } from '@chainmap/graph';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, type TestDb } from '../support/db.js';

/**
 * The investment map as a file, on a three-link chain `ex` (导出链): 原料A → 中游B → 下游C, A and B
 * key links. 咸宁 has one firm on A (咸安) and a listed one on C (the city): A is WEAK (quotient 2,
 * one firm), B is MISSING between them (broken, key), C is STRONG (an anchor). Two firms on B in
 * 上海; the smaller already negotiates a project in 咸安, so only the other is a target.
 */
const worldQ = cypher(
  'testExportWorld',
  `CREATE (hb:Region {code: '420000', name: '湖北省', shortName: '湖北', level: 'PROVINCE'})
   CREATE (xn:Region {code: '421200', name: '咸宁市', shortName: '咸宁', level: 'CITY'})-[:WITHIN]->(hb)
   CREATE (xa:Region {code: '421202', name: '咸安区', shortName: '咸安', level: 'COUNTY'})-[:WITHIN]->(xn)
   CREATE (sh:Region {code: '310000', name: '上海市', shortName: '上海', level: 'PROVINCE'})
   CREATE (shc:Region {code: '310100', name: '上海市区', shortName: '上海', level: 'CITY'})-[:WITHIN]->(sh)
   CREATE (sh)-[:IN_ZONE]->(:SourceZone {code: 'CSJ', name: '长三角'})
   CREATE (ch:Chain {id: 'ex', name: '导出链', version: 1})
   CREATE (ch)-[:HAS_LINK]->(a:Link {id: 'ex.a', chainId: 'ex', name: '原料A', stage: 'UPSTREAM', key: true})
   CREATE (ch)-[:HAS_LINK]->(b:Link {id: 'ex.b', chainId: 'ex', name: '中游B', stage: 'MIDSTREAM', key: true})
   CREATE (ch)-[:HAS_LINK]->(c:Link {id: 'ex.c', chainId: 'ex', name: '下游C', stage: 'DOWNSTREAM', key: false})
   CREATE (a)-[:SUPPLIES]->(b), (b)-[:SUPPLIES]->(c)
   CREATE (la:Enterprise {id: 'l-a', name: '咸安原料', tags: [], revenue: 3.5, regionCode: '421202', countyCode: '421202', cityCode: '421200', provinceCode: '420000'})-[:LOCATED_IN]->(xa)
   CREATE (lc:Enterprise {id: 'l-c', name: '咸宁下游', tags: ['LISTED'], revenue: 20.0, regionCode: '421200', cityCode: '421200', provinceCode: '420000'})-[:LOCATED_IN]->(xn)
   CREATE (sb:Enterprise {id: 's-b', name: '上海中游', fullName: '上海中游股份有限公司', tags: ['GLOBAL_500', 'LISTED'], revenue: 500.0, regionCode: '310100', cityCode: '310100', provinceCode: '310000'})-[:LOCATED_IN]->(shc)
   CREATE (sb2:Enterprise {id: 's-b2', name: '上海中游二', tags: [], revenue: 5.0, regionCode: '310100', cityCode: '310100', provinceCode: '310000'})-[:LOCATED_IN]->(shc)
   CREATE (la)-[:OPERATES_IN]->(a), (lc)-[:OPERATES_IN]->(c), (sb)-[:OPERATES_IN]->(b), (sb2)-[:OPERATES_IN]->(b)
   CREATE (sb)-[:SUPPLIES_TO]->(lc)
   CREATE (lead:Person {id: 'p-1', name: '张链长', title: '副市长'})
   CREATE (tf:TaskForce {id: 'tf-1', name: '咸宁市导出链招商专班', leadDepartment: '市发改委'})
   CREATE (tf)-[:FOR_CHAIN]->(ch), (tf)-[:FOR_REGION]->(xn), (lead)-[:LEADS]->(tf)
   CREATE (p:Project {id: 'pr-1', name: '上海中游二咸安项目', amount: 8.0, industrial: true, stage: 'NEGOTIATING', stageOn: date('2024-04-02')})
   CREATE (p)-[:BY]->(sb2), (p)-[:IN_REGION]->(xa), (p)-[:FILLS]->(b), (p)-[:HANDLED_BY]->(tf)`,
);

let db: TestDb;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  await db.executor.write(worldQ);
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

/** As the ADMIN test user: the export's 谁来招 part is pipeline data, shown within the user's scope. */
const get = async (path: string) =>
  fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${await api.token('admin')}` } });
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

async function workbook(query: string): Promise<ExcelJS.Workbook> {
  const res = await get(`/export/investment-map.xlsx?${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

/** A sheet's rows as arrays of cell values (row 1 first), empty cells as null, as wide as the sheet. */
function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value ?? null);
  });
  return out;
}

describe('GET /export/investment-map.xlsx', () => {
  it('writes the cover and the four sheets with Chinese headers, and reads back with ExcelJS', async () => {
    const res = await get('/export/investment-map.xlsx?chainId=ex&regionCode=421200');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="investment-map-ex-421200-${today()}.xlsx"; filename*=UTF-8''${encodeURIComponent('咸宁市导出链产业链招商地图.xlsx')}`,
    );
    const wb = await workbook('chainId=ex&regionCode=421200');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '封面',
      '环节诊断',
      '目标企业清单',
      '主攻区域',
      '在谈项目',
    ]);

    const cover = wb.getWorksheet('封面')!;
    expect(cover.getCell('A1').value).toBe('咸宁市导出链产业链招商地图');
    const facts = Object.fromEntries(
      rows(cover)
        .slice(2)
        .map((r) => [r[0], r[1]]),
    );
    expect(facts).toMatchObject({
      产业链: '导出链（ex）',
      地区: '咸宁市（421200）',
      生成日期: today(),
      '阈值：强链最少本地企业数': 3,
      '阈值：强链最低区位商': 1,
      重点来源地: 'CSJ、YGA、JJJ',
      环节覆盖率: '66.7%',
      关键环节覆盖率: '50.0%',
      招商专班: '咸宁市导出链招商专班',
      链长: '张链长（副市长）',
      牵头单位: '市发改委',
      在谈项目数: 1,
    });

    const diagnosis = rows(wb.getWorksheet('环节诊断')!);
    expect(diagnosis[0]).toEqual([
      '环节编号',
      '环节',
      '上级环节',
      '上中下游',
      '关键环节',
      '状态',
      '断链',
      '缺口类型',
      '本地企业数',
      '本地链主企业数',
      '本地营收（亿元）',
      '区位商',
      '全国企业数',
      '本地链主企业',
    ]);
    // (1 / 2) / (1 / 4) = 2 for A; B is broken between A and C; C has a listed anchor.
    expect(diagnosis.slice(1)).toEqual([
      ['ex.a', '原料A', null, '上游', '是', '弱', '否', '弱链（关键环节）', 1, 0, 3.5, 2, 1, null],
      ['ex.b', '中游B', null, '中游', '是', '缺', '是', '断链（关键环节）', 0, 0, null, 0, 2, null],
      ['ex.c', '下游C', null, '下游', '否', '强', '否', null, 1, 1, 20, 2, 1, '咸宁下游'],
    ]);

    const targets = rows(wb.getWorksheet('目标企业清单')!);
    expect(targets[0]!.slice(0, 9)).toEqual([
      '缺口环节',
      '缺口类型',
      '排名',
      '企业',
      '企业全称',
      '所在地',
      '企业标签',
      '营收（亿元）',
      '得分',
    ]);
    expect(targets).toHaveLength(2); // s-b2 is in a project already
    const [link, gap, rank, name, fullName, place, tags, revenue, score, ...rest] = targets[1]!;
    expect([link, gap, rank, name, fullName, place, tags, revenue]).toEqual([
      '中游B',
      '断链（关键环节）',
      1,
      '上海中游',
      '上海中游股份有限公司',
      '上海市 上海市区',
      '世界500强、上市公司',
      500,
    ]);
    const contributions = rest.slice(0, 5) as number[];
    // strength 1 and log10(501)/log10(1001); gap 1; one tie (l-c); B supplies C, strong; 长三角.
    expect(contributions[1]).toBe(0.25);
    expect(contributions[2]).toBe(0.05);
    expect(contributions[3]).toBe(0.075);
    expect(contributions[4]).toBe(0.1);
    expect(contributions.reduce((s, x) => s + x, 0)).toBeCloseTo(score as number, 4);
    expect(rest.slice(6)).toEqual(['否', '否']);

    const regions = rows(wb.getWorksheet('主攻区域')!);
    expect(regions[0]).toEqual([
      '排名',
      '地区',
      '地区代码',
      '热度',
      '候选企业数',
      '链主企业数',
      '营收合计（亿元）',
      '各环节候选企业',
    ]);
    expect(regions.slice(1)).toEqual([[1, '上海市', '310000', 3, 2, 1, 505, '中游B 2（链主1）']]);

    const projects = rows(wb.getWorksheet('在谈项目')!);
    expect(projects[0]).toEqual([
      '项目编号',
      '项目名称',
      '投资企业',
      '阶段',
      '阶段日期',
      '投资额（亿元）',
      '落地地区',
      '所补环节',
      '工业项目',
    ]);
    expect(projects.slice(1)).toEqual([
      ['pr-1', '上海中游二咸安项目', '上海中游二', '在谈', '2024-04-02', 8, '咸安区', '中游B', '是'],
    ]);
  });

  it('takes thresholds from the query and shows them on the cover', async () => {
    const wb = await workbook('chainId=ex&regionCode=421200&strongMinCount=1');
    const cover = Object.fromEntries(
      rows(wb.getWorksheet('封面')!)
        .slice(2)
        .map((r) => [r[0], r[1]]),
    );
    expect(cover['阈值：强链最少本地企业数']).toBe(1);
    expect(rows(wb.getWorksheet('环节诊断')!)[1]!.slice(0, 6)).toEqual([
      'ex.a',
      '原料A',
      null,
      '上游',
      '是',
      '强',
    ]);
  });

  it('answers 400 for a bad query and 404 for an unknown chain', async () => {
    const bad = await get('/export/investment-map.xlsx?regionCode=421200');
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('BAD_USER_INPUT');
    const missing = await get('/export/investment-map.xlsx?chainId=nope&regionCode=421200');
    expect(missing.status).toBe(404);
  });
});

describe('GET /export/investment-map.csv', () => {
  it('writes every table under its name, with a byte-order mark for Excel', async () => {
    const res = await get('/export/investment-map.csv?chainId=ex&regionCode=421200');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const sections = text.trim().split('\r\n\r\n');
    expect(sections.map((s) => s.split('\r\n')[0])).toEqual([
      '【封面】',
      '【环节诊断】',
      '【目标企业清单】',
      '【主攻区域】',
      '【在谈项目】',
    ]);
    expect(sections[1]!.split('\r\n')[3]).toBe('ex.b,中游B,,中游,是,缺,是,断链（关键环节）,0,0,,0,2,');
  });

  it('writes one table when asked', async () => {
    const res = await get('/export/investment-map.csv?chainId=ex&regionCode=421200&sheet=regions');
    const text = (await res.text()).replace(/^\uFEFF/, '');
    expect(text).toBe(
      '排名,地区,地区代码,热度,候选企业数,链主企业数,营收合计（亿元）,各环节候选企业\r\n1,上海市,310000,3,2,1,505,中游B 2（链主1）\r\n',
    );
  });
});
