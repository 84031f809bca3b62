import { cypher } from '@chainmap/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../server/src/core/mutation.js';
import { toGlobalId } from '../../server/src/core/relay.js';
import type { TestApi } from '../support/api.js';
import type { TestDb } from '../support/db.js';
import { data, error } from '../support/gql.js';
import { openWorld, type World } from '../support/world-api.js';

// The write side, part 2: people, task forces and chain leaders, target libraries, projects and
// their life cycle, KPI targets; a failed multi-step mutation leaves nothing behind.

let db: TestDb;
let api: TestApi;
let world: World | undefined;

beforeAll(async () => {
  ({ db, api } = world = await openWorld());
});

afterAll(() => world?.close());

async function graph(text: string, params: Record<string, unknown> = {}) {
  return db.executor.read(cypher('testMutationCheck', text), params);
}

/** Every node and relationship, counted: a failed mutation must leave these unchanged. */
async function census() {
  const [row] = await graph(
    `MATCH (n) WITH count(n) AS nodes
     MATCH ()-[r]->() WITH nodes, count(r) AS rels
     MATCH (v) WHERE v.version IS NOT NULL
     RETURN nodes, rels, sum(v.version) AS versions`,
  );
  return row;
}

const today = chinaToday();
const dayOffset = (days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('people, task forces and chain leaders', () => {
  it('creates a person and a task force with its leader and members, on a chain and region', async () => {
    await data(
      api,
      `mutation { a: createPerson(input: { id: "p-new", name: "赵链长", title: "副市长" }) { key }
                  b: createPerson(input: { id: "p-two", name: "钱专员" }) { key } }`,
    );
    const d = await data<{ createTaskForce: Record<string, unknown> }>(
      api,
      `mutation ($input: CreateTaskForceInput!) { createTaskForce(input: $input) {
        key name leadDepartment budget version chain { key } region { code } leader { key } members { key } } }`,
      {
        input: {
          id: 'tf-cb-nev',
          name: '赤壁市新能源汽车产业链招商专班',
          chainId: 'nev',
          regionCode: '421281',
          leadDepartment: '市经信局',
          budget: 200,
          leaderId: 'p-new',
          memberIds: ['p-two', 'p-member'],
        },
      },
    );
    expect(d.createTaskForce).toEqual({
      key: 'tf-cb-nev',
      name: '赤壁市新能源汽车产业链招商专班',
      leadDepartment: '市经信局',
      budget: 200,
      version: 1,
      chain: { key: 'nev' },
      region: { code: '421281' },
      leader: { key: 'p-new' },
      members: [{ key: 'p-member' }, { key: 'p-two' }],
    });
    expect(
      await graph(`MATCH (t:TaskForce {id: 'tf-cb-nev'}) RETURN t.chainId AS c, t.regionCode AS r`),
    ).toEqual([{ c: 'nev', r: '421281' }]);
  });

  it('names the unknown member by its position', async () => {
    const e = await error(
      api,
      `mutation { createTaskForce(input: { name: "x", chainId: "nev", regionCode: "421281", memberIds: ["p-two", "p-ghost"] }) { key } }`,
    );
    expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'p-ghost', field: 'input.memberIds.1' });
  });

  it('sets another chain leader (with the version) and manages members', async () => {
    const d = await data(
      api,
      `mutation { setChainLeader(input: { taskForceId: "tf-cb-nev", personId: "p-mayor", version: 1 }) { version leader { key } } }`,
    );
    expect(d).toEqual({ setChainLeader: { version: 2, leader: { key: 'p-mayor' } } });
    const stale = await error(
      api,
      `mutation { setChainLeader(input: { taskForceId: "tf-cb-nev", personId: "p-new", version: 1 }) { key } }`,
    );
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    await data(
      api,
      `mutation { addTaskForceMember(input: { taskForceId: "tf-cb-nev", personId: "p-new" }) { key } }`,
    );
    const again = await error(
      api,
      `mutation { addTaskForceMember(input: { taskForceId: "tf-cb-nev", personId: "p-new" }) { key } }`,
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT' });
    const removed = await data(
      api,
      `mutation { removeTaskForceMember(input: { taskForceId: "tf-cb-nev", personId: "p-two" }) { members { key } } }`,
    );
    expect(removed).toEqual({ removeTaskForceMember: { members: [{ key: 'p-member' }, { key: 'p-new' }] } });
  });

  it('refuses deleting a person who leads a task force; deletes one who does not', async () => {
    const e = await error(api, `mutation { deletePerson(input: { id: "p-mayor", version: 1 }) { key } }`);
    expect(e.extensions).toMatchObject({
      code: 'CONFLICT',
      taskForces: ['tf-cb-nev', 'tf-xn-nev', 'tf-xn-pack'],
    });
    const u = await data(
      api,
      `mutation { updatePerson(input: { id: "p-two", version: 1, title: "科员" }) { title version } }`,
    );
    expect(u).toEqual({ updatePerson: { title: '科员', version: 2 } });
    expect(await data(api, `mutation { deletePerson(input: { id: "p-two", version: 2 }) { key } }`)).toEqual({
      deletePerson: { key: 'p-two' },
    });
  });

  it('moves a task force to another region, carrying it to its libraries', async () => {
    await data(
      api,
      `mutation { createTargetLibrary(input: { id: "tl-cb-nev", taskForceId: "tf-cb-nev", name: "赤壁新能源目标库" }) { key } }`,
    );
    expect(
      await graph(`MATCH (l:TargetLibrary {id: 'tl-cb-nev'}) RETURN l.chainId AS c, l.regionCode AS r`),
    ).toEqual([{ c: 'nev', r: '421281' }]);
    const d = await data(
      api,
      `mutation { updateTaskForce(input: { id: "tf-cb-nev", version: 2, regionCode: "421221", budget: null }) {
        version budget region { code } libraries { key } } }`,
    );
    expect(d).toEqual({
      updateTaskForce: {
        version: 3,
        budget: null,
        region: { code: '421221' },
        libraries: [{ key: 'tl-cb-nev' }],
      },
    });
    expect(await graph(`MATCH (l:TargetLibrary {id: 'tl-cb-nev'}) RETURN l.regionCode AS r`)).toEqual([
      { r: '421221' },
    ]);
    expect(
      await graph(`MATCH (:TaskForce {id: 'tf-cb-nev'})-[f:FOR_REGION]->() RETURN count(f) AS n`),
    ).toEqual([{ n: 1 }]);
  });

  it('deletes a task force with its libraries only with cascade, and never one with projects', async () => {
    const handles = await error(
      api,
      `mutation { deleteTaskForce(input: { id: "tf-xn-nev", version: 1, cascade: true }) { key } }`,
    );
    expect(handles.extensions).toMatchObject({ code: 'CONFLICT', projects: ['pr-catl-xn'] });
    const owns = await error(
      api,
      `mutation { deleteTaskForce(input: { id: "tf-cb-nev", version: 3 }) { key } }`,
    );
    expect(owns.extensions).toMatchObject({ code: 'CONFLICT', libraries: ['tl-cb-nev'] });
    const d = await data(
      api,
      `mutation { deleteTaskForce(input: { id: "tf-cb-nev", version: 3, cascade: true }) { removed } }`,
    );
    expect(d).toEqual({ deleteTaskForce: { removed: 2 } });
  });
});

describe('target libraries', () => {
  const ADD = `mutation ($input: AddLibraryEntryInput!) { addLibraryEntry(input: $input) {
    enterprise { key } priority reason ownerId addedOn owner { key } library { key entries { enterprise { key } } } } }`;

  it('adds an entry dated today, returning it with its library', async () => {
    const d = await data<{ addLibraryEntry: Record<string, unknown> }>(api, ADD, {
      input: {
        libraryId: toGlobalId('TargetLibrary', 'tl-xn-nev'),
        enterpriseId: 'e-jy-anode',
        priority: 2,
        reason: '补链：负极材料',
        ownerId: 'p-member',
      },
    });
    expect(d.addLibraryEntry).toEqual({
      enterprise: { key: 'e-jy-anode' },
      priority: 2,
      reason: '补链：负极材料',
      ownerId: 'p-member',
      addedOn: today,
      owner: { key: 'p-member' },
      library: {
        key: 'tl-xn-nev',
        entries: [
          { enterprise: { key: 'e-catl' } },
          { enterprise: { key: 'e-jy-anode' } },
          { enterprise: { key: 'e-wh-car' } },
        ],
      },
    });
  });

  it('refuses an enterprise already included (CONFLICT), bad priorities and unknown ids', async () => {
    const dup = await error(api, ADD, {
      input: { libraryId: 'tl-xn-nev', enterpriseId: 'e-catl', priority: 1, reason: '重复' },
    });
    expect(dup.extensions).toMatchObject({
      code: 'CONFLICT',
      libraryId: 'tl-xn-nev',
      enterpriseId: 'e-catl',
    });
    const bad = await error(api, ADD, {
      input: { libraryId: 'tl-xn-nev', enterpriseId: 'e-xn-city', priority: 5, reason: ' ' },
    });
    expect((bad.extensions!.problems as { field: string }[]).map((p) => p.field)).toEqual([
      'input.priority',
      'input.reason',
    ]);
    const unknown = await error(api, ADD, {
      input: { libraryId: 'tl-nope', enterpriseId: 'e-xn-city', priority: 1, reason: '补链' },
    });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.libraryId' });
  });

  it('updates and removes an entry', async () => {
    const u = await data(
      api,
      `mutation { updateLibraryEntry(input: { libraryId: "tl-xn-nev", enterpriseId: "e-jy-anode", priority: 1, ownerId: null }) { priority ownerId reason } }`,
    );
    expect(u).toEqual({ updateLibraryEntry: { priority: 1, ownerId: null, reason: '补链：负极材料' } });
    const r = await data(
      api,
      `mutation { removeLibraryEntry(input: { libraryId: "tl-xn-nev", enterpriseId: "e-jy-anode" }) { key entries { enterprise { key } } } }`,
    );
    expect(r).toEqual({
      removeLibraryEntry: {
        key: 'tl-xn-nev',
        entries: [{ enterprise: { key: 'e-catl' } }, { enterprise: { key: 'e-wh-car' } }],
      },
    });
    const again = await error(
      api,
      `mutation { removeLibraryEntry(input: { libraryId: "tl-xn-nev", enterpriseId: "e-jy-anode" }) { key } }`,
    );
    expect(again.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('creates, renames and deletes a library', async () => {
    await data(
      api,
      `mutation { createTargetLibrary(input: { id: "tl-tmp", taskForceId: "tf-xn-pack", name: "临时库" }) { key } }`,
    );
    const u = await data(
      api,
      `mutation { updateTargetLibrary(input: { id: "tl-tmp", version: 1, name: "包装二库" }) { name version taskForce { key } } }`,
    );
    expect(u).toEqual({
      updateTargetLibrary: { name: '包装二库', version: 2, taskForce: { key: 'tf-xn-pack' } },
    });
    expect(
      await data(api, `mutation { deleteTargetLibrary(input: { id: "tl-tmp", version: 2 }) { key } }`),
    ).toEqual({
      deleteTargetLibrary: { key: 'tl-tmp' },
    });
  });
});

const PROJECT = `key name stage stageOn version amount industrial exportOriented plannedProductionOn
  enterprise { key } region { code } links { key } taskForce { key } events { seq stage on reason }`;
const MOVE = `mutation ($input: MoveProjectStageInput!) { moveProjectStage(input: $input) { stage stageOn version events { seq stage on reason } } }`;

describe('projects', () => {
  it('creates a project at LEAD, dated today, with its ties and denormalised ids', async () => {
    const d = await data<{ createProject: Record<string, unknown> }>(
      api,
      `mutation ($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT} } }`,
      {
        input: {
          id: 'pj-new',
          name: '嘉鱼负极材料扩产项目',
          enterpriseId: 'e-jy-anode',
          regionCode: '421221',
          linkIds: ['nev.anode', 'nev.anode'],
          taskForceId: 'tf-xn-nev',
          amount: 12.5,
          industrial: true,
          exportOriented: false,
          plannedProductionOn: '2027-06-30',
        },
      },
    );
    expect(d.createProject).toEqual({
      key: 'pj-new',
      name: '嘉鱼负极材料扩产项目',
      stage: 'LEAD',
      stageOn: today,
      version: 1,
      amount: 12.5,
      industrial: true,
      exportOriented: false,
      plannedProductionOn: '2027-06-30',
      enterprise: { key: 'e-jy-anode' },
      region: { code: '421221' },
      links: [{ key: 'nev.anode' }],
      taskForce: { key: 'tf-xn-nev' },
      events: [{ seq: 1, stage: 'LEAD', on: today, reason: null }],
    });
    expect(
      await graph(
        `MATCH (p:Project {id: 'pj-new'}) RETURN p.enterpriseId AS e, p.regionCode AS r, p.chainId AS c, toString(p.createdOn) AS on`,
      ),
    ).toEqual([{ e: 'e-jy-anode', r: '421221', c: 'nev', on: today }]);
    // On the board: the region's and the chain's projects at LEAD.
    const board = await data<{ projects: { edges: { node: { key: string } }[] } }>(
      api,
      `{ projects(filter: { regionCode: "421200", chainId: "nev", stage: LEAD }) { edges { node { key } } } }`,
    );
    expect(board.projects.edges.map((e) => e.node.key)).toEqual(['pj-new']);
  });

  it('rolls back everything when a late step fails: an unknown link after the project was written', async () => {
    const before = await census();
    const e = await error(
      api,
      `mutation ($input: CreateProjectInput!) { createProject(input: $input) { key } }`,
      {
        input: {
          id: 'pj-doomed',
          name: '不会留下的项目',
          enterpriseId: 'e-catl',
          regionCode: '421281',
          linkIds: ['nev.cell', 'nev.ghost'],
          taskForceId: 'tf-xn-nev',
          amount: 5,
          industrial: true,
          exportOriented: true,
        },
      },
    );
    expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'nev.ghost', field: 'input.linkIds.1' });
    // The project and its ties were written in the transaction before the links failed…
    const ran = api.lastQueries().map((q) => q.name);
    expect(ran.indexOf('projectCreate')).toBeGreaterThanOrEqual(0);
    expect(ran.indexOf('projectSetLinks')).toBeGreaterThan(ran.indexOf('projectCreate'));
    // …and none of it was kept.
    expect(await graph(`MATCH (p:Project {id: 'pj-doomed'}) RETURN p`)).toEqual([]);
    expect(await census()).toEqual(before);
  });

  it('validates amounts and dates with field paths', async () => {
    const e = await error(
      api,
      `mutation { createProject(input: { name: "x", enterpriseId: "e-catl", regionCode: "421281", linkIds: [],
        taskForceId: "tf-xn-nev", amount: -2, industrial: true, exportOriented: false }) { key } }`,
    );
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.linkIds' });
    expect((e.extensions!.problems as { field: string }[]).map((p) => p.field)).toEqual([
      'input.linkIds',
      'input.amount',
    ]);
  });

  it('moves forward one stage, then skips ahead, each move dated and appended', async () => {
    const one = await data(api, MOVE, { input: { projectId: 'pj-new', stage: 'NEGOTIATING', version: 1 } });
    expect(one).toEqual({
      moveProjectStage: {
        stage: 'NEGOTIATING',
        stageOn: today,
        version: 2,
        events: [
          { seq: 1, stage: 'LEAD', on: today, reason: null },
          { seq: 2, stage: 'NEGOTIATING', on: today, reason: null },
        ],
      },
    });
    const skip = await data<{ moveProjectStage: { stage: string; events: { seq: number }[] } }>(api, MOVE, {
      input: {
        projectId: toGlobalId('Project', 'pj-new'),
        stage: 'REGISTERED',
        on: today,
        reason: '已签约并注册',
        version: 2,
      },
    });
    expect(skip.moveProjectStage.stage).toBe('REGISTERED');
    expect(skip.moveProjectStage.events.at(-1)).toEqual({
      seq: 3,
      stage: 'REGISTERED',
      on: today,
      reason: '已签约并注册',
    });
  });

  it('refuses going back, naming the allowed next stages', async () => {
    const e = await error(api, MOVE, { input: { projectId: 'pj-new', stage: 'SIGNED', version: 3 } });
    expect(e.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.stage',
      allowedStages: ['STARTED', 'IN_PRODUCTION', 'AT_CAPACITY', 'IN_STATISTICS', 'ABOVE_SIZE', 'TERMINATED'],
    });
    expect(e.message).toMatch(
      /cannot go back from REGISTERED 注册 to SIGNED 签约; allowed next stages: STARTED 开工/,
    );
  });

  it('refuses a move dated in the future or before the previous move', async () => {
    const future = await error(api, MOVE, {
      input: { projectId: 'pj-new', stage: 'STARTED', on: dayOffset(1), version: 3 },
    });
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.on' });
    expect(future.message).toMatch(/in the future/);
    // pr-catl-xn last moved on 2021-06-01.
    const early = await error(api, MOVE, {
      input: { projectId: 'pr-catl-xn', stage: 'REGISTERED', on: '2021-05-31', version: 1 },
    });
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.on' });
    expect(early.message).toMatch(/before the project's previous move, on 2021-06-01/);
    const ok = await data(api, MOVE, {
      input: { projectId: 'pr-catl-xn', stage: 'REGISTERED', on: '2021-06-01', version: 1 },
    });
    expect(ok).toMatchObject({
      moveProjectStage: { stage: 'REGISTERED', stageOn: '2021-06-01', version: 2 },
    });
  });

  it('terminates only with a reason, and nothing moves after', async () => {
    const noReason = await error(api, MOVE, {
      input: { projectId: 'pj-new', stage: 'TERMINATED', version: 3 },
    });
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const done = await data<{ moveProjectStage: { stage: string; events: unknown[] } }>(api, MOVE, {
      input: { projectId: 'pj-new', stage: 'TERMINATED', reason: '企业战略调整', version: 3 },
    });
    expect(done.moveProjectStage.stage).toBe('TERMINATED');
    expect(done.moveProjectStage.events.at(-1)).toEqual({
      seq: 4,
      stage: 'TERMINATED',
      on: today,
      reason: '企业战略调整',
    });
    const after = await error(api, MOVE, { input: { projectId: 'pj-new', stage: 'STARTED', version: 4 } });
    expect(after.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.stage',
      allowedStages: [],
    });
  });

  it('refuses a stage move from a stale version', async () => {
    const e = await error(api, MOVE, { input: { projectId: 'pr-catl-hz', stage: 'SIGNED', version: 7 } });
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1, field: 'input.version' });
    const missing = await error(api, MOVE, { input: { projectId: 'pj-nope', stage: 'SIGNED', version: 1 } });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.projectId' });
  });

  it('updates a project’s ties and denormalised ids, and deletes it with its history', async () => {
    const d = await data(
      api,
      `mutation { updateProject(input: { id: "pr-undated", version: 1, regionCode: "421281", taskForceId: "tf-xn-nev",
        linkIds: ["nev.cell"], amount: 2.5, plannedProductionOn: "2026-12-31" }) {
        version amount plannedProductionOn region { code } taskForce { key } links { key } } }`,
    );
    expect(d).toEqual({
      updateProject: {
        version: 2,
        amount: 2.5,
        plannedProductionOn: '2026-12-31',
        region: { code: '421281' },
        taskForce: { key: 'tf-xn-nev' },
        links: [{ key: 'nev.cell' }],
      },
    });
    expect(
      await graph(`MATCH (p:Project {id: 'pr-undated'}) RETURN p.regionCode AS r, p.chainId AS c`),
    ).toEqual([{ r: '421281', c: 'nev' }]);
    const del = await data(
      api,
      `mutation { deleteProject(input: { id: "pr-catl-xn", version: 2 }) { removed } }`,
    );
    // The project, its four stage events and two funds entries.
    expect(del).toEqual({ deleteProject: { removed: 7 } });
    expect(
      await graph(`MATCH (e:ProjectStageEvent) WHERE NOT (e)<-[:HAS_EVENT]-() RETURN count(e) AS n`),
    ).toEqual([{ n: 0 }]);
  });
});

describe('KPI targets', () => {
  const SET = `mutation ($input: SetKpiTargetInput!) { setKpiTarget(input: $input) {
    key year version anchorProjects projects10e industrialShare fundsInPlace source region { code } } }`;

  it('creates a region’s targets for a year, then changes them with the version', async () => {
    const d = await data(api, SET, {
      input: {
        regionCode: '421281',
        year: 2026,
        anchorProjects: 1,
        projects10e: 2,
        industrialShare: 0.7,
        source: '赤壁市方案',
      },
    });
    expect(d).toEqual({
      setKpiTarget: {
        key: 'kpi-421281-2026',
        year: 2026,
        version: 1,
        anchorProjects: 1,
        projects10e: 2,
        industrialShare: 0.7,
        fundsInPlace: null,
        source: '赤壁市方案',
        region: { code: '421281' },
      },
    });
    const [stored] = await graph(
      `MATCH (k:KpiTarget {id: 'kpi-421281-2026'}) RETURN k.anchorProjects AS a, k.year AS y`,
    );
    expect(stored).toEqual({ a: 1, y: 2026 });
    const u = await data(api, SET, {
      input: { regionCode: '421281', year: 2026, version: 1, fundsInPlace: 80, source: null },
    });
    expect(u).toMatchObject({
      setKpiTarget: { version: 2, anchorProjects: 1, fundsInPlace: 80, source: null },
    });
  });

  it('refuses changing existing targets without the version, or from a stale one', async () => {
    const none = await error(api, SET, { input: { regionCode: '421200', year: 2021, anchorProjects: 9 } });
    expect(none.extensions).toMatchObject({ code: 'CONFLICT', id: 'kpi-xn-2021', currentVersion: 1 });
    const stale = await error(api, SET, {
      input: { regionCode: '421281', year: 2026, version: 1, anchorProjects: 9 },
    });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const bad = await error(api, SET, { input: { regionCode: '421281', year: 1999, industrialShare: 70 } });
    expect((bad.extensions!.problems as { field: string }[]).map((p) => p.field)).toEqual([
      'input.year',
      'input.industrialShare',
    ]);
  });

  it('deletes targets', async () => {
    expect(
      await data(api, `mutation { deleteKpiTarget(input: { id: "kpi-421281-2026", version: 2 }) { key } }`),
    ).toEqual({
      deleteKpiTarget: { key: 'kpi-421281-2026' },
    });
    const again = await error(
      api,
      `mutation { deleteKpiTarget(input: { id: "kpi-421281-2026", version: 2 }) { key } }`,
    );
    expect(again.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
