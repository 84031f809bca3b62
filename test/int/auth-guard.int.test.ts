import { cypher } from '@chainmap/graph';
import { buildAppSchema, FIELD_ACCESS, SCOPED_FIELDS, SCOPED_TYPES } from '@chainmap/server';
import {
  astFromValue,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  print,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/core/relay.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { buildWorld } from '../support/world.js';

// Every mutation and every field that returns pipeline data is guarded, proven from the
// generated schema itself: a field added later is caught here until it is declared in
// server/src/auth/policy.ts (and, for a scoped field, given a probe below).

let db: TestDb;
let api: TestApi;
let closed: TestApi;
let schema: GraphQLSchema;

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  await buildWorld(db.executor);
  // Ties that cross the two cities, so that each probe below has something to leak.
  await db.executor.write(
    cypher(
      'testCrossTies',
      `MATCH (hz:Person {id: 'p-hz'}), (member:Person {id: 'p-member'}), (xnNev:TaskForce {id: 'tf-xn-nev'}),
             (xnPack:TaskForce {id: 'tf-xn-pack'}), (hzTf:TaskForce {id: 'tf-hz-nev'}),
             (hzLib:TargetLibrary {id: 'tl-hz-nev'}), (car:Enterprise {id: 'e-wh-car'}), (catl:Enterprise {id: 'e-catl'}),
             (xianan:Region {code: '421202'}), (hantai:Region {code: '610702'}), (cell:Link {id: 'nev.cell'})
       CREATE (hz)-[:MEMBER_OF]->(xnNev), (hz)-[:LEADS]->(xnPack)
       CREATE (hzLib)-[:INCLUDES {priority: 3, reason: '汉中备选', ownerId: 'p-member', addedOn: date('2021-05-02')}]->(car)
       CREATE (p1:Project {id: 'pr-probe-xn', name: '汉中专班在咸宁的项目', stage: 'LEAD', version: 1})
       CREATE (p1)-[:BY]->(catl), (p1)-[:IN_REGION]->(xianan), (p1)-[:FILLS]->(cell), (p1)-[:HANDLED_BY]->(hzTf)
       CREATE (p2:Project {id: 'pr-probe-hz', name: '咸宁专班在汉中的项目', stage: 'LEAD', version: 1})
       CREATE (p2)-[:BY]->(catl), (p2)-[:IN_REGION]->(hantai), (p2)-[:FILLS]->(cell), (p2)-[:HANDLED_BY]->(xnNev)`,
    ),
  );
  // 咸宁's tracking records: a contact (a trip out of the leader), a leader's duty target, an
  // amount revision, and a project in production (a gap filled in November).
  await db.executor.write(
    cypher(
      'testTrackingRecords',
      `MATCH (mayor:Person {id: 'p-mayor'}), (xnNev:TaskForce {id: 'tf-xn-nev'}), (catl:Enterprise {id: 'e-catl'}),
             (p:Project {id: 'pr-catl-xn'})
       CREATE (c:Contact {id: 'ct-xn-1', on: date('2021-05-10'), kind: 'VISIT', tripOut: true, place: '宁德',
                          note: '咸宁走访宁德时代', personId: 'p-mayor', enterpriseId: 'e-catl', taskForceId: 'tf-xn-nev',
                          regionCode: '421200', chainId: 'nev'})
       CREATE (c)-[:MADE_BY]->(mayor), (c)-[:MET]->(catl), (c)-[:LOGGED_FOR]->(xnNev)
       CREATE (d:DutyTarget {id: 'dt-mayor-2021', year: 2021, personId: 'p-mayor', tripsOut: 4, projectsPlanned: 2,
                             plannedMinAmount: 10.0, version: 1})
       CREATE (d)-[:FOR_PERSON]->(mayor)
       CREATE (p)-[:HAS_AMOUNT]->(:AmountEntry {on: date('2021-08-01'), amount: 55.0, reason: '咸宁追加投资', seq: 1})
       WITH count(*) AS _
       MATCH (paper:Project {id: 'pr-paper-jy'})
       CREATE (paper)-[:HAS_EVENT]->(:ProjectStageEvent {seq: 2, stage: 'IN_PRODUCTION', on: date('2021-11-15')})`,
    ),
  );
  api = await startTestApi();
  closed = await startTestApi({ ALLOW_ANONYMOUS_READ: 'false' }, { as: null });
  schema = await buildAppSchema();
  // Audit entries in 咸宁 (a project move and a library entry) for the audit probes.
  for (const m of [
    `mutation { moveProjectStage(input: { projectId: "pr-catl-xn", stage: REGISTERED, version: 1 }) { key } }`,
    `mutation { addLibraryEntry(input: { libraryId: "tl-xn-nev", enterpriseId: "e-xn-cathode", priority: 2, reason: "本地" }) { priority } }`,
  ]) {
    const r = await api.as('xianning')(m);
    expect(r.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await closed?.stop();
  await api?.stop();
  await db?.close();
});

/** A value of an input type that passes GraphQL's own validation (required fields only). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = sample(f.type);
    }
    return out;
  }
  const scalar: Record<string, unknown> = { Int: 1, Float: 1, Boolean: true, LocalDate: '2021-01-01' };
  return scalar[type.name] ?? 'x';
}

/** `{ field(requiredArgs) { __typename } }` for a root field. */
function call(field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    .map((a) => `${a.name}: ${print(astFromValue(sample(a.type), a.type)!)}`);
  const named = getNamedType(field.type);
  const selection = isLeafType(named) ? '' : ' { __typename }';
  return `${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection}`;
}

function fieldsOf(type: 'Query' | 'Mutation'): GraphQLField<unknown, unknown>[] {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(type);
  return Object.values(t.getFields());
}

function codeOf(r: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return r.errors?.[0]?.extensions?.code;
}

describe('every root field is guarded by the policy', () => {
  it('refuses every mutation but signIn to anonymous callers (UNAUTHENTICATED), before any validation', async () => {
    const mutations = fieldsOf('Mutation').filter((f) => FIELD_ACCESS[`Mutation.${f.name}`]?.kind !== 'OPEN');
    expect(mutations.length).toBeGreaterThan(35);
    for (const f of mutations) {
      const r = await api.as(null)(`mutation { ${call(f)} }`);
      expect(codeOf(r), `Mutation.${f.name}: ${JSON.stringify(r)}`).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses every mutation but signIn to an ANALYST (FORBIDDEN): each checks its writers', async () => {
    for (const f of fieldsOf('Mutation').filter((m) => m.name !== 'signIn')) {
      const r = await api.as('analyst')(`mutation { ${call(f)} }`);
      expect(codeOf(r), `Mutation.${f.name}: ${JSON.stringify(r)}`).toBe('FORBIDDEN');
    }
  });

  it('with anonymous reading off, refuses every query but the open ones (UNAUTHENTICATED)', async () => {
    for (const f of fieldsOf('Query')) {
      const r = await closed.gql(`{ ${call(f)} }`);
      const open = FIELD_ACCESS[`Query.${f.name}`]?.kind === 'OPEN';
      if (open) expect(codeOf(r), `Query.${f.name}`).not.toBe('UNAUTHENTICATED');
      else expect(codeOf(r), `Query.${f.name}: ${JSON.stringify(r)}`).toBe('UNAUTHENTICATED');
    }
  });

  it('with anonymous reading on, opens public queries only: pipeline queries still need a user', async () => {
    for (const f of fieldsOf('Query')) {
      const r = await api.as(null)(`{ ${call(f)} }`);
      const kind = FIELD_ACCESS[`Query.${f.name}`]?.kind ?? 'SIGNED_IN';
      if (kind === 'OPEN' || kind === 'PUBLIC')
        expect(codeOf(r), `Query.${f.name}`).not.toBe('UNAUTHENTICATED');
      else expect(codeOf(r), `Query.${f.name}: ${JSON.stringify(r)}`).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps health open even when everything else is closed', async () => {
    const r = await closed.gql(`{ health { ok } }`);
    expect(r.data).toEqual({ health: { ok: true } });
  });

  it('names only fields that exist in the access policy', () => {
    for (const coordinate of Object.keys(FIELD_ACCESS)) {
      const [type, field] = coordinate.split('.') as [string, string];
      const t = schema.getType(type);
      expect(isObjectType(t) && field in t.getFields(), coordinate).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** What no 汉中 user may ever see of 咸宁: ids, and words only 咸宁's records carry. */
const XIANNING =
  /pr-catl-xn|pr-paper-jy|pr-undated|pr-probe-xn|tl-xn-nev|tl-xn-pack|tf-xn-nev|tf-xn-pack|p-mayor|p-member|kpi-xn-20|ct-xn-1|dt-mayor-2021|市长签约|以商招商|补链：动力电池|咸宁走访|咸宁追加/;

const gid = (type: string, key: string) => JSON.stringify(toGlobalId(type, key));

interface Probe {
  /** Reaches the field from every entry point that could lead to 咸宁's records. */
  query: string;
  /** What must not show for 汉中 (default {@link XIANNING}) and must show for ADMIN. */
  leak?: RegExp;
  /**
   * The query names a region of 咸宁 (the tracking reports take one): 汉中 gets FORBIDDEN, as for
   * every scoped query filtered on a region wholly outside the scope, and no data.
   */
  forbidden?: true;
}

const PROJECTS = `projects(first: 100) { edges { node { key`;
const MAP = `investmentMap(chainId: "nev", regionCode: "420000")`;
const KPI = `kpiReport(regionCode: "421200", year: 2021, asOf: "2021-12-31")`;
const RANKING = `ranking(regionCode: "421200", year: 2021, period: HALF_YEAR, index: 2, asOf: "2021-12-31")`;
const WARNINGS = `warnings(regionCode: "421200", asOf: "2021-12-31")`;
const BULLETIN = (month: string) => `bulletin(regionCode: "421200", month: "2021-${month}")`;
const DUTIES = `leaderDuties(regionCode: "421200", year: 2021, asOf: "2021-12-31")`;
const PROBES: Record<string, Probe> = {
  'Query.project': { query: `{ project(id: "pr-catl-xn") { key } }` },
  'Query.projects': { query: `{ ${PROJECTS} } } } }` },
  'Query.targetLibraries': { query: `{ targetLibraries { key } }` },
  'Query.node': { query: `{ node(id: ${gid('Project', 'pr-catl-xn')}) { ... on Project { key } } }` },
  'Query.nodes': {
    query: `{ nodes(ids: [${gid('TaskForce', 'tf-xn-nev')}, ${gid('Person', 'p-mayor')}, ${gid('KpiTarget', 'kpi-xn-2021')}, ${gid('TargetLibrary', 'tl-xn-nev')}]) {
      ... on TaskForce { key } ... on Person { key } ... on KpiTarget { key } ... on TargetLibrary { key } } }`,
  },
  'Query.auditLog': { query: `{ auditLog(first: 200) { edges { node { entityId } } } }` },
  'AuditEntryConnection.edges': { query: `{ auditLog(first: 200) { edges { node { entityId } } } }` },
  'AuditEntryEdge.node': { query: `{ auditLog(first: 200) { edges { node { entityId after } } } }` },
  'Chain.taskForces': { query: `{ chain(id: "nev") { taskForces { key } } }` },
  'Enterprise.projects': { query: `{ enterprise(id: "e-catl") { projects { key } } }` },
  'Region.kpiTargets': { query: `{ region(code: "421200") { kpiTargets { key } } }` },
  'Person.leads': { query: `{ node(id: ${gid('Person', 'p-hz')}) { ... on Person { key leads { key } } } }` },
  'Person.memberOf': {
    query: `{ node(id: ${gid('Person', 'p-hz')}) { ... on Person { key memberOf { key } } } }`,
  },
  'TaskForce.leader': { query: `{ chain(id: "nev") { taskForces { leader { key } } } }` },
  'TaskForce.members': { query: `{ chain(id: "nev") { taskForces { members { key } } } }` },
  'TaskForce.libraries': {
    query: `{ chain(id: "nev") { taskForces { libraries { key } } } targetLibraries { taskForce { libraries { key } } } }`,
  },
  'TaskForce.projects': { query: `{ chain(id: "nev") { taskForces { projects { key } } } }` },
  'TargetLibrary.taskForce': { query: `{ targetLibraries { taskForce { key } } }` },
  'TargetLibrary.entries': { query: `{ targetLibraries { entries { reason } } }` },
  'TargetLibraryEntry.library': { query: `{ targetLibraries { entries { library { key } } } }` },
  'TargetLibraryEntry.owner': {
    query: `{ targetLibraries { entries { ownerId owner { key } } } }`,
    leak: /"owner":\{"key":"p-member"/,
  },
  'TargetLibraryEntry.history': { query: `{ targetLibraries { entries { history { entityId } } } }` },
  'Project.taskForce': { query: `{ ${PROJECTS} taskForce { key } } } } }` },
  'Project.events': { query: `{ ${PROJECTS} events { reason } } } } }` },
  'Project.funds': {
    query: `{ ${PROJECTS} funds { amount } } } } }`,
    leak: /"amount":5\b/,
  },
  'Project.history': { query: `{ ${PROJECTS} history { entityId } } } } }` },
  'ProjectConnection.edges': { query: `{ ${PROJECTS} } } } }` },
  'ProjectEdge.node': { query: `{ ${PROJECTS} name } } } }`, leak: /pr-catl-xn|宁德时代咸宁/ },
  'InvestmentMap.organisation': {
    query: `{ ${MAP} { organisation { projectCount } } }`,
    leak: /"projectCount":[1-9]/,
  },
  'MapOrganisation.projects': { query: `{ ${MAP} { organisation { projects { project { key } } } } }` },
  'MapOrganisation.taskForces': { query: `{ ${MAP} { organisation { taskForces { taskForce { key } } } } }` },
  'MapOrganisation.targetCount': {
    query: `{ ${MAP} { organisation { targetCount } } }`,
    leak: /"targetCount":[1-9]/,
  },
  'MapOrganisation.projectCount': {
    query: `{ ${MAP} { organisation { projectCount } } }`,
    leak: /"projectCount":[1-9]/,
  },
  'MapProject.project': { query: `{ ${MAP} { organisation { projects { project { key } } } } }` },
  'MapTaskForce.taskForce': { query: `{ ${MAP} { organisation { taskForces { taskForce { key } } } } }` },
  'MapTaskForce.leader': { query: `{ ${MAP} { organisation { taskForces { leader { key } } } } }` },
  // Tracking: contacts, amount revisions, and the reports of 咸宁 (FORBIDDEN to 汉中).
  'Query.contacts': { query: `{ contacts(first: 200) { key note } }` },
  'TaskForce.contacts': { query: `{ chain(id: "nev") { taskForces { contacts { key note } } } }` },
  'Contact.person': { query: `{ contacts(first: 200) { person { key } } }` },
  'Contact.taskForce': { query: `{ contacts(first: 200) { taskForce { key } } }` },
  'Project.amounts': { query: `{ ${PROJECTS} amounts { reason } } } } }` },
  'Query.kpiReport': { query: `{ ${KPI} { region { lines { projectKeys } } } }`, forbidden: true },
  'KpiReport.region': { query: `{ ${KPI} { region { lines { projectKeys } } } }`, forbidden: true },
  'KpiReport.regions': { query: `{ ${KPI} { regions { lines { projectKeys } } } }`, forbidden: true },
  'RegionKpi.lines': { query: `{ ${KPI} { regions { lines { projectKeys } } } }`, forbidden: true },
  'RegionKpi.target': { query: `{ ${KPI} { region { target { key } } } }`, forbidden: true },
  'KpiLine.projects': { query: `{ ${KPI} { regions { lines { projects { key } } } } }`, forbidden: true },
  'KpiLine.projectKeys': { query: `{ ${KPI} { regions { lines { projectKeys } } } }`, forbidden: true },
  'Query.ranking': { query: `{ ${RANKING} { rows { lines { projectKeys } } } }`, forbidden: true },
  'Ranking.rows': { query: `{ ${RANKING} { rows { lines { projectKeys } } } }`, forbidden: true },
  'RankingRow.lines': { query: `{ ${RANKING} { rows { lines { projects { key } } } } }`, forbidden: true },
  'Query.warnings': { query: `{ ${WARNINGS} { projectKey projectName } }`, forbidden: true },
  'Warning.project': { query: `{ ${WARNINGS} { project { key } } }`, forbidden: true },
  'Query.bulletin': { query: `{ ${BULLETIN('06')} { signings { projects { key } } } }`, forbidden: true },
  'Bulletin.kpi': {
    query: `{ ${BULLETIN('06')} { kpi { regions { lines { projectKeys } } } } }`,
    forbidden: true,
  },
  'Bulletin.ranking': {
    query: `{ ${BULLETIN('06')} { ranking { rows { lines { projectKeys } } } } }`,
    forbidden: true,
  },
  'Bulletin.warnings': { query: `{ ${BULLETIN('12')} { warnings { projectKey } } }`, forbidden: true },
  'Bulletin.signings': {
    query: `{ ${BULLETIN('06')} { signings { projects { key name } } } }`,
    forbidden: true,
  },
  'Bulletin.starts': { query: `{ ${BULLETIN('07')} { starts { projects { key } } } }`, forbidden: true },
  'ChainMoves.projects': {
    query: `{ ${BULLETIN('06')} { signings { projects { key } } } }`,
    forbidden: true,
  },
  'Bulletin.gapsFilled': {
    query: `{ ${BULLETIN('11')} { gapsFilled { links { projectKey } } } }`,
    forbidden: true,
  },
  'ChainGapsFilled.links': {
    query: `{ ${BULLETIN('11')} { gapsFilled { links { projectKey projectName } } } }`,
    forbidden: true,
  },
  'Query.leaderDuties': { query: `{ ${DUTIES} { taskForce { key } } }`, forbidden: true },
  'LeaderDuty.taskForce': { query: `{ ${DUTIES} { taskForce { key } } }`, forbidden: true },
  'LeaderDuty.leader': { query: `{ ${DUTIES} { leader { key } } }`, forbidden: true },
  'LeaderDuty.target': { query: `{ ${DUTIES} { target { key } } }`, forbidden: true },
  'LeaderDuty.plannedProjects': { query: `{ ${DUTIES} { plannedProjects { key } } }`, forbidden: true },
  'LeaderDuty.plannedKeys': { query: `{ ${DUTIES} { plannedKeys } }`, forbidden: true },
  'LeaderDuty.contactsInYear': {
    query: `{ ${DUTIES} { contactsInYear } }`,
    leak: /"contactsInYear":[1-9]/,
    forbidden: true,
  },
  'TargetHit.inLibrary': {
    query: `{ gapTargets(chainId: "nev", regionCode: "421200", includeKnown: true, first: 200) { hits { inLibrary } } }`,
    leak: /"inLibrary":true/,
  },
  'TargetHit.inProject': {
    query: `{ gapTargets(chainId: "nev", regionCode: "421200", includeKnown: true, first: 200) { hits { inProject } } }`,
    leak: /"inProject":true/,
  },
};

describe('every field that returns pipeline data is scoped', () => {
  it('lists, in the policy, every field of the schema that returns a scoped type', () => {
    const scoped = new Set<string>(SCOPED_TYPES);
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      // Mutations are refused above unless the writer's scope holds what they touch.
      if (type.name.startsWith('__') || type.name === 'Mutation') continue;
      if (!(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        const returns = isUnionType(named) ? named.getTypes().map((t) => t.name) : [named.name];
        if (returns.some((n) => scoped.has(n)) || (isInterfaceType(named) && named.name === 'Node')) {
          if (!isInterfaceType(type)) found.push(`${type.name}.${field.name}`);
        }
      }
    }
    const listed = new Set(Object.keys(SCOPED_FIELDS));
    expect(
      found.filter((f) => !listed.has(f)),
      'fields returning scoped types, not in SCOPED_FIELDS',
    ).toEqual([]);
    for (const f of listed) {
      const [type, field] = f.split('.') as [string, string];
      const t = schema.getType(type);
      expect(
        isObjectType(t) && field in t.getFields(),
        `${f} is in SCOPED_FIELDS but not in the schema`,
      ).toBe(true);
    }
  });

  it('has a probe for every scoped field', () => {
    expect(Object.keys(PROBES).sort()).toEqual(Object.keys(SCOPED_FIELDS).sort());
  });

  for (const [field, probe] of Object.entries(PROBES)) {
    it(`${field}: 汉中 sees none of 咸宁's records; ADMIN does`, async () => {
      const leak = probe.leak ?? XIANNING;
      const hz = await api.as('hanzhong')(probe.query);
      if (probe.forbidden) expect(codeOf(hz), JSON.stringify(hz)).toBe('FORBIDDEN');
      else expect(hz.errors, JSON.stringify(hz.errors)).toBeUndefined();
      expect(JSON.stringify(hz)).not.toMatch(leak);
      const admin = await api.gql(probe.query);
      expect(admin.errors, JSON.stringify(admin.errors)).toBeUndefined();
      expect(JSON.stringify(admin.data), 'the probe must reach 咸宁’s records').toMatch(leak);
    });
  }
});
