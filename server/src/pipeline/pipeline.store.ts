import { cypher, type Executor } from '@chainmap/graph';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { chainFields, linkFields, stageRank } from '../chain/chain.model.js';
import type { ScopeParam } from '../auth/auth.model.js';
import { inScope } from '../auth/scope.js';
import type { CursorValue } from '../core/relay.js';
import { enterpriseFields } from '../enterprise/enterprise.model.js';
import { regionFields } from '../region/region.model.js';
import {
  fundsFields,
  kpiFields,
  personFields,
  projectFields,
  ProjectModel,
  stageEventFields,
  targetLibraryFields,
  TargetLibraryModel,
  taskForceFields,
  type ProjectRecord,
  type ProjectStage,
  type TargetLibraryRecord,
} from './pipeline.model.js';

// The investment-promotion pipeline: task forces (招商专班) with their leaders and members,
// target libraries (招商目标企业库), projects (招商项目) with their stage history, KPI targets.

// peopleById
export const peopleByIdQ = cypher(
  'peopleById',
  `UNWIND $keys AS key
   MATCH (p:Person {id: key})
   WHERE ${inScope.person('p')}
   RETURN key, ${personFields('p')} AS value`,
);

// taskForcesById
export const taskForcesByIdQ = cypher(
  'taskForcesById',
  `UNWIND $keys AS key
   MATCH (t:TaskForce {id: key})
   WHERE ${inScope.taskForce('t')}
   RETURN key, ${taskForceFields('t')} AS value`,
);

// targetLibrariesById
export const targetLibrariesByIdQ = cypher(
  'targetLibrariesById',
  `UNWIND $keys AS key
   MATCH (l:TargetLibrary {id: key})
   WHERE ${inScope.targetLibrary('l')}
   RETURN key, ${targetLibraryFields('l')} AS value`,
);

// projectsById
export const projectsByIdQ = cypher(
  'projectsById',
  `UNWIND $keys AS key
   MATCH (p:Project {id: key})
   WHERE ${inScope.project('p')}
   RETURN key, ${projectFields('p')} AS value`,
);

// kpiTargetsById
export const kpiTargetsByIdQ = cypher(
  'kpiTargetsById',
  `UNWIND $keys AS key
   MATCH (k:KpiTarget {id: key})
   WHERE ${inScope.kpiTarget('k')}
   RETURN key, ${kpiFields('k')} AS value`,
);

// chainTaskForces
export const chainTaskForcesQ = cypher(
  'chainTaskForces',
  `UNWIND $keys AS key
   MATCH (:Chain {id: key})<-[:FOR_CHAIN]-(t:TaskForce)
   WHERE ${inScope.taskForce('t')}
   WITH key, t ORDER BY t.name, t.id
   RETURN key, collect(${taskForceFields('t')}) AS values`,
);

// taskForceChains
export const taskForceChainsQ = cypher(
  'taskForceChains',
  `UNWIND $keys AS key
   MATCH (:TaskForce {id: key})-[:FOR_CHAIN]->(c:Chain)
   RETURN key, ${chainFields('c')} AS value`,
);

// taskForceRegions
export const taskForceRegionsQ = cypher(
  'taskForceRegions',
  `UNWIND $keys AS key
   MATCH (:TaskForce {id: key})-[:FOR_REGION]->(r:Region)
   RETURN key, ${regionFields('r')} AS value`,
);

// taskForceLeaders: the chain leader (链长) who LEADS the task force.
export const taskForceLeadersQ = cypher(
  'taskForceLeaders',
  `UNWIND $keys AS key
   MATCH (:TaskForce {id: key})<-[:LEADS]-(p:Person)
   WHERE ${inScope.person('p')}
   RETURN key, ${personFields('p')} AS value`,
);

// taskForceMembers
export const taskForceMembersQ = cypher(
  'taskForceMembers',
  `UNWIND $keys AS key
   MATCH (:TaskForce {id: key})<-[:MEMBER_OF]-(p:Person)
   WHERE ${inScope.person('p')}
   WITH key, p ORDER BY p.name, p.id
   RETURN key, collect(${personFields('p')}) AS values`,
);

// taskForceLibraries
export const taskForceLibrariesQ = cypher(
  'taskForceLibraries',
  `UNWIND $keys AS key
   MATCH (:TaskForce {id: key})-[:OWNS]->(l:TargetLibrary)
   WHERE ${inScope.targetLibrary('l')}
   WITH key, l ORDER BY l.name, l.id
   RETURN key, collect(${targetLibraryFields('l')}) AS values`,
);

// taskForceProjects
export const taskForceProjectsQ = cypher(
  'taskForceProjects',
  `UNWIND $keys AS key
   MATCH (:TaskForce {id: key})<-[:HANDLED_BY]-(p:Project)
   WHERE ${inScope.project('p')}
   WITH key, p ORDER BY p.stageOn DESC, p.id
   RETURN key, collect(${projectFields('p')}) AS values`,
);

// personLeads
export const personLeadsQ = cypher(
  'personLeads',
  `UNWIND $keys AS key
   MATCH (:Person {id: key})-[:LEADS]->(t:TaskForce)
   WHERE ${inScope.taskForce('t')}
   WITH key, t ORDER BY t.name, t.id
   RETURN key, collect(${taskForceFields('t')}) AS values`,
);

// personMemberships
export const personMembershipsQ = cypher(
  'personMemberships',
  `UNWIND $keys AS key
   MATCH (:Person {id: key})-[:MEMBER_OF]->(t:TaskForce)
   WHERE ${inScope.taskForce('t')}
   WITH key, t ORDER BY t.name, t.id
   RETURN key, collect(${taskForceFields('t')}) AS values`,
);

// libraryTaskForces
export const libraryTaskForcesQ = cypher(
  'libraryTaskForces',
  `UNWIND $keys AS key
   MATCH (:TargetLibrary {id: key})<-[:OWNS]-(t:TaskForce)
   WHERE ${inScope.taskForce('t')}
   RETURN key, ${taskForceFields('t')} AS value`,
);

// libraryEntries: the library's enterprises, highest priority first, then newest.
export const libraryEntriesQ = cypher(
  'libraryEntries',
  `UNWIND $keys AS key
   MATCH (l:TargetLibrary {id: key})-[inc:INCLUDES]->(e:Enterprise)
   WHERE ${inScope.targetLibrary('l')}
   WITH key, inc, e ORDER BY inc.priority, inc.addedOn DESC, e.name, e.id
   RETURN key, collect({
     libraryId: key,
     enterprise: ${enterpriseFields('e')},
     priority: inc.priority, reason: inc.reason,
     ownerId: inc.ownerId, addedOn: toString(inc.addedOn)
   }) AS values`,
);

// projectEnterprises
export const projectEnterprisesQ = cypher(
  'projectEnterprises',
  `UNWIND $keys AS key
   MATCH (:Project {id: key})-[:BY]->(e:Enterprise)
   RETURN key, ${enterpriseFields('e')} AS value`,
);

// projectRegions
export const projectRegionsQ = cypher(
  'projectRegions',
  `UNWIND $keys AS key
   MATCH (:Project {id: key})-[:IN_REGION]->(r:Region)
   RETURN key, ${regionFields('r')} AS value`,
);

// projectLinks: the links a project fills (补链/强链).
export const projectLinksQ = cypher(
  'projectLinks',
  `UNWIND $keys AS key
   MATCH (:Project {id: key})-[:FILLS]->(l:Link)
   WITH key, l ORDER BY ${stageRank('l')}, l.name, l.id
   RETURN key, collect(${linkFields('l')}) AS values`,
);

// projectTaskForces
export const projectTaskForcesQ = cypher(
  'projectTaskForces',
  `UNWIND $keys AS key
   MATCH (:Project {id: key})-[:HANDLED_BY]->(t:TaskForce)
   WHERE ${inScope.taskForce('t')}
   RETURN key, ${taskForceFields('t')} AS value`,
);

// projectEvents: the stage history in `seq` order.
export const projectEventsQ = cypher(
  'projectEvents',
  `UNWIND $keys AS key
   MATCH (p:Project {id: key})-[:HAS_EVENT]->(ev:ProjectStageEvent)
   WHERE ${inScope.project('p')}
   WITH key, ev ORDER BY ev.seq, ev.on
   RETURN key, collect(${stageEventFields('ev')}) AS values`,
);

// projectFunds: funds in place, oldest first.
export const projectFundsQ = cypher(
  'projectFunds',
  `UNWIND $keys AS key
   MATCH (p:Project {id: key})-[:HAS_FUNDS]->(f:FundsEntry)
   WHERE ${inScope.project('p')}
   WITH key, f ORDER BY f.on
   RETURN key, collect(${fundsFields('f')}) AS values`,
);

// enterpriseProjects
export const enterpriseProjectsQ = cypher(
  'enterpriseProjects',
  `UNWIND $keys AS key
   MATCH (:Enterprise {id: key})<-[:BY]-(p:Project)
   WHERE ${inScope.project('p')}
   WITH key, p ORDER BY p.stageOn DESC, p.id
   RETURN key, collect(${projectFields('p')}) AS values`,
);

// regionKpiTargets: newest year first.
export const regionKpiTargetsQ = cypher(
  'regionKpiTargets',
  `UNWIND $keys AS key
   MATCH (:Region {code: key})<-[:FOR_REGION]-(k:KpiTarget)
   WHERE ${inScope.kpiTarget('k')}
   WITH key, k ORDER BY k.year DESC, k.id
   RETURN key, collect(${kpiFields('k')}) AS values`,
);

// kpiTargetRegions
export const kpiTargetRegionsQ = cypher(
  'kpiTargetRegions',
  `UNWIND $keys AS key
   MATCH (:KpiTarget {id: key})-[:FOR_REGION]->(r:Region)
   RETURN key, ${regionFields('r')} AS value`,
);

// ---------------------------------------------------------------------------------------------
// Root lists. Projects and libraries number in the thousands, not millions: a region filter
// walks the region tree down (`WITHIN`, at most three levels) to the projects' regions.

export interface ProjectFilter {
  regionCode: string | null;
  chainId: string | null;
  stage: ProjectStage | null;
}

const PROJECT_FILTER = `($chainId IS NULL OR EXISTS { (p)-[:FILLS]->(:Link)<-[:HAS_LINK]-(:Chain {id: $chainId}) })
     AND ($stage IS NULL OR p.stage = $stage)`;

/** Latest move first; projects without a date last; ties by id. */
const PROJECT_KEYSET = `($afterId IS NULL
       OR ($afterV IS NULL AND p.stageOn IS NULL AND p.id < $afterId)
       OR ($afterV IS NOT NULL AND (p.stageOn IS NULL OR p.stageOn < date($afterV)
           OR (p.stageOn = date($afterV) AND p.id < $afterId))))`;

const projectMatch = (inRegion: boolean) =>
  inRegion
    ? `MATCH (:Region {code: $regionCode})<-[:WITHIN*0..3]-(:Region)<-[:IN_REGION]-(p:Project)`
    : `MATCH (p:Project)`;

// projectsPage / projectsPageInRegion
const projectsPageQ = (inRegion: boolean) =>
  cypher(
    inRegion ? 'projectsPageInRegion' : 'projectsPage',
    `${projectMatch(inRegion)}
   WHERE ${PROJECT_FILTER}
     AND ${inScope.project('p')}
     AND ${PROJECT_KEYSET}
   RETURN ${projectFields('p')} AS project
   ORDER BY p.stageOn IS NULL, p.stageOn DESC, p.id DESC
   LIMIT $limit`,
  );
export const PROJECTS_PAGE = { true: projectsPageQ(true), false: projectsPageQ(false) };

// projectsCount / projectsCountInRegion
const projectsCountQ = (inRegion: boolean) =>
  cypher(
    inRegion ? 'projectsCountInRegion' : 'projectsCount',
    `${projectMatch(inRegion)}
   WHERE ${PROJECT_FILTER}
     AND ${inScope.project('p')}
   RETURN count(p) AS total`,
  );
export const PROJECTS_COUNT = { true: projectsCountQ(true), false: projectsCountQ(false) };

/** One page of projects, `limit` rows at most, after the keyset position `after`. */
export async function projectsPage(
  executor: Executor,
  scope: ScopeParam,
  filter: ProjectFilter,
  after: CursorValue | null,
  limit: number,
): Promise<ProjectRecord[]> {
  const rows = await executor.read(PROJECTS_PAGE[`${filter.regionCode != null}`], {
    ...filter,
    scope,
    afterV: after?.v ?? null,
    afterId: after?.id ?? null,
    limit: neo4j.int(limit),
  });
  return rows.map((r) => ProjectModel.parse(r.project));
}

/** How many projects match `filter`. */
export async function projectsCount(
  executor: Executor,
  scope: ScopeParam,
  filter: ProjectFilter,
): Promise<number> {
  const [row] = await executor.read(PROJECTS_COUNT[`${filter.regionCode != null}`], { ...filter, scope });
  return z
    .number()
    .int()
    .parse(row?.total ?? 0);
}

// targetLibrariesFiltered: libraries of task forces for the chain, in the region or within it.
export const targetLibrariesQ = cypher(
  'targetLibrariesFiltered',
  `MATCH (t:TaskForce)-[:OWNS]->(l:TargetLibrary)
   WHERE ($chainId IS NULL OR EXISTS { (t)-[:FOR_CHAIN]->(:Chain {id: $chainId}) })
     AND ($regionCode IS NULL
          OR EXISTS { (t)-[:FOR_REGION]->(:Region)-[:WITHIN*0..3]->(:Region {code: $regionCode}) })
     AND ${inScope.targetLibrary('l')}
   RETURN ${targetLibraryFields('l')} AS library
   ORDER BY l.name, l.id`,
);

/** Target libraries by the chain and region of the task force that owns them. */
export async function targetLibraries(
  executor: Executor,
  scope: ScopeParam,
  filter: { regionCode: string | null; chainId: string | null },
): Promise<TargetLibraryRecord[]> {
  const rows = await executor.read(targetLibrariesQ, { ...filter, scope });
  return rows.map((r) => TargetLibraryModel.parse(r.library));
}
