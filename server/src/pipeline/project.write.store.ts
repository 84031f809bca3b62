import { cypher, type Tx } from '@chainmap/graph';
import { changedMeanwhile } from '../core/mutation.js';
import { int } from '../core/mutation.store.js';
import {
  ProjectModel,
  ProjectStageModel,
  projectFields,
  type ProjectRecord,
  type ProjectStage,
} from './pipeline.model.js';

// Writes of projects (招商项目). A project keeps `enterpriseId`, `regionCode` and `chainId` (its
// task force's chain) in step with BY, IN_REGION and HANDLED_BY, and `stage`/`stageOn` in step
// with the last of its ProjectStageEvents.

type Props = Record<string, unknown>;

const TASK_FORCE_CHAIN = `head([(t)-[:FOR_CHAIN]->(c:Chain) | c.id])`;

// projectCreate: the project at LEAD, its ties and its first stage event.
export const projectCreateQ = cypher(
  'projectCreate',
  `MATCH (e:Enterprise {id: $enterpriseId}), (r:Region {code: $regionCode}), (t:TaskForce {id: $taskForceId})
   CREATE (p:Project {id: $id})
   SET p += $props, p.stage = 'LEAD', p.stageOn = date($today), p.createdOn = date($today),
       p.enterpriseId = e.id, p.regionCode = r.code, p.chainId = ${TASK_FORCE_CHAIN}, p.version = 1
   CREATE (p)-[:BY]->(e), (p)-[:IN_REGION]->(r), (p)-[:HANDLED_BY]->(t)
   CREATE (p)-[:HAS_EVENT]->(:ProjectStageEvent {seq: 1, stage: 'LEAD', on: date($today), by: $by})
   RETURN ${projectFields('p')} AS project, properties(p) AS after`,
);

// projectUpdate: properties, and BY / IN_REGION / HANDLED_BY with their denormalised ids when
// given.
export const projectUpdateQ = cypher(
  'projectUpdate',
  `MATCH (p:Project {id: $id})
   SET p += $props, p.version = coalesce(p.version, 0) + 1
   WITH p
   CALL (p) {
     WITH p WHERE $enterpriseId IS NOT NULL
     MATCH (e:Enterprise {id: $enterpriseId})
     OPTIONAL MATCH (p)-[old:BY]->(:Enterprise)
     DELETE old
     WITH DISTINCT p, e
     CREATE (p)-[:BY]->(e)
     SET p.enterpriseId = e.id
   }
   CALL (p) {
     WITH p WHERE $regionCode IS NOT NULL
     MATCH (r:Region {code: $regionCode})
     OPTIONAL MATCH (p)-[old:IN_REGION]->(:Region)
     DELETE old
     WITH DISTINCT p, r
     CREATE (p)-[:IN_REGION]->(r)
     SET p.regionCode = r.code
   }
   CALL (p) {
     WITH p WHERE $taskForceId IS NOT NULL
     MATCH (t:TaskForce {id: $taskForceId})
     OPTIONAL MATCH (p)-[old:HANDLED_BY]->(:TaskForce)
     DELETE old
     WITH DISTINCT p, t
     CREATE (p)-[:HANDLED_BY]->(t)
     SET p.chainId = ${TASK_FORCE_CHAIN}
   }
   RETURN ${projectFields('p')} AS project, properties(p) AS after`,
);

// projectSetLinks: FILLS replaced by the given links; returns the ids that exist.
export const projectSetLinksQ = cypher(
  'projectSetLinks',
  `MATCH (p:Project {id: $id})
   OPTIONAL MATCH (p)-[old:FILLS]->(:Link)
   DELETE old
   WITH DISTINCT p
   CALL (p) {
     UNWIND $linkIds AS lid
     MATCH (l:Link {id: lid})
     CREATE (p)-[:FILLS]->(l)
     RETURN collect(l.id) AS found
   }
   RETURN found`,
);

// projectStageState: the current stage and the date of the latest move.
export const projectStageStateQ = cypher(
  'projectStageState',
  `MATCH (p:Project {id: $id})
   OPTIONAL MATCH (p)-[:HAS_EVENT]->(ev:ProjectStageEvent)
   WITH p, max(ev.seq) AS lastSeq, max(ev.on) AS lastOn
   RETURN p.stage AS stage, coalesce(lastSeq, 0) AS lastSeq,
          toString(CASE WHEN lastOn IS NULL OR p.stageOn > lastOn THEN p.stageOn ELSE lastOn END) AS previousOn`,
);

// projectMoveStage: append the dated event and move the project.
export const projectMoveStageQ = cypher(
  'projectMoveStage',
  `MATCH (p:Project {id: $id})
   SET p.stage = $stage, p.stageOn = date($on), p.version = coalesce(p.version, 0) + 1
   CREATE (p)-[:HAS_EVENT]->(:ProjectStageEvent {seq: $seq, stage: $stage, on: date($on), reason: $reason, by: $by})
   RETURN ${projectFields('p')} AS project, properties(p) AS after`,
);

// projectDelete: the project with its stage events, funds entries and amount entries.
export const projectDeleteQ = cypher(
  'projectDelete',
  `MATCH (p:Project {id: $id})
   OPTIONAL MATCH (p)-[:HAS_EVENT|HAS_FUNDS|HAS_AMOUNT]->(x)
   WITH p, collect(x) AS owned
   FOREACH (x IN owned | DETACH DELETE x)
   DETACH DELETE p
   RETURN size(owned) + 1 AS removed`,
);

function one(rows: Record<string, unknown>[], id: string): Record<string, unknown> {
  const row = rows[0];
  if (!row) throw changedMeanwhile('Project', id);
  return row;
}

export interface Written {
  record: ProjectRecord;
  after: Props;
}

const written = (row: Record<string, unknown>): Written => ({
  record: ProjectModel.parse(row.project),
  after: row.after as Props,
});

export async function createProjectNode(
  tx: Tx,
  p: {
    id: string;
    enterpriseId: string;
    regionCode: string;
    taskForceId: string;
    props: Props;
    today: string;
    by: string | null;
  },
): Promise<Written> {
  return written(one(await tx.run(projectCreateQ, p), p.id));
}

export async function updateProjectNode(
  tx: Tx,
  p: {
    id: string;
    props: Props;
    enterpriseId: string | null;
    regionCode: string | null;
    taskForceId: string | null;
  },
): Promise<Written> {
  return written(one(await tx.run(projectUpdateQ, p), p.id));
}

/** Replace the links a project fills; returns the ids that named no link (nothing is created for them). */
export async function setProjectLinks(tx: Tx, id: string, linkIds: string[]): Promise<string[]> {
  const found = new Set(one(await tx.run(projectSetLinksQ, { id, linkIds }), id).found as string[]);
  return linkIds.filter((l) => !found.has(l));
}

export async function projectStageState(
  tx: Tx,
  id: string,
): Promise<{ stage: ProjectStage; lastSeq: number; previousOn: string | null }> {
  const row = one(await tx.run(projectStageStateQ, { id }), id);
  return {
    stage: ProjectStageModel.parse(row.stage),
    lastSeq: row.lastSeq as number,
    previousOn: (row.previousOn as string | null) ?? null,
  };
}

export async function moveProjectNode(
  tx: Tx,
  p: { id: string; stage: ProjectStage; on: string; seq: number; reason: string | null; by: string | null },
): Promise<Written> {
  return written(one(await tx.run(projectMoveStageQ, { ...p, seq: int(p.seq) }), p.id));
}

export async function deleteProjectNode(tx: Tx, id: string): Promise<number> {
  return one(await tx.run(projectDeleteQ, { id }), id).removed as number;
}
