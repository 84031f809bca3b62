import { cypher } from '@chainmap/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/core/relay.js';
import type { TestApi } from '../support/api.js';
import type { TestDb } from '../support/db.js';
import { data, error } from '../support/gql.js';
import { openWorld, type World } from '../support/world-api.js';

// The write side, part 1: chains, links, SUPPLIES, enterprises, their links and ties; the
// runner's validation, NOT_FOUND, version conflicts and transactions.

let db: TestDb;
let api: TestApi;
let world: World | undefined;

beforeAll(async () => {
  ({ db, api } = world = await openWorld());
});

afterAll(() => world?.close());

/** One row of a read straight from the graph, to check what a mutation stored. */
async function graph(text: string, params: Record<string, unknown> = {}) {
  return db.executor.read(cypher('testMutationCheck', text), params);
}

const CHAIN = `id key name description version`;
const LINK = `id key name stage isKey description shenwan gbt4754 version`;

describe('chains', () => {
  it('creates, updates and deletes a chain, raising its version', async () => {
    const created = await data<{ createChain: Record<string, unknown> }>(
      api,
      `mutation ($input: CreateChainInput!) { createChain(input: $input) { ${CHAIN} } }`,
      { input: { id: 'tea', name: '茶产业', description: '茶叶种植与加工' } },
    );
    expect(created.createChain).toEqual({
      id: toGlobalId('Chain', 'tea'),
      key: 'tea',
      name: '茶产业',
      description: '茶叶种植与加工',
      version: 1,
    });

    const updated = await data<{ updateChain: Record<string, unknown> }>(
      api,
      `mutation ($input: UpdateChainInput!) { updateChain(input: $input) { ${CHAIN} } }`,
      { input: { id: toGlobalId('Chain', 'tea'), version: 1, description: null } },
    );
    expect(updated.updateChain).toMatchObject({ name: '茶产业', description: null, version: 2 });

    const deleted = await data<{ deleteChain: Record<string, unknown> }>(
      api,
      `mutation { deleteChain(input: { id: "tea", version: 2 }) { id key type removed } }`,
    );
    expect(deleted.deleteChain).toEqual({
      id: toGlobalId('Chain', 'tea'),
      key: 'tea',
      type: 'Chain',
      removed: 1,
    });
    expect(await data(api, `{ chain(id: "tea") { key } }`)).toEqual({ chain: null });
  });

  it('refuses a chain id that is taken, and an unknown chain', async () => {
    const taken = await error(api, `mutation { createChain(input: { id: "nev", name: "重复" }) { key } }`);
    expect(taken.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    const unknown = await error(
      api,
      `mutation { updateChain(input: { id: "nope", version: 1, name: "x" }) { key } }`,
    );
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'nope', field: 'input.id' });
  });

  it('refuses deleting a chain that task forces work or projects fill', async () => {
    const e = await error(
      api,
      `mutation { deleteChain(input: { id: "nev", version: 1, cascade: true }) { key } }`,
    );
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', taskForces: ['tf-hz-nev', 'tf-xn-nev'] });
    expect((await graph(`MATCH (l:Link {id: 'nev.cell'}) RETURN l.id AS id`)).length).toBe(1);
  });

  it('deletes a chain with links only with cascade', async () => {
    await data(api, `mutation { createChain(input: { id: "ic", name: "集成电路" }) { key } }`);
    await data(
      api,
      `mutation { a: createLink(input: { id: "ic.design", chainId: "ic", name: "芯片设计", stage: UPSTREAM }) { key }
                  b: createLink(input: { id: "ic.eda", chainId: "ic", name: "EDA", stage: UPSTREAM, parentId: "ic.design" }) { key } }`,
    );
    const refused = await error(api, `mutation { deleteChain(input: { id: "ic", version: 1 }) { key } }`);
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', links: 2, field: 'input.cascade' });
    expect(refused.message).toMatch(/cascade: true/);
    const done = await data<{ deleteChain: { removed: number } }>(
      api,
      `mutation { deleteChain(input: { id: "ic", version: 1, cascade: true }) { removed } }`,
    );
    expect(done.deleteChain.removed).toBe(3);
    expect(await graph(`MATCH (l:Link) WHERE l.id STARTS WITH 'ic.' RETURN l`)).toEqual([]);
  });
});

describe('links and SUPPLIES', () => {
  it('creates a sub-link with its chain id, parent and stage, then updates and deletes it', async () => {
    const created = await data<{ createLink: Record<string, unknown> }>(
      api,
      `mutation ($input: CreateLinkInput!) { createLink(input: $input) { ${LINK} chain { key } parent { key } } }`,
      {
        input: {
          id: 'nev.separator',
          chainId: 'nev',
          name: '隔膜',
          stage: 'UPSTREAM',
          isKey: true,
          parentId: 'nev.battery-materials',
          shenwan: ['630702'],
        },
      },
    );
    expect(created.createLink).toMatchObject({
      key: 'nev.separator',
      stage: 'UPSTREAM',
      isKey: true,
      shenwan: ['630702'],
      gbt4754: [],
      version: 1,
      chain: { key: 'nev' },
      parent: { key: 'nev.battery-materials' },
    });
    const [stored] = await graph(
      `MATCH (c:Chain)-[:HAS_LINK]->(l:Link {id: 'nev.separator'})-[:PART_OF]->(p) RETURN c.id AS c, l.chainId AS chainId, l.parentId AS parentId, p.id AS p`,
    );
    expect(stored).toEqual({
      c: 'nev',
      chainId: 'nev',
      parentId: 'nev.battery-materials',
      p: 'nev.battery-materials',
    });

    const moved = await data<{ updateLink: Record<string, unknown> }>(
      api,
      `mutation { updateLink(input: { id: "nev.separator", version: 1, parentId: null, stage: MIDSTREAM, name: "隔膜材料" }) { name stage version parent { key } } }`,
    );
    expect(moved.updateLink).toEqual({ name: '隔膜材料', stage: 'MIDSTREAM', version: 2, parent: null });
    expect(
      await graph(
        `MATCH (l:Link {id: 'nev.separator'}) RETURN l.parentId AS p, COUNT { (l)-[:PART_OF]->() } AS n`,
      ),
    ).toEqual([{ p: null, n: 0 }]);

    const gone = await data(
      api,
      `mutation { deleteLink(input: { id: "nev.separator", version: 2 }) { removed } }`,
    );
    expect(gone).toEqual({ deleteLink: { removed: 1 } });
  });

  it('names a link the client did not name after its chain', async () => {
    const d = await data<{ createLink: { key: string; version: number } }>(
      api,
      `mutation { createLink(input: { chainId: "pack", name: "可降解材料", stage: UPSTREAM }) { key version } }`,
    );
    expect(d.createLink.key).toMatch(/^pack\.[0-9a-f]{10}$/);
    await data(api, `mutation ($id: ID!) { deleteLink(input: { id: $id, version: 1 }) { key } }`, {
      id: d.createLink.key,
    });
  });

  it('refuses a parent on another chain, a cycle, and deleting a link projects fill', async () => {
    const other = await error(
      api,
      `mutation { createLink(input: { chainId: "nev", name: "x", stage: UPSTREAM, parentId: "pack.paper" }) { key } }`,
    );
    expect(other.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    const cycle = await error(
      api,
      `mutation { updateLink(input: { id: "nev.battery-materials", version: 1, parentId: "nev.cathode" }) { key } }`,
    );
    expect(cycle.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    expect(cycle.message).toMatch(/cycle/);
    const filled = await error(
      api,
      `mutation { deleteLink(input: { id: "nev.battery-materials", version: 1, cascade: true }) { key } }`,
    );
    expect(filled.extensions).toMatchObject({ code: 'CONFLICT', projects: ['pr-catl-xn'] });
  });

  it('adds and removes SUPPLIES, refusing duplicates, self-supply and unknown links', async () => {
    const added = await data(
      api,
      `mutation { addSupplies(input: { fromId: "nev.anode", toId: "nev.cell" }) { key suppliesTo { key } } }`,
    );
    expect(added).toEqual({ addSupplies: { key: 'nev.anode', suppliesTo: [{ key: 'nev.cell' }] } });
    const again = await error(
      api,
      `mutation { addSupplies(input: { fromId: "nev.anode", toId: "nev.cell" }) { key } }`,
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT' });
    const self = await error(
      api,
      `mutation { addSupplies(input: { fromId: "nev.cell", toId: "nev.cell" }) { key } }`,
    );
    expect(self.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toId' });
    const unknown = await error(
      api,
      `mutation { addSupplies(input: { fromId: "nev.cell", toId: "nev.nope" }) { key } }`,
    );
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.toId', id: 'nev.nope' });
    const removed = await data(
      api,
      `mutation { removeSupplies(input: { fromId: "nev.anode", toId: "nev.cell" }) { suppliesTo { key } } }`,
    );
    expect(removed).toEqual({ removeSupplies: { suppliesTo: [] } });
    const none = await error(
      api,
      `mutation { removeSupplies(input: { fromId: "nev.anode", toId: "nev.cell" }) { key } }`,
    );
    expect(none.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

const ENTERPRISE = `key name fullName stockCode creditCode tags revenue employees version
  region { code } province { code } city { code } county { code }`;

describe('enterprises', () => {
  it('creates an enterprise located by region, with its denormalised codes and a normalised stock code', async () => {
    const d = await data<{ createEnterprise: Record<string, unknown> }>(
      api,
      `mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { ${ENTERPRISE} } }`,
      {
        input: {
          id: 'e-new',
          name: '赤壁新材',
          fullName: '赤壁新材料股份有限公司',
          stockCode: 'sz301001',
          creditCode: '91421281MA49ABCD1X',
          tags: ['HIGH_TECH', 'HIGH_TECH'],
          revenue: 3.5,
          employees: 120,
          regionCode: '421281',
        },
      },
    );
    expect(d.createEnterprise).toEqual({
      key: 'e-new',
      name: '赤壁新材',
      fullName: '赤壁新材料股份有限公司',
      stockCode: '301001.SZ',
      creditCode: '91421281MA49ABCD1X',
      tags: ['HIGH_TECH'],
      revenue: 3.5,
      employees: 120,
      version: 1,
      region: { code: '421281' },
      province: { code: '420000' },
      city: { code: '421200' },
      county: { code: '421281' },
    });
    const [stored] = await graph(
      `MATCH (e:Enterprise {id: 'e-new'})-[:LOCATED_IN]->(r) RETURN r.code AS r, e.pinyinInitials AS py, e.synthetic AS syn`,
    );
    expect(stored).toEqual({ r: '421281', py: 'cbxc', syn: false });
  });

  it('moves an enterprise: LOCATED_IN and every denormalised code are rewritten', async () => {
    const d = await data<{ updateEnterprise: Record<string, unknown> }>(
      api,
      `mutation { updateEnterprise(input: { id: "e-new", version: 1, regionCode: "4212Z01", revenue: null }) { ${ENTERPRISE} } }`,
    );
    expect(d.updateEnterprise).toMatchObject({
      revenue: null,
      version: 2,
      region: { code: '4212Z01' },
      province: { code: '420000' },
      city: { code: '421200' },
      county: null,
    });
    expect(
      await graph(
        `MATCH (e:Enterprise {id: 'e-new'})-[:LOCATED_IN]->(r) RETURN r.code AS r, e.countyCode AS county`,
      ),
    ).toEqual([{ r: '4212Z01', county: null }]);
    // Found through the index on the new city, no longer in the old county.
    const inZone = await data<{ region: { enterprises: { edges: { node: { key: string } }[] } } }>(
      api,
      `{ region(code: "4212Z01") { enterprises(first: 50) { edges { node { key } } } } }`,
    );
    expect(inZone.region.enterprises.edges.map((e) => e.node.key)).toContain('e-new');
    const inCounty = await data<{ region: { enterprises: { edges: { node: { key: string } }[] } } }>(
      api,
      `{ region(code: "421281") { enterprises(first: 50) { edges { node { key } } } } }`,
    );
    expect(inCounty.region.enterprises.edges.map((e) => e.node.key)).not.toContain('e-new');
  });

  it('refuses a stock code another firm holds, naming it', async () => {
    const e = await error(
      api,
      `mutation { updateEnterprise(input: { id: "e-new", version: 2, stockCode: "300750" }) { key } }`,
    );
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.stockCode', holderId: 'e-catl' });
    expect(e.message).toMatch(/300750\.SZ is already used by enterprise "e-catl"/);
  });

  it('refuses deleting an enterprise that projects are by, naming them', async () => {
    const e = await error(api, `mutation { deleteEnterprise(input: { id: "e-catl", version: 1 }) { key } }`);
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', projects: ['pr-catl-hz', 'pr-catl-xn'] });
    expect(e.message).toMatch(/pr-catl-hz/);
  });

  it('assigns an enterprise to links with source and confidence, and unassigns it', async () => {
    const q = `mutation ($input: AssignEnterpriseInput!) { assignEnterpriseToLink(input: $input) {
      links { link { key } source confidence } } }`;
    const d = await data(api, q, { input: { enterpriseId: 'e-new', linkId: 'nev.anode' } });
    expect(d).toEqual({
      assignEnterpriseToLink: { links: [{ link: { key: 'nev.anode' }, source: 'MANUAL', confidence: 1 }] },
    });
    const changed = await data(api, q, {
      input: { enterpriseId: 'e-new', linkId: 'nev.anode', source: 'IMPORT', confidence: 0.4 },
    });
    expect(changed).toEqual({
      assignEnterpriseToLink: { links: [{ link: { key: 'nev.anode' }, source: 'IMPORT', confidence: 0.4 }] },
    });
    const bad = await error(api, q, {
      input: { enterpriseId: 'e-new', linkId: 'nev.anode', confidence: 1.5 },
    });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confidence' });
    const un = await data(
      api,
      `mutation { unassignEnterpriseFromLink(input: { enterpriseId: "e-new", linkId: "nev.anode" }) { links { link { key } } } }`,
    );
    expect(un).toEqual({ unassignEnterpriseFromLink: { links: [] } });
    const none = await error(
      api,
      `mutation { unassignEnterpriseFromLink(input: { enterpriseId: "e-new", linkId: "nev.anode" }) { key } }`,
    );
    expect(none.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records ties: SUPPLIES_TO, and INVESTS_IN with a share that can change', async () => {
    const supplies = await data(
      api,
      `mutation { addEnterpriseRelation(input: { fromId: "e-new", toId: "e-catl", type: SUPPLIES_TO }) { customers { key } } }`,
    );
    expect(supplies).toEqual({ addEnterpriseRelation: { customers: [{ key: 'e-catl' }] } });
    const invests = await data(
      api,
      `mutation { addEnterpriseRelation(input: { fromId: "e-catl", toId: "e-new", type: INVESTS_IN, share: 0.2 }) {
        investments { enterprise { key } share } } }`,
    );
    expect(invests).toEqual({
      addEnterpriseRelation: {
        investments: [
          { enterprise: { key: 'e-zone-cell' }, share: 0.51 },
          { enterprise: { key: 'e-new' }, share: 0.2 },
        ],
      },
    });
    const dup = await error(
      api,
      `mutation { addEnterpriseRelation(input: { fromId: "e-new", toId: "e-catl", type: SUPPLIES_TO }) { key } }`,
    );
    expect(dup.extensions).toMatchObject({ code: 'CONFLICT' });
    const shareOnSupply = await error(
      api,
      `mutation { addEnterpriseRelation(input: { fromId: "e-catl", toId: "e-new", type: SUPPLIES_TO, share: 0.5 }) { key } }`,
    );
    expect(shareOnSupply.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.share' });
    const updated = await data(
      api,
      `mutation { updateEnterpriseRelation(input: { fromId: "e-catl", toId: "e-new", type: INVESTS_IN, share: 0.6 }) {
        investments { enterprise { key } share } } }`,
    );
    expect(updated).toEqual({
      updateEnterpriseRelation: {
        investments: [
          { enterprise: { key: 'e-new' }, share: 0.6 },
          { enterprise: { key: 'e-zone-cell' }, share: 0.51 },
        ],
      },
    });
    await data(
      api,
      `mutation { removeEnterpriseRelation(input: { fromId: "e-catl", toId: "e-new", type: INVESTS_IN }) { key } }`,
    );
    const gone = await error(
      api,
      `mutation { removeEnterpriseRelation(input: { fromId: "e-catl", toId: "e-new", type: INVESTS_IN }) { key } }`,
    );
    expect(gone.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes an enterprise with its ties', async () => {
    const d = await data(
      api,
      `mutation { deleteEnterprise(input: { id: "e-new", version: 2 }) { key removed } }`,
    );
    expect(d).toEqual({ deleteEnterprise: { key: 'e-new', removed: 1 } });
    expect(await graph(`MATCH (e:Enterprise {id: 'e-new'}) RETURN e`)).toEqual([]);
    expect(
      await graph(`MATCH (:Enterprise {id: 'e-catl'})<-[s:SUPPLIES_TO]-() RETURN count(s) AS n`),
    ).toEqual([{ n: 2 }]);
  });
});

describe('validation', () => {
  it('reports every problem of an input at once, each with its field path', async () => {
    const r = await api.gql(
      `mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { key } }`,
      {
        input: {
          id: 'bad id!',
          name: '  ',
          stockCode: '12345',
          creditCode: 'short',
          revenue: -1,
          employees: -3,
          tags: ['LISTED', '上市公司'],
          regionCode: 'Hubei',
        },
      },
    );
    expect(r.status).toBe(200);
    expect(r.data).toBeNull();
    const e = r.errors![0]!;
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    const fields = (e.extensions!.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual([
      'input.id',
      'input.name',
      'input.stockCode',
      'input.creditCode',
      'input.tags.1',
      'input.revenue',
      'input.employees',
      'input.regionCode',
    ]);
    expect(JSON.stringify(r.errors)).not.toMatch(/stack|at .*\.ts/);
  });

  it('refuses null on a field that cannot be cleared, with the field path', async () => {
    const e = await error(
      api,
      `mutation { updateChain(input: { id: "nev", version: 1, name: null }) { key } }`,
    );
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(e.message).toMatch(/cannot be null/);
  });

  it('names the unknown reference (NOT_FOUND) with its field', async () => {
    const e = await error(
      api,
      `mutation { createEnterprise(input: { name: "无处", regionCode: "999999" }) { key } }`,
    );
    expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', id: '999999', field: 'input.regionCode' });
  });

  it('stores text that looks like Cypher verbatim', async () => {
    const evil = `x"}) MATCH (n) DETACH DELETE n //`;
    const desc = `'; MATCH (n) SET n.hacked = true RETURN n; // $id {id: 1} \`backtick\``;
    const d = await data<{ createChain: { key: string; name: string; description: string } }>(
      api,
      `mutation ($input: CreateChainInput!) { createChain(input: $input) { key name description } }`,
      { input: { id: 'evil', name: evil, description: desc } },
    );
    expect(d.createChain).toEqual({ key: 'evil', name: evil, description: desc });
    expect(await graph(`MATCH (c:Chain {id: 'evil'}) RETURN c.name AS name, c.description AS d`)).toEqual([
      { name: evil, d: desc },
    ]);
    expect(await graph(`MATCH (n) WHERE n.hacked IS NOT NULL RETURN count(n) AS n`)).toEqual([{ n: 0 }]);
    expect((await graph(`MATCH (e:Enterprise) RETURN count(e) AS n`))[0]!.n).toBeGreaterThan(5);
  });
});

describe('versions', () => {
  it('refuses the second of two updates made from the same version, keeping the first', async () => {
    const q = `mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { name version } }`;
    const first = await data(api, q, { input: { id: 'pack.paper', version: 1, name: '纸包装（甲）' } });
    expect(first).toEqual({ updateLink: { name: '纸包装（甲）', version: 2 } });
    const second = await error(api, q, { input: { id: 'pack.paper', version: 1, name: '纸包装（乙）' } });
    expect(second.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, field: 'input.version' });
    expect(second.message).toMatch(/version 1, it is now at version 2/);
    expect(await graph(`MATCH (l:Link {id: 'pack.paper'}) RETURN l.name AS name, l.version AS v`)).toEqual([
      { name: '纸包装（甲）', v: 2 },
    ]);
  });

  it('lets exactly one of two simultaneous updates from the same version through', async () => {
    const q = `mutation ($input: UpdateChainInput!) { updateChain(input: $input) { name version } }`;
    const results = await Promise.all(
      ['甲', '乙'].map((n) => api.gql(q, { input: { id: 'pack', version: 1, name: `绿色包装${n}` } })),
    );
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const [row] = await graph(`MATCH (c:Chain {id: 'pack'}) RETURN c.name AS name, c.version AS v`);
    expect(row).toEqual({ name: (ok[0]!.data as { updateChain: { name: string } }).updateChain.name, v: 2 });
  });

  it('refuses a delete from a stale version', async () => {
    const e = await error(api, `mutation { deleteLink(input: { id: "pack.paper", version: 1 }) { key } }`);
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });
});
