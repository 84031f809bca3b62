import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/core/relay.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { data, error } from '../support/gql.js';
import { buildWorld, locationOf, REGIONS, type EnterpriseRow } from '../support/world.js';

let db: TestDb;
let api: TestApi;
let firms: EnterpriseRow[];

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  firms = await buildWorld(db.executor, { fillers: 120 });
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

interface Conn {
  totalCount?: number;
  edges: { cursor: string; node: { key: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const PAGE = `query ($filter: EnterpriseFilter, $first: Int, $after: String, $orderBy: EnterpriseOrder) {
  enterprises(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount edges { cursor node { key } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }`;

const page = async (vars: Record<string, unknown>) =>
  (await data<{ enterprises: Conn }>(api, PAGE, vars)).enterprises;

/** Every key matching `filter`, following cursors `first` at a time. */
async function all(
  filter: Record<string, unknown>,
  orderBy?: Record<string, unknown>,
  first = 200,
): Promise<string[]> {
  const keys: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const c: Conn = await page({ filter, first, after, orderBy });
    keys.push(...c.edges.map((e) => e.node.key));
    if (!c.pageInfo.hasNextPage) return keys;
    after = c.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

const ids = (rows: EnterpriseRow[]) => rows.map((f) => f.id).sort();
const inRegion = (code: string) => (f: EnterpriseRow) =>
  Object.values(locationOf(f.regionCode)).includes(code);
const onLink =
  (...links: string[]) =>
  (f: EnterpriseRow) =>
    f.links.some(([l]) => links.includes(l));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('enterprise lookups', () => {
  it('finds an enterprise by key or global id, with its region, ties and links', async () => {
    const q = `query ($id: ID!) { enterprise(id: $id) {
      id key name fullName stockCode tags revenue synthetic version
      region { code } province { code } city { code } county { code }
      links { link { key name chain { key } } source confidence }
      suppliers { key } customers { key }
      investments { enterprise { key } share } investors { enterprise { key } }
      projects { key stage }
    } }`;
    const byKey = await data<{ enterprise: Record<string, unknown> }>(api, q, { id: 'e-catl' });
    expect(byKey.enterprise).toEqual({
      id: toGlobalId('Enterprise', 'e-catl'),
      key: 'e-catl',
      name: '宁德时代',
      fullName: '宁德时代新能源科技股份有限公司',
      stockCode: '300750.SZ',
      tags: ['LISTED', 'LEADER'],
      revenue: 4009,
      synthetic: false,
      version: 1,
      region: { code: '350902' },
      province: { code: '350000' },
      city: { code: '350900' },
      county: { code: '350902' },
      links: [
        {
          link: { key: 'nev.cell', name: '动力电池', chain: { key: 'nev' } },
          source: 'INDUSTRY_CODE',
          confidence: 0.9,
        },
      ],
      suppliers: [{ key: 'e-xn-cathode' }, { key: 'e-jy-anode' }], // by name: 咸 < 嘉
      customers: [{ key: 'e-wh-car' }],
      investments: [{ enterprise: { key: 'e-zone-cell' }, share: 0.51 }],
      investors: [],
      projects: [
        { key: 'pr-catl-xn', stage: 'SIGNED' },
        { key: 'pr-catl-hz', stage: 'LEAD' },
      ],
    });
    expect(await data(api, q, { id: toGlobalId('Enterprise', 'e-catl') })).toEqual(byKey);
    expect(await data(api, `{ enterprise(id: "nope") { key } }`)).toEqual({ enterprise: null });
  });

  it('lists links most confident first; a zone firm has a city but no county', async () => {
    const d = await data(
      api,
      `{ a: enterprise(id: "e-wh-car") { links { link { key } confidence } }
      b: enterprise(id: "e-zone-cell") { region { code level } city { code } county { code } investors { enterprise { key } share } } }`,
    );
    expect(d).toEqual({
      a: {
        links: [
          { link: { key: 'nev.vehicle' }, confidence: 0.95 },
          { link: { key: 'nev.cell' }, confidence: 0.3 },
        ],
      },
      b: {
        region: { code: '4212Z01', level: 'ZONE' },
        city: { code: '421200' },
        county: null,
        investors: [{ enterprise: { key: 'e-catl' }, share: 0.51 }],
      },
    });
  });

  it('finds a listed company by any usual spelling of its stock code', async () => {
    for (const code of ['300750', '300750.SZ', '300750.sz', 'sz300750', 'SZ300750']) {
      const d = await data<{ enterpriseByStockCode: { key: string } | null }>(
        api,
        `query ($code: String!) { enterpriseByStockCode(code: $code) { key } }`,
        { code },
      );
      expect(d.enterpriseByStockCode, code).toEqual({ key: 'e-catl' });
    }
    expect(await data(api, `{ enterpriseByStockCode(code: "sh600006") { key } }`)).toEqual({
      enterpriseByStockCode: { key: 'e-wh-car' },
    });
    expect(await data(api, `{ enterpriseByStockCode(code: "000001") { key } }`)).toEqual({
      enterpriseByStockCode: null,
    });
    const e = await error(api, `{ enterpriseByStockCode(code: "宁德时代") { key } }`);
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });
});

describe('enterprise filters', () => {
  it('a region means the region and every region within it (global ids accepted)', async () => {
    expect(await all({ regionCode: '421200' })).toHaveLength(firms.filter(inRegion('421200')).length);
    expect((await all({ regionCode: toGlobalId('Region', '420000') })).sort()).toEqual(
      ids(firms.filter(inRegion('420000'))),
    );
    expect(await all({ regionCode: '999999' })).toEqual([]);
  });

  it('a link includes its sub-links; a chain all its links', async () => {
    const materials = await all({ linkId: 'nev.battery-materials' });
    expect(materials.sort()).toEqual(
      ids(firms.filter(onLink('nev.battery-materials', 'nev.cathode', 'nev.anode'))),
    );
    expect(materials).toContain('e-xn-cathode');
    expect(materials).toContain('e-jy-anode');
    expect(materials).not.toContain('e-catl');
    expect((await all({ linkId: 'nev.cathode' })).sort()).toEqual(ids(firms.filter(onLink('nev.cathode'))));
    expect((await all({ chainId: 'pack' })).sort()).toEqual(ids(firms.filter(onLink('pack.paper'))));
    // A firm on two links of the chain is listed once.
    const nev = await all({ chainId: toGlobalId('Chain', 'nev') });
    expect(nev.filter((k) => k === 'e-wh-car')).toHaveLength(1);
  });

  it('tags must all be present; revenue bounds are inclusive', async () => {
    expect(await all({ tags: ['高新技术企业', '专精特新"小巨人"'] })).toEqual(['e-jy-anode']);
    const mid = (f: EnterpriseRow) => f.revenue != null && f.revenue >= 3.2 && f.revenue <= 12.5;
    expect((await all({ revenueMin: 3.2, revenueMax: 12.5 })).sort()).toEqual(ids(firms.filter(mid)));
  });

  it('text matches the name or full name through the Chinese full-text index, two characters or one', async () => {
    expect(await all({ text: '正极' })).toEqual(['e-xn-cathode']);
    expect(await all({ text: '新能源科技' })).toEqual(['e-catl']);
    expect(await all({ text: '汉中 材料' })).toEqual(['e-hz-materials']);
    const ning = (f: EnterpriseRow) => `${f.name} ${f.fullName ?? ''}`.includes('宁');
    expect((await all({ text: '宁' })).sort()).toEqual(ids(firms.filter(ning)));
  });

  it('combines filters, whatever index answers first', async () => {
    expect(await all({ regionCode: '421200', text: '电池' })).toEqual(['e-zone-cell']);
    expect(await all({ regionCode: '420000', linkId: 'nev.cell', tags: ['LISTED'] })).toEqual(['e-wh-car']);
    const expected = firms
      .filter(inRegion('421221'))
      .filter(onLink('nev.anode'))
      .filter((f) => (f.revenue ?? -1) >= 5);
    expect(
      (await all({ regionCode: '421221', chainId: 'nev', linkId: 'nev.anode', revenueMin: 5 })).sort(),
    ).toEqual(ids(expected));
  });

  // A region with a link or chain starts from whichever side has fewer firms (by degrees): in
  // this world a county or zone has fewer than the nev chain or battery materials, the province
  // and the city more than one sub-link. Either side must give the same pages and counts.
  it('a region with a link or chain: the same pages, cursors and totals whichever side is smaller', async () => {
    const onChain = (f: EnterpriseRow) => f.links.some(([l]) => l.startsWith('nev.'));
    const cases: [Record<string, unknown>, (f: EnterpriseRow) => boolean][] = [
      // region side: a county, a zone
      [
        { regionCode: '421202', linkId: 'nev.battery-materials' },
        onLink('nev.battery-materials', 'nev.cathode', 'nev.anode'),
      ],
      [{ regionCode: '421221', chainId: 'nev' }, onChain],
      [{ regionCode: '4212Z01', chainId: 'pack' }, onLink('pack.paper')],
      // link side: the province, the city
      [{ regionCode: '420000', linkId: 'nev.cathode' }, onLink('nev.cathode')],
      [
        { regionCode: '421200', linkId: 'nev.battery-materials', tags: ['高新技术企业'] },
        (f) =>
          onLink('nev.battery-materials', 'nev.cathode', 'nev.anode')(f) && f.tags.includes('高新技术企业'),
      ],
      [{ regionCode: '420000', chainId: 'pack' }, onLink('pack.paper')],
    ];
    for (const [filter, test] of cases) {
      const expected = firms.filter(inRegion(filter.regionCode as string)).filter(test);
      const label = JSON.stringify(filter);
      expect(expected.length, label).toBeGreaterThan(7);
      expect(await all(filter, undefined, 7), label).toEqual(
        [...expected].sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id)).map((f) => f.id),
      );
      expect((await all(filter, { field: 'REVENUE', direction: 'DESC' }, 7)).sort(), label).toEqual(
        ids(expected),
      );
      expect((await page({ filter, first: 1 })).totalCount, label).toBe(expected.length);
    }
    expect(await all({ regionCode: '999999', linkId: 'nev.cell' })).toEqual([]);
    expect(await all({ regionCode: '421202', linkId: 'no.such-link' })).toEqual([]);
  });

  it('rejects bad filters as BAD_USER_INPUT naming the field', async () => {
    const e1 = await error(api, `{ enterprises(filter: { revenueMin: 10, revenueMax: 1 }) { totalCount } }`);
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.revenueMax' });
    const e2 = await error(api, `{ enterprises(filter: { text: "((" }) { totalCount } }`);
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
  });
});

describe('ordering and pagination', () => {
  const xn = () => firms.filter(inRegion('421200'));

  it('pages are stable in every order, ties broken by id, firms without revenue last', async () => {
    const byName = (d: number) => (a: EnterpriseRow, b: EnterpriseRow) =>
      d * (cmp(a.name, b.name) || cmp(a.id, b.id));
    const byId = (d: number) => (a: EnterpriseRow, b: EnterpriseRow) => d * cmp(a.id, b.id);
    const byRevenue = (d: number) => (a: EnterpriseRow, b: EnterpriseRow) =>
      a.revenue == null || b.revenue == null
        ? Number(a.revenue == null) - Number(b.revenue == null) || d * cmp(a.id, b.id)
        : d * (a.revenue - b.revenue || cmp(a.id, b.id));
    const sorts = { NAME: byName, ID: byId, REVENUE: byRevenue };
    for (const field of ['NAME', 'REVENUE', 'ID'] as const) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const expected = [...xn()].sort(sorts[field](direction === 'ASC' ? 1 : -1)).map((f) => f.id);
        const got = await all({ regionCode: '421200' }, { field, direction }, 12);
        expect(got, `${field} ${direction}`).toEqual(expected);
      }
    }
  });

  it('first page, last page, and after the end', async () => {
    const total = xn().length;
    const first = await page({ filter: { regionCode: '421200' }, first: 10 });
    expect(first.totalCount).toBe(total);
    expect(first.edges).toHaveLength(10);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toBe(first.edges[0]!.cursor);
    expect(first.pageInfo.endCursor).toBe(first.edges[9]!.cursor);

    const keys = await all({ regionCode: '421200' }, undefined, 10);
    expect(keys).toHaveLength(total);
    const everything = await page({ filter: { regionCode: '421200' }, first: 200 });
    const fourthFromLast = everything.edges[total - 4]!.cursor;
    const last = await page({ filter: { regionCode: '421200' }, first: 10, after: fourthFromLast });
    expect(last.edges.map((e) => e.node.key)).toEqual(keys.slice(total - 3));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const beyond = await page({
      filter: { regionCode: '421200' },
      first: 10,
      after: last.pageInfo.endCursor,
    });
    expect(beyond.edges).toEqual([]);
    expect(beyond.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
    expect(beyond.totalCount).toBe(total);
  });

  it('an exact fit ends with hasNextPage false', async () => {
    const total = firms.filter(inRegion('421200')).length;
    const c = await page({ filter: { regionCode: '421200' }, first: total });
    expect(c.edges).toHaveLength(total);
    expect(c.pageInfo.hasNextPage).toBe(false);
  });

  it('rejects an invalid cursor, a cursor of another order, and a bad page size', async () => {
    const bad = await error(api, PAGE, { after: 'not-a-cursor!' });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const forged = await error(api, PAGE, { after: Buffer.from('{"x":1}').toString('base64url') });
    expect(forged.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const byName = await page({ first: 1 });
    const other = await error(api, PAGE, { after: byName.pageInfo.endCursor, orderBy: { field: 'REVENUE' } });
    expect(other.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    for (const first of [0, 201]) {
      const e = await error(api, PAGE, { first });
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('counts only when totalCount is selected, in one extra query', async () => {
    await data(api, `{ enterprises(first: 5) { edges { node { key } } } }`);
    expect(api.lastQueries().map((q) => q.name)).toEqual(['enterprisePage[all;NAME_ASC]']);
    await data(
      api,
      `{ enterprises(first: 5) { ...F } } fragment F on EnterpriseConnection { n: totalCount edges { node { key } } }`,
    );
    expect(
      api
        .lastQueries()
        .map((q) => q.name)
        .sort(),
    ).toEqual(['enterpriseCount[all]', 'enterprisePage[all;NAME_ASC]']);
  });

  it('fetches no page when only totalCount is selected: a count per link is its counts alone', async () => {
    const code = firms[0]!.regionCode;
    const counted = await data<{ enterprises: { totalCount: number } }>(
      api,
      `query ($code: String) { enterprises(filter: { regionCode: $code }) { totalCount } }`,
      { code },
    );
    expect(api.lastQueries().map((q) => q.name)).toEqual(['enterpriseCount[region]']);
    expect(counted.enterprises.totalCount).toBe((await all({ regionCode: code })).length);
    const chain = await data<{ chain: { links: { key: string; enterprises: { totalCount: number } }[] } }>(
      api,
      `query ($code: String) { chain(id: "nev") { links { key enterprises(regionCode: $code) { totalCount } } } }`,
      { code },
    );
    expect(chain.chain.links.length).toBeGreaterThan(1);
    // The chain with its links, then at the state they were read at, the links' chains (the
    // catalog) and the region's presence on the chain: the engine's figures, read once.
    expect(api.lastQueries().map((q) => q.name)).toEqual([
      'chainsWithLinks',
      'engineCatalog',
      'localPresence',
    ]);
    for (const l of chain.chain.links)
      expect(l.enterprises.totalCount, l.key).toBe((await all({ regionCode: code, linkId: l.key })).length);
    await data(
      api,
      `query ($code: String) { chain(id: "nev") { links { key enterprises(regionCode: $code) { totalCount } } } }`,
      { code },
    );
    expect(api.lastQueries().map((q) => q.name)).toEqual(['chainsWithLinks']);
  });
});

describe('no N+1', () => {
  const Q = `query ($first: Int) { enterprises(first: $first, orderBy: { field: REVENUE, direction: DESC }) {
    totalCount
    edges { node { key name tags region { code name } province { name } city { name }
      links { source confidence link { key name stage } } } } } }`;

  it('a page of 100 with region, province, city, links and tags takes as many round trips as a page of 5', async () => {
    const small = await data<{ enterprises: Conn }>(api, Q, { first: 5 });
    const smallQueries = api
      .lastQueries()
      .map((q) => q.name)
      .sort();
    const big = await data<{ enterprises: Conn }>(api, Q, { first: 100 });
    const bigQueries = api
      .lastQueries()
      .map((q) => q.name)
      .sort();
    expect(small.enterprises.edges).toHaveLength(5);
    expect(big.enterprises.edges).toHaveLength(100);
    expect(bigQueries).toEqual(smallQueries);
    // The page with its regions (region, province and city), its count, the links.
    expect(bigQueries).toEqual([
      'enterpriseCount[all]',
      'enterpriseLinks',
      'enterprisePage[all;REVENUE_DESC;regions]',
    ]);
  });

  it('a region and link page with region selected is one round trip, with the same regions', async () => {
    const Q = `query ($filter: EnterpriseFilter) { enterprises(filter: $filter, first: 50) {
      edges { node { key region { code name level } county { code } city { code } } } } }`;
    const region = (code: string | null) => {
      const r = REGIONS.find((x) => x.code === code);
      return r ? { code: r.code, name: r.name, level: r.level } : null;
    };
    for (const filter of [
      { regionCode: '421202', linkId: 'nev.battery-materials' },
      { regionCode: '421200', linkId: 'nev.cell' },
    ]) {
      const d = await data<{
        enterprises: { edges: { node: { key: string; region: unknown; county: unknown; city: unknown } }[] };
      }>(api, Q, { filter });
      expect(api.lastQueries().map((q) => q.name)).toEqual(['enterprisePage[link|region;NAME_ASC;regions]']);
      expect(d.enterprises.edges.length).toBeGreaterThan(5);
      for (const { node } of d.enterprises.edges) {
        const f = firms.find((x) => x.id === node.key)!;
        const loc = locationOf(f.regionCode);
        expect(node.region).toEqual(region(f.regionCode));
        expect(node.county).toEqual(loc.countyCode ? { code: loc.countyCode } : null);
        expect(node.city).toEqual({ code: loc.cityCode });
      }
    }
    // Without a region selected, the page is the plain one.
    await data(api, `{ enterprises(filter: { regionCode: "421202" }, first: 5) { edges { node { key } } } }`);
    expect(api.lastQueries().map((q) => q.name)).toEqual(['enterprisePage[region;NAME_ASC]']);
  });
});
