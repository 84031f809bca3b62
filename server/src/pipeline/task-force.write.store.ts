import { cypher, type Tx } from '@chainmap/graph';
import { changedMeanwhile } from '../core/mutation.js';
import {
  PersonModel,
  personFields,
  TaskForceModel,
  taskForceFields,
  type PersonRecord,
  type TaskForceRecord,
} from './pipeline.model.js';

// Writes of people and task forces (招商专班). A task force keeps `chainId`/`regionCode` in step
// with FOR_CHAIN/FOR_REGION, and carries them to its libraries (`chainId`, `regionCode`) and
// projects (`chainId`), as the seed writes them.

type Props = Record<string, unknown>;

// personCreate
export const personCreateQ = cypher(
  'personCreate',
  `CREATE (p:Person {id: $id})
   SET p += $props, p.version = 1
   RETURN ${personFields('p')} AS person, properties(p) AS after`,
);

// personUpdate
export const personUpdateQ = cypher(
  'personUpdate',
  `MATCH (p:Person {id: $id})
   SET p += $props, p.version = coalesce(p.version, 0) + 1
   RETURN ${personFields('p')} AS person, properties(p) AS after`,
);

// personLedTaskForces: the task forces a person leads (they stop the person's deletion).
export const personLedTaskForcesQ = cypher(
  'personLedTaskForces',
  `MATCH (:Person {id: $id})-[:LEADS]->(t:TaskForce)
   RETURN t.id AS id ORDER BY id LIMIT 10`,
);

// personDelete: the person and their memberships.
export const personDeleteQ = cypher(
  'personDelete',
  `MATCH (p:Person {id: $id})
   DETACH DELETE p
   RETURN 1 AS removed`,
);

// taskForceCreate
export const taskForceCreateQ = cypher(
  'taskForceCreate',
  `MATCH (c:Chain {id: $chainId}), (r:Region {code: $regionCode})
   CREATE (t:TaskForce {id: $id})
   SET t += $props, t.chainId = $chainId, t.regionCode = $regionCode, t.version = 1
   CREATE (t)-[:FOR_CHAIN]->(c), (t)-[:FOR_REGION]->(r)
   WITH t
   CALL (t) {
     MATCH (p:Person {id: $leaderId})
     CREATE (p)-[:LEADS]->(t)
   }
   CALL (t) {
     UNWIND $memberIds AS mid
     MATCH (m:Person {id: mid})
     CREATE (m)-[:MEMBER_OF]->(t)
   }
   RETURN ${taskForceFields('t')} AS taskForce, properties(t) AS after`,
);

// taskForceUpdate: properties, FOR_CHAIN/FOR_REGION when given, then the denormalised codes of
// its libraries and projects.
export const taskForceUpdateQ = cypher(
  'taskForceUpdate',
  `MATCH (t:TaskForce {id: $id})
   SET t += $props, t.version = coalesce(t.version, 0) + 1
   WITH t
   CALL (t) {
     WITH t WHERE $chainId IS NOT NULL
     MATCH (c:Chain {id: $chainId})
     OPTIONAL MATCH (t)-[old:FOR_CHAIN]->(:Chain)
     DELETE old
     WITH DISTINCT t, c
     CREATE (t)-[:FOR_CHAIN]->(c)
     SET t.chainId = c.id
   }
   CALL (t) {
     WITH t WHERE $regionCode IS NOT NULL
     MATCH (r:Region {code: $regionCode})
     OPTIONAL MATCH (t)-[old:FOR_REGION]->(:Region)
     DELETE old
     WITH DISTINCT t, r
     CREATE (t)-[:FOR_REGION]->(r)
     SET t.regionCode = r.code
   }
   CALL (t) {
     WITH t WHERE $chainId IS NOT NULL OR $regionCode IS NOT NULL
     MATCH (t)-[:OWNS]->(l:TargetLibrary)
     SET l.chainId = head([(t)-[:FOR_CHAIN]->(c:Chain) | c.id]),
         l.regionCode = head([(t)-[:FOR_REGION]->(r:Region) | r.code])
   }
   CALL (t) {
     WITH t WHERE $chainId IS NOT NULL
     MATCH (t)<-[:HANDLED_BY]-(p:Project)
     SET p.chainId = $chainId
   }
   RETURN ${taskForceFields('t')} AS taskForce, properties(t) AS after`,
);

// taskForceDependants: projects it handles (they stop its deletion) and libraries it owns.
export const taskForceDependantsQ = cypher(
  'taskForceDependants',
  `MATCH (t:TaskForce {id: $id})
   RETURN COLLECT { MATCH (t)<-[:HANDLED_BY]-(p:Project) RETURN p.id AS id ORDER BY id LIMIT 10 } AS projects,
          COLLECT { MATCH (t)-[:OWNS]->(l:TargetLibrary) RETURN l.id AS id ORDER BY id } AS libraries`,
);

// taskForceDelete: the task force and the libraries it owns (the caller has checked cascade).
export const taskForceDeleteQ = cypher(
  'taskForceDelete',
  `MATCH (t:TaskForce {id: $id})
   OPTIONAL MATCH (t)-[:OWNS]->(l:TargetLibrary)
   WITH t, collect(l) AS libraries
   FOREACH (l IN libraries | DETACH DELETE l)
   DETACH DELETE t
   RETURN size(libraries) + 1 AS removed`,
);

// taskForceSetLeader: the one LEADS edge is replaced; the task force's version rises.
export const taskForceSetLeaderQ = cypher(
  'taskForceSetLeader',
  `MATCH (t:TaskForce {id: $taskForceId}), (p:Person {id: $personId})
   OPTIONAL MATCH (old:Person)-[l:LEADS]->(t)
   WITH t, p, collect(old.id) AS previous, collect(l) AS edges
   FOREACH (e IN edges | DELETE e)
   CREATE (p)-[:LEADS]->(t)
   SET t.version = coalesce(t.version, 0) + 1
   RETURN ${taskForceFields('t')} AS taskForce, previous, properties(t) AS after`,
);

// taskForceMemberAdd
export const taskForceMemberAddQ = cypher(
  'taskForceMemberAdd',
  `MATCH (t:TaskForce {id: $taskForceId}), (p:Person {id: $personId})
   MERGE (p)-[m:MEMBER_OF]->(t)
   ON CREATE SET m._created = true
   WITH t, m, m._created IS NOT NULL AS created
   REMOVE m._created
   RETURN created, ${taskForceFields('t')} AS taskForce`,
);

// taskForceMemberRemove
export const taskForceMemberRemoveQ = cypher(
  'taskForceMemberRemove',
  `MATCH (t:TaskForce {id: $taskForceId})
   OPTIONAL MATCH (:Person {id: $personId})-[m:MEMBER_OF]->(t)
   WITH t, m, m IS NOT NULL AS removed
   DELETE m
   RETURN removed, ${taskForceFields('t')} AS taskForce`,
);

function one(rows: Record<string, unknown>[], entity: string, id: string): Record<string, unknown> {
  const row = rows[0];
  if (!row) throw changedMeanwhile(entity, id);
  return row;
}

export async function createPersonNode(
  tx: Tx,
  id: string,
  props: Props,
): Promise<{ record: PersonRecord; after: Props }> {
  const row = one(await tx.run(personCreateQ, { id, props }), 'Person', id);
  return { record: PersonModel.parse(row.person), after: row.after as Props };
}

export async function updatePersonNode(
  tx: Tx,
  id: string,
  props: Props,
): Promise<{ record: PersonRecord; after: Props }> {
  const row = one(await tx.run(personUpdateQ, { id, props }), 'Person', id);
  return { record: PersonModel.parse(row.person), after: row.after as Props };
}

export async function personLedTaskForces(tx: Tx, id: string): Promise<string[]> {
  return (await tx.run(personLedTaskForcesQ, { id })).map((r) => r.id as string);
}

export async function deletePersonNode(tx: Tx, id: string): Promise<void> {
  one(await tx.run(personDeleteQ, { id }), 'Person', id);
}

export async function createTaskForceNode(
  tx: Tx,
  params: {
    id: string;
    chainId: string;
    regionCode: string;
    leaderId: string | null;
    memberIds: string[];
    props: Props;
  },
): Promise<{ record: TaskForceRecord; after: Props }> {
  const row = one(await tx.run(taskForceCreateQ, params), 'TaskForce', params.id);
  return { record: TaskForceModel.parse(row.taskForce), after: row.after as Props };
}

export async function updateTaskForceNode(
  tx: Tx,
  params: { id: string; props: Props; chainId: string | null; regionCode: string | null },
): Promise<{ record: TaskForceRecord; after: Props }> {
  const row = one(await tx.run(taskForceUpdateQ, params), 'TaskForce', params.id);
  return { record: TaskForceModel.parse(row.taskForce), after: row.after as Props };
}

export async function taskForceDependants(
  tx: Tx,
  id: string,
): Promise<{ projects: string[]; libraries: string[] }> {
  const row = one(await tx.run(taskForceDependantsQ, { id }), 'TaskForce', id);
  return { projects: row.projects as string[], libraries: row.libraries as string[] };
}

export async function deleteTaskForceNode(tx: Tx, id: string): Promise<number> {
  return one(await tx.run(taskForceDeleteQ, { id }), 'TaskForce', id).removed as number;
}

export async function setTaskForceLeader(
  tx: Tx,
  taskForceId: string,
  personId: string,
): Promise<{ record: TaskForceRecord; previous: string[]; after: Props }> {
  const row = one(await tx.run(taskForceSetLeaderQ, { taskForceId, personId }), 'TaskForce', taskForceId);
  return {
    record: TaskForceModel.parse(row.taskForce),
    previous: row.previous as string[],
    after: row.after as Props,
  };
}

export async function addTaskForceMemberEdge(
  tx: Tx,
  taskForceId: string,
  personId: string,
): Promise<{ created: boolean; record: TaskForceRecord }> {
  const row = one(await tx.run(taskForceMemberAddQ, { taskForceId, personId }), 'TaskForce', taskForceId);
  return { created: row.created as boolean, record: TaskForceModel.parse(row.taskForce) };
}

export async function removeTaskForceMemberEdge(
  tx: Tx,
  taskForceId: string,
  personId: string,
): Promise<{ removed: boolean; record: TaskForceRecord }> {
  const row = one(await tx.run(taskForceMemberRemoveQ, { taskForceId, personId }), 'TaskForce', taskForceId);
  return { removed: row.removed as boolean, record: TaskForceModel.parse(row.taskForce) };
}
