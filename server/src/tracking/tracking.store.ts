import { cypher, type Executor } from '@chainmap/graph';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { ScopeParam } from '../auth/auth.model.js';
import { inScope } from '../auth/scope.js';
import { strList } from '../core/models.js';
import { DutyTargetModel, dutyFields } from '../pipeline/contact.model.js';
import { PersonModel, personFields, TaskForceModel, taskForceFields } from '../pipeline/pipeline.model.js';
import type { ProjectFacts } from './facts.js';
import { factsFields, ProjectFactsModel } from './tracking.model.js';

// Reads of the tracking reports (考核、排位、预警、通报). Every report starts from one region code,
// given explicitly, and every query takes the viewer's `$scope` and filters its projects, task
// forces, people, contacts and duty targets with the predicates of auth/scope.ts: a report shows
// only what its reader may see (the services refuse a region wholly outside it). Projects number in the
// thousands per city, not millions: a report reads a region's projects with their dated facts in
// one query and computes in memory (tracking/*.logic.ts).

// trackingProjects: every project in the region or within it, with its dated facts.
export const trackingProjectsQ = cypher(
  'trackingProjects',
  `MATCH (:Region {code: $regionCode})<-[:WITHIN*0..3]-(r:Region)<-[:IN_REGION]-(p:Project)
   WHERE ${inScope.project('p')}
   RETURN ${factsFields('p', 'r')} AS facts
   ORDER BY p.id`,
);

/** The projects of a region and every region within it, with their dated history. */
export async function trackingProjects(
  executor: Executor,
  scope: ScopeParam,
  regionCode: string,
): Promise<ProjectFacts[]> {
  const rows = await executor.read(trackingProjectsQ, { scope, regionCode });
  return rows.map((r) => ProjectFactsModel.parse(r.facts));
}

// leaderDutyRows: the task forces working for the region or within it, each with its leader,
// the leader's duty target for the year and the days of the leader's trips out (any year; the
// logic picks the year's). Within the scope: the task forces, and the leader's trips and led
// projects (a leader may lead task forces of other chains or regions).
export const leaderDutyRowsQ = cypher(
  'leaderDutyRows',
  `MATCH (t:TaskForce)-[:FOR_REGION]->(:Region)-[:WITHIN*0..3]->(:Region {code: $regionCode})
   WHERE ($chainId IS NULL OR EXISTS { (t)-[:FOR_CHAIN]->(:Chain {id: $chainId}) })
     AND ${inScope.taskForce('t')}
   OPTIONAL MATCH (t)<-[:LEADS]-(leader:Person) WHERE ${inScope.person('leader')}
   OPTIONAL MATCH (d:DutyTarget)-[:FOR_PERSON]->(leader) WHERE d.year = $year
   RETURN ${taskForceFields('t')} AS taskForce,
          CASE WHEN leader IS NULL THEN null ELSE ${personFields('leader')} END AS leader,
          CASE WHEN d IS NULL THEN null ELSE ${dutyFields('d')} END AS duty,
          [(leader)<-[:MADE_BY]-(c:Contact) WHERE c.tripOut = true AND ${inScope.contact('c')} | toString(c.on)] AS tripDays,
          [(leader)-[:LEADS]->(:TaskForce)<-[:HANDLED_BY]-(lp:Project) WHERE ${inScope.project('lp')} | lp.id] AS ledProjects,
          [(t)<-[:LOGGED_FOR]-(c:Contact) WHERE c.on >= date($from) AND c.on <= date($to) | c.id] AS contactIds
   ORDER BY t.regionCode, t.name, t.id`,
);

const DutyRow = z.object({
  taskForce: TaskForceModel,
  leader: PersonModel.nullable(),
  duty: DutyTargetModel.nullable(),
  tripDays: strList,
  ledProjects: strList,
  contactIds: strList,
});
export type DutyRow = z.output<typeof DutyRow>;

/** Task forces of a region (and within it) with their leaders' duty facts for the year. */
export async function leaderDutyRows(
  executor: Executor,
  scope: ScopeParam,
  q: { regionCode: string; chainId: string | null; year: number; from: string; to: string },
): Promise<DutyRow[]> {
  const rows = await executor.read(leaderDutyRowsQ, { ...q, scope, year: neo4j.int(q.year) });
  return rows.map((r) => DutyRow.parse(r));
}

// trackingProjectsByKey: the dated facts of the given projects.
export const trackingProjectsByKeyQ = cypher(
  'trackingProjectsByKey',
  `UNWIND $keys AS key
   MATCH (p:Project {id: key})-[:IN_REGION]->(r:Region)
   WHERE ${inScope.project('p')}
   RETURN ${factsFields('p', 'r')} AS facts
   ORDER BY p.id`,
);

/** The dated facts of projects by key (those that exist within the scope). */
export async function trackingProjectsByKey(
  executor: Executor,
  scope: ScopeParam,
  keys: string[],
): Promise<ProjectFacts[]> {
  if (keys.length === 0) return [];
  const rows = await executor.read(trackingProjectsByKeyQ, { scope, keys });
  return rows.map((r) => ProjectFactsModel.parse(r.facts));
}
