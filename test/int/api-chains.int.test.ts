import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/core/relay.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { cypher } from '@chainmap/graph';
import { data } from '../support/gql.js';
import { buildWorld, locationOf, type EnterpriseRow } from '../support/world.js';

let db: TestDb;
let api: TestApi;
let firms: EnterpriseRow[];

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  firms = await buildWorld(db.executor, { fillers: 12 });
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

describe('chains', () => {
  it('lists chains by name, each with its links upstream first, then by name', async () => {
    const d = await data<{
      chains: { key: string; name: string; links: { key: string; stage: string }[] }[];
    }>(api, `{ chains { key name links { key stage } } }`);
    expect(d.chains.map((c) => c.name)).toEqual(['新能源汽车', '绿色包装']);
    expect(d.chains[0]!.links).toEqual([
      // UPSTREAM, by name (character code): 动 < 正 < 负
      { key: 'nev.battery-materials', stage: 'UPSTREAM' },
      { key: 'nev.cathode', stage: 'UPSTREAM' },
      { key: 'nev.anode', stage: 'UPSTREAM' },
      { key: 'nev.cell', stage: 'MIDSTREAM' },
      { key: 'nev.vehicle', stage: 'DOWNSTREAM' },
    ]);
  });

  it('finds a chain by id or global id, with its task forces', async () => {
    const q = `query ($id: ID!) { chain(id: $id) { id key name description version
      taskForces { key name leader { name } region { code } } } }`;
    const byKey = await data(api, q, { id: 'nev' });
    expect(byKey).toEqual({
      chain: {
        id: toGlobalId('Chain', 'nev'),
        key: 'nev',
        name: '新能源汽车',
        description: '整车、三电与零部件',
        version: 1,
        taskForces: [
          {
            key: 'tf-xn-nev',
            name: '咸宁市新能源汽车产业链招商专班',
            leader: { name: '王建国' },
            region: { code: '421200' },
          },
          {
            key: 'tf-hz-nev',
            name: '汉中市新能源汽车产业链招商专班',
            leader: { name: '张汉中' },
            region: { code: '610700' },
          },
        ],
      },
    });
    expect(await data(api, q, { id: toGlobalId('Chain', 'nev') })).toEqual(byKey);
    expect(await data(api, `{ chain(id: "nope") { key } }`)).toEqual({ chain: null });
  });
});

describe('links', () => {
  it('finds a link with its chain, parent, sub-links and the links it supplies or is supplied by', async () => {
    const d = await data(
      api,
      `{ materials: link(id: "nev.battery-materials") {
           id key name stage isKey chain { key } parent { key }
           subLinks { key parent { key } } suppliesTo { key } suppliedBy { key } }
         vehicle: link(id: "${toGlobalId('Link', 'nev.vehicle')}") { key suppliedBy { key chain { key } } }
         anode: link(id: "nev.anode") { isKey parent { key } } }`,
    );
    expect(d).toEqual({
      materials: {
        id: toGlobalId('Link', 'nev.battery-materials'),
        key: 'nev.battery-materials',
        name: '动力电池材料',
        stage: 'UPSTREAM',
        isKey: true,
        chain: { key: 'nev' },
        parent: null,
        subLinks: [
          { key: 'nev.cathode', parent: { key: 'nev.battery-materials' } },
          { key: 'nev.anode', parent: { key: 'nev.battery-materials' } },
        ],
        suppliesTo: [{ key: 'nev.cell' }],
        suppliedBy: [],
      },
      // across chains: 纸包装 supplies 整车制造
      vehicle: {
        key: 'nev.vehicle',
        suppliedBy: [
          { key: 'nev.cell', chain: { key: 'nev' } },
          { key: 'pack.paper', chain: { key: 'pack' } },
        ],
      },
      anode: { isKey: false, parent: { key: 'nev.battery-materials' } },
    });
  });

  it("lists a link's enterprises including its sub-links', optionally in a region", async () => {
    const onMaterials = (f: EnterpriseRow) =>
      f.links.some(([l]) => ['nev.battery-materials', 'nev.cathode', 'nev.anode'].includes(l));
    const d = await data<{
      link: {
        enterprises: { totalCount: number; edges: { node: { key: string } }[] };
        xn: { totalCount: number };
      };
    }>(
      api,
      `{ link(id: "nev.battery-materials") {
           enterprises(first: 100, orderBy: { field: ID }) { totalCount edges { node { key } } }
           xn: enterprises(regionCode: "421200") { totalCount } } }`,
    );
    const expected = firms
      .filter(onMaterials)
      .map((f) => f.id)
      .sort();
    expect(d.link.enterprises.edges.map((e) => e.node.key)).toEqual(expected);
    expect(d.link.enterprises.totalCount).toBe(expected.length);
    expect(d.link.xn.totalCount).toBe(
      firms.filter(onMaterials).filter((f) => locationOf(f.regionCode).cityCode === '421200').length,
    );
  });

  it('loads the enterprises of every link of a chain in one batched query', async () => {
    const d = await data<{ chain: { links: { key: string; enterprises: { totalCount: number } }[] } }>(
      api,
      `{ chain(id: "nev") { links { key enterprises(first: 2) { totalCount edges { node { name } } } } } }`,
    );
    expect(d.chain.links.find((l) => l.key === 'nev.cell')!.enterprises.totalCount).toBe(
      firms.filter((f) => f.links.some(([l]) => l === 'nev.cell')).length,
    );
    const names = api.lastQueries().map((q) => q.name);
    // The chain with its links in one query, then every link's page and count in one each.
    expect(names).toEqual([
      'chainsWithLinks',
      expect.stringMatching(/^enterprise(Page|Count)/),
      expect.stringMatching(/^enterprise(Page|Count)/),
    ]);
  });
});

// Counts of many links of a chain in one region (a chain's links each counted in a province) are
// the region's presence on the chain that the engine keeps for the diagnosis, stamped with the
// database state (enterprise.counts.ts); links without a chain, and every other count, are
// counted by Cypher: in one pass over the region's firms (regionLinkCounts) when the region is
// the smaller side by degrees, else each link's firms are checked for it. A small hand-built
// chain and province of their own make every answer obvious; the one pass is taken in 990000 (4
// firms against ~12 firm-link ties), the per-link check in 420000 (~20 firms against a handful).
describe('link counts in one region', () => {
  const setup = cypher(
    'testCountWorld',
    `CREATE (p:Region {code: '990000', name: '测试省', shortName: '测试', level: 'PROVINCE'})
     CREATE (c:Region {code: '990100', name: '测试市', shortName: '测市', level: 'CITY'})-[:WITHIN]->(p)
     CREATE (k:Region {code: '990101', name: '测试县', shortName: '测县', level: 'COUNTY'})-[:WITHIN]->(c)
     CREATE (z:Region {code: '9901Z01', name: '测试开发区', shortName: '测区', level: 'ZONE'})-[:WITHIN]->(c)
     CREATE (ch:Chain {id: 'cnt', name: '计数链', description: '', version: 1})
     WITH *
     UNWIND [['cnt.a', null], ['cnt.a1', 'cnt.a'], ['cnt.a1x', 'cnt.a1'], ['cnt.a2', 'cnt.a'],
             ['cnt.b', null], ['cnt.empty', null]] AS l
     CREATE (ch)-[:HAS_LINK]->(:Link {id: l[0], name: l[0], stage: 'UPSTREAM', key: false, shenwan: [], version: 1, parent: l[1], chainId: 'cnt'})
     WITH count(*) AS _
     MATCH (l:Link) WHERE l.parent IS NOT NULL
     MATCH (p:Link {id: l.parent}) CREATE (l)-[:PART_OF]->(p) REMOVE l.parent
     WITH count(*) AS _
     UNWIND [
       {id: 't1', at: '990101', codes: ['990000', '990100', '990101'], links: ['cnt.a1', 'cnt.a2']},
       {id: 't2', at: '990101', codes: ['990000', '990100', '990101'], links: ['cnt.a1x']},
       {id: 't3', at: '9901Z01', codes: ['990000', '990100', null], links: ['cnt.b']},
       {id: 't4', at: '990100', codes: ['990000', '990100', null], links: ['cnt.a']},
       {id: 't5', at: '420111', codes: ['420000', '420100', '420111'], links: ['cnt.a2', 'cnt.b']}
     ] AS f
     MATCH (r:Region {code: f.at})
     CREATE (e:Enterprise {id: f.id, name: f.id, tags: [], version: 1, synthetic: false, regionCode: f.at,
       provinceCode: f.codes[0], cityCode: f.codes[1], countyCode: f.codes[2]})-[:LOCATED_IN]->(r)
     WITH e, f UNWIND f.links AS l
     MATCH (k:Link {id: l}) CREATE (e)-[:OPERATES_IN {source: 'MANUAL', confidence: 1.0}]->(k)`,
  );
  const teardown = cypher(
    'testCountWorldGone',
    `MATCH (n) WHERE (n:Region AND n.code STARTS WITH '9901') OR (n:Region AND n.code = '990000')
       OR (n:Chain AND n.id = 'cnt') OR (n:Link AND n.id STARTS WITH 'cnt.')
       OR (n:Enterprise AND n.id IN ['t1', 't2', 't3', 't4', 't5'])
     DETACH DELETE n`,
  );
  beforeAll(() => db.executor.write(setup));
  afterAll(() => db.executor.write(teardown));

  const counts = async (code: string) => {
    const d = await data<{ chain: { links: { key: string; enterprises: { totalCount: number } }[] } }>(
      api,
      `query ($code: String) { chain(id: "cnt") { links { key enterprises(regionCode: $code) { totalCount } } } }`,
      { code },
    );
    return Object.fromEntries(d.chain.links.map((l) => [l.key, l.enterprises.totalCount]));
  };

  const whole = { 'cnt.a': 3, 'cnt.a1': 2, 'cnt.a1x': 1, 'cnt.a2': 1, 'cnt.b': 1, 'cnt.empty': 0 };
  const none = { 'cnt.a': 0, 'cnt.a1': 0, 'cnt.a1x': 0, 'cnt.a2': 0, 'cnt.b': 0, 'cnt.empty': 0 };
  const hubei = { 'cnt.a': 1, 'cnt.a1': 0, 'cnt.a1x': 0, 'cnt.a2': 1, 'cnt.b': 1, 'cnt.empty': 0 };
  const names = () => api.lastQueries().map((q) => q.name);

  it('counts each link with its sub-links, a firm in two sub-links once, in every region within', async () => {
    expect(await counts('990000')).toEqual(whole);
    // The links' chains (the catalog) and the region's presence on the chain, read once at the
    // state the chain was read at, then kept.
    expect(names()).toEqual(['chainsWithLinks', 'engineCatalog', 'localPresence']);
    expect(await counts('990000')).toEqual(whole);
    expect(names()).toEqual(['chainsWithLinks']);
    // Counts asked before anything else was read: one small read for the links' chains and the state.
    const alone = await data<{ a: { totalCount: number }; b: { totalCount: number } }>(
      api,
      `{ a: enterprises(filter: { regionCode: "990000", linkId: "cnt.a" }) { totalCount }
         b: enterprises(filter: { regionCode: "990000", linkId: "cnt.b" }) { totalCount } }`,
    );
    expect(alone).toEqual({ a: { totalCount: 3 }, b: { totalCount: 1 } });
    expect(names()).toEqual(['engineLinkChains']);
    expect(await counts('990100')).toEqual(whole);
    expect(await counts('990101')).toEqual({ ...whole, 'cnt.a': 2, 'cnt.b': 0 });
    expect(await counts('9901Z01')).toEqual({ ...none, 'cnt.b': 1 });
    expect(await counts('420000')).toEqual(hubei);
    expect(await counts('999999')).toEqual(none);
  });

  it('counts again after any commit, by anyone', async () => {
    expect(await counts('990101')).toEqual({ ...whole, 'cnt.a': 2, 'cnt.b': 0 });
    // Written past the API, as an import or another instance would.
    await db.executor.write(
      cypher(
        'testCountMore',
        `MATCH (r:Region {code: '990101'}), (b:Link {id: 'cnt.b'})
         CREATE (e:Enterprise {id: 't6', name: 't6', tags: [], version: 1, synthetic: false, regionCode: '990101',
           provinceCode: '990000', cityCode: '990100', countyCode: '990101'})-[:LOCATED_IN]->(r)
         CREATE (e)-[:OPERATES_IN {source: 'MANUAL', confidence: 1.0}]->(b)`,
      ),
    );
    try {
      expect(await counts('990101')).toEqual({ ...whole, 'cnt.a': 2, 'cnt.b': 1 });
      expect(names()).toEqual(['chainsWithLinks', 'engineCatalog', 'localPresence']);
    } finally {
      await db.executor.write(cypher('testCountLess', `MATCH (e:Enterprise {id: 't6'}) DETACH DELETE e`));
    }
    expect(await counts('990101')).toEqual({ ...whole, 'cnt.a': 2, 'cnt.b': 0 });
  });

  it('the same counts by Cypher, for links without a chain, in one pass or link by link, and as single counts', async () => {
    const unchained = cypher(
      'testCountUnchained',
      `MATCH (l:Link) WHERE l.id STARTS WITH 'cnt.' REMOVE l.chainId`,
    );
    const chained = cypher(
      'testCountChained',
      `MATCH (l:Link) WHERE l.id STARTS WITH 'cnt.' SET l.chainId = 'cnt'`,
    );
    await db.executor.write(unchained);
    try {
      expect(await counts('990000')).toEqual(whole);
      expect(names()).toEqual(['chainsWithLinks', 'engineCatalog', 'regionLinkCounts']);
      expect(await counts('420000')).toEqual(hubei);
      expect(await counts('990101')).toEqual({ ...whole, 'cnt.a': 2, 'cnt.b': 0 });
      expect(await counts('999999')).toEqual(none);
    } finally {
      await db.executor.write(chained);
    }
    for (const [code, link, n] of [
      ['420000', 'cnt.a', 1],
      ['990000', 'cnt.a', 3],
      ['990101', 'cnt.a1', 2],
      ['9901Z01', 'cnt.b', 1],
    ] as const) {
      const d = await data<{ enterprises: { totalCount: number } }>(
        api,
        `query ($code: String, $link: String) { enterprises(filter: { regionCode: $code, linkId: $link }) { totalCount } }`,
        { code, link },
      );
      expect(d.enterprises.totalCount, `${code} ${link}`).toBe(n);
      expect(api.lastQueries().map((q) => q.name)).toEqual(['enterpriseCount[link|region]']);
    }
  });
});
