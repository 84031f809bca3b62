import { cypher } from '@chainmap/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/core/relay.js';
import type { TestApi } from '../support/api.js';
import type { TestDb } from '../support/db.js';
import { as, data } from '../support/gql.js';
import type { TestUserName } from '../support/users.js';
import { openWorld, type World } from '../support/world-api.js';

// Who may see and change what, per role, against the test world (support/world.ts): 咸宁 has
// task forces for nev and pack at city level, projects in its zone (nev) and in 嘉鱼县 (pack);
// 汉中 has a nev task force, library and project. Users: support/users.ts.

let db: TestDb;
let api: TestApi;
let world: World | undefined;

beforeAll(async () => {
  ({ db, api } = world = await openWorld());
});

afterAll(() => world?.close());

const READ = `{
  projects(first: 50) { totalCount edges { node { key taskForce { key } events { stage } funds { amount } } } }
  targetLibraries { key entries { enterprise { key } owner { key } } }
  chain(id: "nev") { taskForces { key leader { key } members { key } } }
  enterprise(id: "e-catl") { projects { key } }
  region(code: "421200") { kpiTargets { key } }
}`;

interface ReadResult {
  projects: { totalCount: number; edges: { node: { key: string; taskForce: { key: string } | null } }[] };
  targetLibraries: { key: string }[];
  chain: { taskForces: { key: string; leader: { key: string } | null; members: { key: string }[] }[] };
  enterprise: { projects: { key: string }[] };
  region: { kpiTargets: { key: string }[] };
}

async function seen(user: TestUserName) {
  const d = await data<ReadResult>(as(api, user), READ);
  return {
    projects: d.projects.edges.map((e) => e.node.key).sort(),
    total: d.projects.totalCount,
    libraries: d.targetLibraries.map((l) => l.key).sort(),
    taskForces: d.chain.taskForces.map((t) => t.key).sort(),
    catlProjects: d.enterprise.projects.map((p) => p.key).sort(),
    kpis: d.region.kpiTargets.map((k) => k.key).sort(),
  };
}

describe('reading: each role sees its scope, and nothing else', () => {
  it('ADMIN sees everything', async () => {
    const s = await seen('admin');
    expect(s.projects).toEqual(['pr-catl-hz', 'pr-catl-xn', 'pr-paper-jy', 'pr-undated']);
    expect(s.libraries).toEqual(['tl-hz-nev', 'tl-xn-nev', 'tl-xn-pack']);
    expect(s.taskForces).toEqual(['tf-hz-nev', 'tf-xn-nev']);
  });

  it('a city office sees its city and every county and zone within it', async () => {
    const s = await seen('xianning');
    expect(s).toEqual({
      projects: ['pr-catl-xn', 'pr-paper-jy', 'pr-undated'],
      total: 3,
      libraries: ['tl-xn-nev', 'tl-xn-pack'],
      taskForces: ['tf-xn-nev'],
      catlProjects: ['pr-catl-xn'],
      kpis: ['kpi-xn-2021', 'kpi-xn-2022'],
    });
  });

  it('a task force sees only its own chains within its region', async () => {
    expect(await seen('xnNev')).toEqual({
      projects: ['pr-catl-xn'],
      total: 1,
      libraries: ['tl-xn-nev'],
      taskForces: ['tf-xn-nev'],
      catlProjects: ['pr-catl-xn'],
      kpis: ['kpi-xn-2021', 'kpi-xn-2022'],
    });
    const pack = await seen('xnPack');
    expect(pack.projects).toEqual(['pr-paper-jy', 'pr-undated']);
    expect(pack.libraries).toEqual(['tl-xn-pack']);
    expect(pack.taskForces).toEqual([]);
    expect(pack.catlProjects).toEqual([]);
  });

  it('a county office sees its county only: not the city’s task forces, libraries or targets', async () => {
    const s = await seen('jiayu');
    expect(s.projects).toEqual(['pr-paper-jy', 'pr-undated']);
    expect(s.libraries).toEqual([]);
    expect(s.taskForces).toEqual([]);
    expect(s.kpis).toEqual([]);
    const d = await data<ReadResult>(as(api, 'jiayu'), READ);
    // The project's task force sits at city level: out of the county's scope, so null.
    expect(d.projects.edges.map((e) => e.node.taskForce)).toEqual([null, null]);
  });

  it('another province’s city sees its own, and none of 咸宁’s', async () => {
    expect(await seen('hanzhong')).toEqual({
      projects: ['pr-catl-hz'],
      total: 1,
      libraries: ['tl-hz-nev'],
      taskForces: ['tf-hz-nev'],
      catlProjects: ['pr-catl-hz'],
      kpis: [],
    });
  });

  it('an analyst reads its province', async () => {
    const s = await seen('analyst');
    expect(s.projects).toEqual(['pr-catl-xn', 'pr-paper-jy', 'pr-undated']);
    expect(s.libraries).toEqual(['tl-xn-nev', 'tl-xn-pack']);
  });

  it('guessing another county’s project id answers exactly as an id that does not exist', async () => {
    const q = `query ($id: ID!) { project(id: $id) { key name } }`;
    const guessed = await api.as('hanzhong')(q, { id: 'pr-catl-xn' });
    const missing = await api.as('hanzhong')(q, { id: 'pr-no-such' });
    expect(guessed).toEqual({ status: 200, data: { project: null } });
    expect(missing).toEqual(guessed);
    const byGlobal = await api.as('hanzhong')(q, { id: toGlobalId('Project', 'pr-catl-xn') });
    expect(byGlobal.data).toEqual({ project: null });
  });

  it('node(id:) and nodes(ids:) give null for what is out of scope, as for what does not exist', async () => {
    const ids = [
      toGlobalId('Project', 'pr-catl-xn'),
      toGlobalId('TargetLibrary', 'tl-xn-nev'),
      toGlobalId('TaskForce', 'tf-xn-nev'),
      toGlobalId('Person', 'p-member'),
      toGlobalId('KpiTarget', 'kpi-xn-2021'),
      toGlobalId('Project', 'pr-nothing'),
      toGlobalId('Project', 'pr-catl-hz'),
    ];
    const q = `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const hz = await data<{ nodes: ({ id: string } | null)[] }>(as(api, 'hanzhong'), q, { ids });
    expect(hz.nodes).toEqual([null, null, null, null, null, null, { id: ids[6] }]);
    const one = await data<{ node: unknown }>(
      as(api, 'hanzhong'),
      `query ($id: ID!) { node(id: $id) { id } }`,
      {
        id: ids[0],
      },
    );
    expect(one.node).toBeNull();
    const xn = await data<{ nodes: ({ id: string } | null)[] }>(as(api, 'xianning'), q, { ids });
    expect(xn.nodes.map((n) => n !== null)).toEqual([true, true, true, true, true, false, false]);
  });

  it('a filter on a region outside the scope is FORBIDDEN; one above it narrows to the scope', async () => {
    const r = await api.as('hanzhong')(`{ projects(filter: { regionCode: "421200" }) { totalCount } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const above = await data<{ projects: { totalCount: number } }>(
      as(api, 'jiayu'),
      `{ projects(filter: { regionCode: "420000" }) { totalCount } }`,
    );
    expect(above.projects.totalCount).toBe(2);
  });

  it('search finds public data only, for everyone: no pipeline record in any hit', async () => {
    const q = `{ search(text: "宁德时代", first: 20) { kind node { __typename ... on Enterprise { key projects { key } } } } }`;
    const hz = await data<{
      search: { kind: string; node: { __typename: string; projects?: { key: string }[] } }[];
    }>(as(api, 'hanzhong'), q);
    expect(hz.search.map((h) => h.node.__typename)).not.toContain('Project');
    const catl = hz.search.find((h) => h.node.__typename === 'Enterprise');
    expect(catl?.node.projects?.map((p) => p.key)).toEqual(['pr-catl-hz']);
  });

  it('the investment map shows only the task forces and projects in scope', async () => {
    const q = `{ investmentMap(chainId: "nev", regionCode: "420000") { organisation {
      projectCount targetCount taskForces { taskForce { key } } projects { project { key } } } } }`;
    type Org = {
      investmentMap: {
        organisation: {
          projectCount: number;
          targetCount: number;
          taskForces: { taskForce: { key: string } }[];
        };
      };
    };
    const admin = await data<Org>(api, q);
    expect(admin.investmentMap.organisation.taskForces.map((t) => t.taskForce.key)).toEqual(['tf-xn-nev']);
    const hz = await data<Org>(as(api, 'hanzhong'), q);
    expect(hz.investmentMap.organisation).toMatchObject({ projectCount: 0, targetCount: 0, taskForces: [] });
    const anon = await data<Org>(as(api, null), q);
    expect(anon.investmentMap.organisation).toMatchObject({
      projectCount: 0,
      targetCount: 0,
      taskForces: [],
    });
  });
});

// ---------------------------------------------------------------------------------------------

const MOVE = `mutation ($id: ID!, $v: Int!) { moveProjectStage(input: { projectId: $id, stage: STARTED, version: $v }) { key stage version } }`;
const UPDATE = `mutation ($input: UpdateProjectInput!) { updateProject(input: $input) { key version } }`;

async function version(label: string, id: string): Promise<number> {
  const [row] = await db.executor.read(
    cypher('testVersion', `MATCH (n {id: $id}) WHERE $label IN labels(n) RETURN n.version AS v`),
    {
      id,
      label,
    },
  );
  return row!.v as number;
}

function code(r: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return r.errors?.[0]?.extensions?.code;
}

describe('writing: each role changes its scope, and nothing else', () => {
  it('refuses another county’s project as if it did not exist: FORBIDDEN either way, nothing changed', async () => {
    const v = await version('Project', 'pr-catl-xn');
    const guessed = await api.as('hanzhong')(MOVE, { id: 'pr-catl-xn', v });
    const missing = await api.as('hanzhong')(MOVE, { id: 'pr-not-there', v });
    expect(code(guessed)).toBe('FORBIDDEN');
    expect(guessed.errors![0]!.message.replace('pr-catl-xn', 'X')).toBe(
      missing.errors![0]!.message.replace('pr-not-there', 'X'),
    );
    expect(await version('Project', 'pr-catl-xn')).toBe(v);
    // An ADMIN gets the honest NOT_FOUND.
    expect(code(await api.gql(MOVE, { id: 'pr-not-there', v: 1 }))).toBe('NOT_FOUND');
  });

  it('refuses a task force working on another chain’s project in its own city', async () => {
    const r = await api.as('xnPack')(MOVE, { id: 'pr-catl-xn', v: await version('Project', 'pr-catl-xn') });
    expect(code(r)).toBe('FORBIDDEN');
  });

  it('refuses an analyst any write, and anonymous callers every write', async () => {
    const v = await version('Project', 'pr-catl-xn');
    expect(code(await api.as('analyst')(MOVE, { id: 'pr-catl-xn', v }))).toBe('FORBIDDEN');
    expect(code(await api.as(null)(MOVE, { id: 'pr-catl-xn', v }))).toBe('UNAUTHENTICATED');
    expect(await version('Project', 'pr-catl-xn')).toBe(v);
  });

  it('refuses moving an own project out of scope through a nested input', async () => {
    const v = await version('Project', 'pr-catl-xn');
    // To another province's task force, or region: both FORBIDDEN, on the nested field.
    const toTf = await api.as('xianning')(UPDATE, {
      input: { id: 'pr-catl-xn', version: v, taskForceId: 'tf-hz-nev' },
    });
    expect(code(toTf)).toBe('FORBIDDEN');
    expect(toTf.errors![0]!.extensions!.field).toBe('input.taskForceId');
    const toRegion = await api.as('xianning')(UPDATE, {
      input: { id: 'pr-catl-xn', version: v, regionCode: '610702' },
    });
    expect(code(toRegion)).toBe('FORBIDDEN');
    expect(toRegion.errors![0]!.extensions!.field).toBe('input.regionCode');
    // A task force may not hand its project to another chain's task force in the same city.
    const toPack = await api.as('xnNev')(UPDATE, {
      input: { id: 'pr-catl-xn', version: v, taskForceId: 'tf-xn-pack' },
    });
    expect(code(toPack)).toBe('FORBIDDEN');
    expect(await version('Project', 'pr-catl-xn')).toBe(v);
  });

  it('refuses creating pipeline records in another region or for another region’s task force', async () => {
    const create = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { key } }`;
    const base = {
      name: '试探项目',
      amount: 1,
      industrial: true,
      exportOriented: false,
      enterpriseId: 'e-catl',
      linkIds: ['nev.cell'],
    };
    const r1 = await api.as('xianning')(create, {
      input: { ...base, regionCode: '421202', taskForceId: 'tf-hz-nev' },
    });
    expect(code(r1)).toBe('FORBIDDEN');
    const r2 = await api.as('xianning')(create, {
      input: { ...base, regionCode: '610702', taskForceId: 'tf-xn-nev' },
    });
    expect(code(r2)).toBe('FORBIDDEN');
    const lib = `mutation ($input: AddLibraryEntryInput!) { addLibraryEntry(input: $input) { priority } }`;
    const r3 = await api.as('xianning')(lib, {
      input: { libraryId: 'tl-hz-nev', enterpriseId: 'e-xn-cathode', priority: 1, reason: 'x' },
    });
    expect(code(r3)).toBe('FORBIDDEN');
    // Naming an owner from another province's task force, through the nested ownerId.
    const r4 = await api.as('xianning')(lib, {
      input: {
        libraryId: 'tl-xn-nev',
        enterpriseId: 'e-xn-cathode',
        priority: 1,
        reason: 'x',
        ownerId: 'p-hz',
      },
    });
    expect(code(r4)).toBe('FORBIDDEN');
    expect(r4.errors![0]!.extensions!.field).toBe('input.ownerId');
  });

  it('lets a task force work its own library and projects, recording who moved the stage', async () => {
    const entry = await api.as('xnNev')(
      `mutation { addLibraryEntry(input: { libraryId: "tl-xn-nev", enterpriseId: "e-xn-cathode", priority: 2, reason: "本地配套" }) { priority } }`,
    );
    expect(entry.errors).toBeUndefined();
    const moved = await api.as('xnNev')(
      `mutation ($v: Int!) { moveProjectStage(input: { projectId: "pr-catl-xn", stage: REGISTERED, version: $v }) { stage events { stage by } } }`,
      { v: await version('Project', 'pr-catl-xn') },
    );
    expect(moved.errors).toBeUndefined();
    const events = (moved.data as { moveProjectStage: { events: { stage: string; by: string | null }[] } })
      .moveProjectStage.events;
    expect(events.at(-1)).toEqual({ stage: 'REGISTERED', by: 't-xn-nev' });
  });

  it('lets a task force not change task forces or KPI targets; a city office may, within its city', async () => {
    const kpi = `mutation ($r: String!) { setKpiTarget(input: { regionCode: $r, year: 2030, anchorProjects: 1 }) { key } }`;
    expect(code(await api.as('xnNev')(kpi, { r: '421200' }))).toBe('FORBIDDEN');
    expect(code(await api.as('xianning')(kpi, { r: '610700' }))).toBe('FORBIDDEN');
    expect((await api.as('xianning')(kpi, { r: '421221' })).errors).toBeUndefined();
    const tf = `mutation { updateTaskForce(input: { id: "tf-xn-nev", version: ${await version('TaskForce', 'tf-xn-nev')}, budget: 600 }) { budget } }`;
    expect(code(await api.as('xnNev')(tf))).toBe('FORBIDDEN');
    expect(code(await api.as('hanzhong')(tf))).toBe('FORBIDDEN');
    expect((await api.as('xianning')(tf)).errors).toBeUndefined();
  });

  it('keeps the national catalog to ADMIN, and enterprise facts to their region', async () => {
    const chain = `mutation { createChain(input: { id: "scope-test", name: "试验链" }) { key } }`;
    expect(code(await api.as('xianning')(chain))).toBe('FORBIDDEN');
    const ent = (id: string) =>
      `mutation { updateEnterprise(input: { id: "${id}", version: 1, employees: 10 }) { key } }`;
    expect(code(await api.as('xianning')(ent('e-catl')))).toBe('FORBIDDEN');
    expect((await api.as('xianning')(ent('e-jy-anode'))).errors).toBeUndefined();
    // A relation with a local firm at either end is the city's to record.
    const rel = `mutation { addEnterpriseRelation(input: { fromId: "e-catl", toId: "e-cb-paper", type: SUPPLIES_TO }) { key } }`;
    expect(code(await api.as('hanzhong')(rel))).toBe('FORBIDDEN');
    expect((await api.as('xianning')(rel)).errors).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------

interface AuditRow {
  mutation: string;
  entity: string;
  entityId: string;
  actorName: string;
  actorRole: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

const AUDIT = `query ($entityId: String) { auditLog(entityId: $entityId, first: 50) {
  edges { node { mutation entity entityId actorName actorRole before after changes { field before after } } } } }`;

async function audit(user: TestUserName, entityId?: string): Promise<AuditRow[]> {
  const d = await data<{ auditLog: { edges: { node: AuditRow }[] } }>(as(api, user), AUDIT, {
    entityId: entityId ?? null,
  });
  return d.auditLog.edges.map((e) => e.node);
}

describe('the audit trail', () => {
  it('records every kind of write with who, what, and the values before and after', async () => {
    // Person, task force membership, library, entry, project, stage, KPI, enterprise, catalog.
    const steps: [TestUserName, string][] = [
      ['xianning', `mutation { createPerson(input: { id: "p-audit", name: "审计人" }) { key } }`],
      [
        'xianning',
        `mutation { addTaskForceMember(input: { taskForceId: "tf-xn-nev", personId: "p-audit" }) { key } }`,
      ],
      [
        'xianning',
        `mutation { createTargetLibrary(input: { id: "tl-audit", name: "审计库", taskForceId: "tf-xn-nev" }) { key } }`,
      ],
      [
        'xnNev',
        `mutation { addLibraryEntry(input: { libraryId: "tl-audit", enterpriseId: "e-catl", priority: 1, reason: "审计" }) { priority } }`,
      ],
      [
        'xnNev',
        `mutation { updateLibraryEntry(input: { libraryId: "tl-audit", enterpriseId: "e-catl", priority: 3 }) { priority } }`,
      ],
      [
        'xnNev',
        `mutation { createProject(input: { id: "pr-audit", name: "审计项目", amount: 2, industrial: true, exportOriented: false, enterpriseId: "e-catl", regionCode: "421202", taskForceId: "tf-xn-nev", linkIds: ["nev.cell"] }) { key } }`,
      ],
      [
        'xnNev',
        `mutation { moveProjectStage(input: { projectId: "pr-audit", stage: NEGOTIATING, version: 1 }) { key } }`,
      ],
      ['xnNev', `mutation { updateProject(input: { id: "pr-audit", version: 2, amount: 3.5 }) { key } }`],
      ['admin', `mutation { createChain(input: { id: "audit-chain", name: "审计链" }) { key } }`],
    ];
    for (const [user, m] of steps) {
      const r = await api.as(user)(m);
      expect(r.errors, `${user}: ${m}`).toBeUndefined();
    }
    const project = await audit('xianning', 'pr-audit');
    expect(project.map((e) => e.mutation)).toEqual(['updateProject', 'moveProjectStage', 'createProject']);
    expect(project[0]).toMatchObject({ entity: 'Project', actorName: 't-xn-nev', actorRole: 'TASK_FORCE' });
    expect(project[0]!.changes).toEqual([{ field: 'amount', before: 2, after: 3.5 }]);
    expect(project[1]!.changes).toEqual(
      expect.arrayContaining([{ field: 'stage', before: 'LEAD', after: 'NEGOTIATING' }]),
    );
    expect(project[2]!.before).toBeNull();
    const entry = await audit('xianning', 'tl-audit/e-catl');
    expect(entry.map((e) => [e.mutation, e.actorName])).toEqual([
      ['updateLibraryEntry', 't-xn-nev'],
      ['addLibraryEntry', 't-xn-nev'],
    ]);
    expect(entry[0]!.changes).toEqual([{ field: 'priority', before: 1, after: 3 }]);
    const all = (await audit('admin')).map((e) => e.mutation);
    for (const m of ['createPerson', 'addTaskForceMember', 'createTargetLibrary', 'createChain']) {
      expect(all).toContain(m);
    }
  });

  it('shows the history on the project and the library entry, to ADMIN and CITY_OFFICE only', async () => {
    const q = `{ project(id: "pr-audit") { history { mutation actorName } }
      targetLibraries(filter: { regionCode: "421200", chainId: "nev" }) { key entries { enterprise { key } history { mutation } } } }`;
    const d = await data<{
      project: { history: { mutation: string }[] };
      targetLibraries: {
        key: string;
        entries: { enterprise: { key: string }; history: { mutation: string }[] }[];
      }[];
    }>(as(api, 'xianning'), q);
    expect(d.project.history.map((h) => h.mutation)).toEqual([
      'updateProject',
      'moveProjectStage',
      'createProject',
    ]);
    const auditLib = d.targetLibraries.find((l) => l.key === 'tl-audit')!;
    expect(auditLib.entries[0]!.history.map((h) => h.mutation)).toEqual([
      'updateLibraryEntry',
      'addLibraryEntry',
    ]);
    const tf = await api.as('xnNev')(`{ project(id: "pr-audit") { key history { mutation } } }`);
    expect(code(tf)).toBe('FORBIDDEN');
    expect(code(await api.as('analyst')(`{ auditLog { edges { node { id } } } }`))).toBe('FORBIDDEN');
    expect(code(await api.as(null)(`{ auditLog { edges { node { id } } } }`))).toBe('UNAUTHENTICATED');
  });

  it('keeps each city office to the audit of its own region', async () => {
    expect(await audit('hanzhong', 'pr-audit')).toEqual([]);
    const hz = (await audit('hanzhong')).map((e) => e.entityId);
    expect(hz.filter((id) => id.includes('audit'))).toEqual([]);
    // The catalog's changes have no region: only ADMIN reads them.
    expect((await audit('xianning')).map((e) => e.mutation)).not.toContain('createChain');
  });

  it('keeps nothing of a refused write, and writes the entry in the same transaction as the change', async () => {
    const [before] = await db.executor.read(
      cypher('testAuditCount', 'MATCH (a:AuditEntry) RETURN count(a) AS n'),
    );
    await api.as('hanzhong')(MOVE, { id: 'pr-audit', v: 3 });
    await api.as('xianning')(MOVE, { id: 'pr-audit', v: 99 }); // CONFLICT inside the transaction
    const [after] = await db.executor.read(
      cypher('testAuditCount', 'MATCH (a:AuditEntry) RETURN count(a) AS n'),
    );
    expect(after!.n).toBe(before!.n);
    const [linked] = await db.executor.read(
      cypher(
        'testAuditLinks',
        `MATCH (a:AuditEntry {entityId: 'pr-audit'})-[:OF]->(p:Project), (a)-[:BY]->(u:User) RETURN count(a) AS n, collect(DISTINCT u.username) AS users`,
      ),
    );
    expect(linked).toEqual({ n: 3, users: ['t-xn-nev'] });
  });
});
