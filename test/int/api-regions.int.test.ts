import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTemplate, type EnterpriseQuery } from '../../server/src/enterprise/enterprise.store.js';
import { toGlobalId } from '../../server/src/core/relay.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { data } from '../support/gql.js';
import { buildWorld, locationOf, type EnterpriseRow } from '../support/world.js';

let db: TestDb;
let api: TestApi;
let firms: EnterpriseRow[];

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  firms = await buildWorld(db.executor, { fillers: 40 });
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

/** Enterprises whose location is `code` or within it, counted by hand from the fixture. */
const within = (code: string) =>
  firms.filter((f) => Object.values(locationOf(f.regionCode)).includes(code)).length;

const COUNT = `query ($code: String!) { region(code: $code) { enterprises { totalCount } } }`;
const count = async (code: string) =>
  (await data<{ region: { enterprises: { totalCount: number } } }>(api, COUNT, { code })).region.enterprises
    .totalCount;

describe('regions', () => {
  it('lists provinces by default, and the children of a parent by code', async () => {
    const d = await data<{
      provinces: { code: string }[];
      xn: { code: string; level: string }[];
      counties: { code: string }[];
    }>(
      api,
      `{ provinces: regions { code }
         xn: regions(parentCode: "421200") { code level }
         counties: regions(parentCode: "421200", level: COUNTY) { code } }`,
    );
    expect(d.provinces.map((r) => r.code)).toEqual(['310000', '350000', '420000', '610000']);
    expect(d.xn.map((r) => r.code)).toEqual(['421202', '421221', '421281', '4212Z01']);
    expect(d.counties.map((r) => r.code)).toEqual(['421202', '421221', '421281']);
  });

  it('lists every region of a level', async () => {
    const d = await data<{ regions: { code: string }[] }>(api, `{ regions(level: CITY) { code } }`);
    expect(d.regions.map((r) => r.code)).toEqual(['350900', '420100', '421200', '610700']);
  });

  it('finds a region by code or global id, with its parent, children, zones and targets', async () => {
    const q = `query ($code: String!) { region(code: $code) {
      id code name shortName level
      parent { code parent { code parent { code } } }
      children(level: ZONE) { code name }
      sourceZones { code }
      kpiTargets { year anchorProjects industrialShare source region { code } }
    } }`;
    const byCode = await data<{ region: Record<string, unknown> }>(api, q, { code: '421200' });
    expect(byCode.region).toEqual({
      id: toGlobalId('Region', '421200'),
      code: '421200',
      name: '咸宁市',
      shortName: '咸宁',
      level: 'CITY',
      parent: { code: '420000', parent: null },
      children: [{ code: '4212Z01', name: '咸宁高新技术产业开发区' }],
      sourceZones: [],
      kpiTargets: [
        { year: 2022, anchorProjects: 6, industrialShare: null, source: null, region: { code: '421200' } },
        {
          year: 2021,
          anchorProjects: 5,
          industrialShare: 0.7,
          source: '咸宁市2021年全市招商引资工作方案',
          region: { code: '421200' },
        },
      ],
    });
    const byId = await data<{ region: Record<string, unknown> }>(api, q, {
      code: toGlobalId('Region', '421200'),
    });
    expect(byId).toEqual(byCode);
    expect(await data(api, `{ region(code: "999999") { code } }`)).toEqual({ region: null });
  });

  it('lists source zones and their members', async () => {
    const d = await data(api, `{ sourceZones { key code name members { code sourceZones { name } } } }`);
    expect(d).toEqual({
      sourceZones: [
        {
          key: 'CSJ',
          code: 'CSJ',
          name: '长三角',
          members: [{ code: '310000', sourceZones: [{ name: '长三角' }] }],
        },
      ],
    });
  });
});

describe('enterprises of a region', () => {
  it('counts a region with every region within it: a province is the sum of its cities', async () => {
    const [hubei, xianning, wuhan, xianan, jiayu, chibi, zone] = await Promise.all(
      ['420000', '421200', '420100', '421202', '421221', '421281', '4212Z01'].map(count),
    );
    expect(hubei).toBe(within('420000'));
    expect(hubei).toBe(xianning! + wuhan!);
    // A city holds its counties, its zone, and firms placed at the city itself.
    expect(xianning).toBe(xianan! + jiayu! + chibi! + zone! + 1);
    expect(zone).toBe(within('4212Z01'));
    expect(jiayu).toBe(within('421221'));
    expect(await count('350000')).toBe(1);
    expect(await count('310000')).toBe(0);
  });

  it('pages through a region with a filter, scoped to the region', async () => {
    const d = await data<{
      region: {
        enterprises: { totalCount: number; edges: { node: { key: string; city: { code: string } } }[] };
      };
    }>(
      api,
      `{ region(code: "421200") { enterprises(filter: { chainId: "nev", tags: ["高新技术企业"] }, first: 200, orderBy: { field: ID }) {
          totalCount edges { node { key city { code } } } } } }`,
    );
    const expected = firms
      .filter((f) => locationOf(f.regionCode).cityCode === '421200')
      .filter((f) => f.tags.includes('高新技术企业'))
      .filter((f) => f.links.some(([l]) => l.startsWith('nev.')))
      .map((f) => f.id)
      .sort();
    expect(d.region.enterprises.edges.map((e) => e.node.key)).toEqual(expected);
    expect(d.region.enterprises.totalCount).toBe(expected.length);
    expect(new Set(d.region.enterprises.edges.map((e) => e.node.city.code))).toEqual(new Set(['421200']));
  });

  it('batches the enterprise connections of a list of regions into one page query', async () => {
    const d = await data<{
      regions: { code: string; enterprises: { totalCount: number; edges: unknown[] } }[];
    }>(
      api,
      `{ regions(parentCode: "421200") { code enterprises(first: 3) { totalCount edges { node { name } } } } }`,
    );
    expect(d.regions.map((r) => r.enterprises.totalCount)).toEqual(
      ['421202', '421221', '421281', '4212Z01'].map(within),
    );
    const names = api.lastQueries().map((q) => q.name);
    expect(names.filter((n) => n.startsWith('enterprisePage'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('enterpriseCount'))).toHaveLength(1);
  });
});

describe('the region filter at scale', () => {
  const plan = async (regionCode: string) => {
    const q: EnterpriseQuery = {
      regionCode,
      linkId: null,
      chainId: null,
      tags: null,
      revenueMin: null,
      revenueMax: null,
      lucene: null,
    };
    const template = countTemplate(q);
    const session = db.driver.session({ database: db.config.NEO4J_DATABASE });
    try {
      const r = await session.run(`PROFILE ${template.text}`, { keys: [{ ...q, i: 0 }] });
      const ops: { op: string; details: string }[] = [];
      const walk = (p: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
        ops.push({ op: p.operatorType.replace(/@.*$/, ''), details: String(p.arguments.Details ?? '') });
        p.children.forEach((c) => walk(c as never));
      };
      walk(r.summary.profile as never);
      return { ops, total: r.records[0]!.get('total') as number };
    } finally {
      await session.close();
    }
  };

  it('counts a county, a city and a province by index seek, never by scanning enterprises', async () => {
    for (const [code, property] of [
      ['421221', 'countyCode'],
      ['421200', 'cityCode'],
      ['420000', 'provinceCode'],
      ['4212Z01', 'regionCode'],
    ] as const) {
      const { ops, total } = await plan(code);
      expect(total).toBe(within(code));
      expect(
        ops.some((o) => o.op === 'NodeIndexSeek' && o.details.includes(`Enterprise(${property})`)),
        code,
      ).toBe(true);
      const scans = ops.filter((o) => /AllNodesScan|NodeByLabelScan|UnionNodeByLabelsScan/.test(o.op));
      expect(scans, JSON.stringify(scans)).toEqual([]);
      expect(ops.some((o) => /VarLengthExpand/.test(o.op))).toBe(false);
    }
  });
});
