import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
