import { cypher, type Tx } from '@chainmap/graph';
import { changedMeanwhile } from '../core/mutation.js';
import { int } from '../core/mutation.store.js';
import {
  ContactModel,
  contactFields,
  DutyTargetModel,
  dutyFields,
  type ContactRecord,
  type DutyTargetRecord,
} from './contact.model.js';
import { ProjectModel, projectFields, type ProjectRecord } from './pipeline.model.js';

// Writes of the tracking facts: contacts (走访/洽谈记录), leaders' duty targets, funds in place
// and amount revisions. A contact keeps `regionCode`/`chainId` of its task force, and `personId`/
// `enterpriseId`/`taskForceId` in step with MADE_BY, MET and LOGGED_FOR.

type Props = Record<string, unknown>;

// contactCreate
export const contactCreateQ = cypher(
  'contactCreate',
  `MATCH (t:TaskForce {id: $taskForceId}), (p:Person {id: $personId}), (e:Enterprise {id: $enterpriseId})
   CREATE (c:Contact {id: $id})
   SET c += $props, c.on = date($on), c.personId = p.id, c.enterpriseId = e.id, c.taskForceId = t.id,
       c.regionCode = t.regionCode, c.chainId = t.chainId, c.by = $by, c.loggedOn = date($today)
   CREATE (c)-[:LOGGED_FOR]->(t), (c)-[:MADE_BY]->(p), (c)-[:MET]->(e)
   RETURN ${contactFields('c')} AS contact, properties(c) AS after`,
);

// contactDelete
export const contactDeleteQ = cypher(
  'contactDelete',
  `MATCH (c:Contact {id: $id})
   WITH c, properties(c) AS before
   DETACH DELETE c
   RETURN before`,
);

// dutyTargetOfPersonYear: locks the person (two writers of their duties queue), then finds the
// duties for the year.
export const dutyTargetOfPersonYearQ = cypher(
  'dutyTargetOfPersonYear',
  `MATCH (p:Person {id: $personId})
   SET p._lock = true
   REMOVE p._lock
   WITH p
   OPTIONAL MATCH (d:DutyTarget)-[:FOR_PERSON]->(p) WHERE d.year = $year
   RETURN d.id AS id`,
);

// dutyTargetCreate
export const dutyTargetCreateQ = cypher(
  'dutyTargetCreate',
  `MATCH (p:Person {id: $personId})
   CREATE (d:DutyTarget {id: $id})
   SET d += $props, d.year = $year, d.personId = p.id, d.version = 1
   CREATE (d)-[:FOR_PERSON]->(p)
   RETURN ${dutyFields('d')} AS duty, properties(d) AS after`,
);

// dutyTargetUpdate
export const dutyTargetUpdateQ = cypher(
  'dutyTargetUpdate',
  `MATCH (d:DutyTarget {id: $id})
   SET d += $props, d.version = coalesce(d.version, 0) + 1
   RETURN ${dutyFields('d')} AS duty, properties(d) AS after`,
);

// projectFundsRecord: a dated FundsEntry; the project's version moves on.
export const projectFundsRecordQ = cypher(
  'projectFundsRecord',
  `MATCH (p:Project {id: $id})
   SET p.version = coalesce(p.version, 0) + 1
   CREATE (p)-[:HAS_FUNDS]->(f:FundsEntry {on: date($on), amount: $amount, note: $note, by: $by, recordedOn: date($today)})
   RETURN ${projectFields('p')} AS project, properties(p) AS after, properties(f) AS entry`,
);

// projectAmountAppend: a dated AmountEntry (numbered after the project's others).
export const projectAmountAppendQ = cypher(
  'projectAmountAppend',
  `MATCH (p:Project {id: $id})
   WITH p, COUNT { (p)-[:HAS_AMOUNT]->(:AmountEntry) } AS n
   CREATE (p)-[:HAS_AMOUNT]->(:AmountEntry {seq: n + 1, on: date($on), amount: $amount, reason: $reason, by: $by})`,
);

// projectAmountSync: the project's amount becomes that of its latest entry (by date, then
// order of entry); its version moves on.
export const projectAmountSyncQ = cypher(
  'projectAmountSync',
  `MATCH (p:Project {id: $id})
   CALL (p) {
     MATCH (p)-[:HAS_AMOUNT]->(a:AmountEntry)
     RETURN a.amount AS latest ORDER BY a.on DESC, a.seq DESC LIMIT 1
   }
   SET p.amount = latest, p.version = coalesce(p.version, 0) + 1
   RETURN ${projectFields('p')} AS project, properties(p) AS after`,
);

// projectAmountInitial: the amount a project was entered with, as its first dated entry (dated
// when the project was created, else its first move, else $on), when it has no entry yet.
export const projectAmountInitialQ = cypher(
  'projectAmountInitial',
  `MATCH (p:Project {id: $id})
   WHERE p.amount IS NOT NULL AND NOT EXISTS { (p)-[:HAS_AMOUNT]->(:AmountEntry) }
   CALL (p) {
     OPTIONAL MATCH (p)-[:HAS_EVENT]->(ev:ProjectStageEvent)
     RETURN min(ev.on) AS firstOn
   }
   CREATE (p)-[:HAS_AMOUNT]->(:AmountEntry {seq: 1, on: coalesce(p.createdOn, firstOn, date($on)), amount: p.amount, reason: $reason, by: $by})`,
);

function one(rows: Record<string, unknown>[], entity: string, id: string): Record<string, unknown> {
  const row = rows[0];
  if (!row) throw changedMeanwhile(entity, id);
  return row;
}

export async function createContactNode(
  tx: Tx,
  p: {
    id: string;
    taskForceId: string;
    personId: string;
    enterpriseId: string;
    on: string;
    today: string;
    by: string | null;
    props: Props;
  },
): Promise<{ record: ContactRecord; after: Props }> {
  const row = one(await tx.run(contactCreateQ, p), 'Contact', p.id);
  return { record: ContactModel.parse(row.contact), after: row.after as Props };
}

/** Delete a contact; its properties before, or null when there was none. */
export async function deleteContactNode(tx: Tx, id: string): Promise<Props | null> {
  const [row] = await tx.run(contactDeleteQ, { id });
  return (row?.before as Props | undefined) ?? null;
}

/** The id of the person's duties for the year, or null; undefined when there is no such person. */
export async function dutyTargetOf(
  tx: Tx,
  personId: string,
  year: number,
): Promise<string | null | undefined> {
  const [row] = await tx.run(dutyTargetOfPersonYearQ, { personId, year: int(year) });
  return row ? ((row.id as string | null) ?? null) : undefined;
}

export async function createDutyTargetNode(
  tx: Tx,
  p: { id: string; personId: string; year: number; props: Props },
): Promise<{ record: DutyTargetRecord; after: Props }> {
  const row = one(await tx.run(dutyTargetCreateQ, { ...p, year: int(p.year) }), 'DutyTarget', p.id);
  return { record: DutyTargetModel.parse(row.duty), after: row.after as Props };
}

export async function updateDutyTargetNode(
  tx: Tx,
  id: string,
  props: Props,
): Promise<{ record: DutyTargetRecord; after: Props }> {
  const row = one(await tx.run(dutyTargetUpdateQ, { id, props }), 'DutyTarget', id);
  return { record: DutyTargetModel.parse(row.duty), after: row.after as Props };
}

export async function recordFundsEntry(
  tx: Tx,
  p: { id: string; on: string; amount: number; note: string | null; by: string | null; today: string },
): Promise<{ record: ProjectRecord; after: Props }> {
  const row = one(await tx.run(projectFundsRecordQ, p), 'Project', p.id);
  return { record: ProjectModel.parse(row.project), after: { ...(row.after as Props), funds: row.entry } };
}

/** Append a dated amount entry, then set the project's amount to its latest entry's. */
export async function reviseAmount(
  tx: Tx,
  p: { id: string; on: string; amount: number; reason: string | null; by: string | null },
): Promise<{ record: ProjectRecord; after: Props }> {
  await tx.run(projectAmountAppendQ, p);
  const row = one(await tx.run(projectAmountSyncQ, { id: p.id }), 'Project', p.id);
  return { record: ProjectModel.parse(row.project), after: row.after as Props };
}

/** Append a dated amount entry and leave the project as it is (its amount was just written). */
export async function appendAmount(
  tx: Tx,
  p: { id: string; on: string; amount: number; reason: string | null; by: string | null },
): Promise<void> {
  await tx.run(projectAmountAppendQ, p);
}

/** Record a project's amount as its first dated entry (when it has none yet). */
export async function recordInitialAmount(
  tx: Tx,
  p: { id: string; on: string; reason: string | null; by: string | null },
): Promise<void> {
  await tx.run(projectAmountInitialQ, p);
}
