import { cypher } from '@chainmap/graph';

// peopleUpsert
export const peopleUpsertQ = cypher(
  'peopleUpsert',
  `UNWIND $rows AS row
   MERGE (p:Person {id: row.id})
   ON CREATE SET p.importId = $importId, p.version = 1
   SET p.name = row.name, p.title = row.title`,
);

// taskForcesUpsert
export const taskForcesUpsertQ = cypher(
  'taskForcesUpsert',
  `UNWIND $rows AS row
   MATCH (c:Chain {id: row.chainId}), (r:Region {code: row.regionCode}), (leader:Person {id: row.leaderId})
   MERGE (t:TaskForce {id: row.id})
   ON CREATE SET t.importId = $importId, t.version = 1
   SET t.name = row.name, t.leadDepartment = row.leadDepartment, t.budget = row.budget,
       t.chainId = row.chainId, t.regionCode = row.regionCode
   MERGE (t)-[:FOR_CHAIN]->(c)
   MERGE (t)-[:FOR_REGION]->(r)
   MERGE (leader)-[:LEADS]->(t)
   WITH t, row
   CALL (t, row) {
     UNWIND row.memberIds AS mid
     MATCH (m:Person {id: mid})
     MERGE (m)-[:MEMBER_OF]->(t)
   }
   RETURN count(t) AS written`,
);

// targetLibrariesUpsert
export const targetLibrariesUpsertQ = cypher(
  'targetLibrariesUpsert',
  `UNWIND $rows AS row
   MATCH (t:TaskForce {id: row.taskForceId})
   MERGE (l:TargetLibrary {id: row.id})
   ON CREATE SET l.importId = $importId, l.version = 1
   SET l.name = row.name, l.chainId = t.chainId, l.regionCode = t.regionCode
   MERGE (t)-[:OWNS]->(l)
   WITH l, row
   CALL (l, row) {
     UNWIND row.entries AS e
     MATCH (ent:Enterprise {id: e.enterpriseId})
     MERGE (l)-[inc:INCLUDES]->(ent)
     SET inc.priority = e.priority, inc.reason = e.reason, inc.ownerId = e.ownerId,
         inc.addedOn = date(e.addedOn), inc.version = coalesce(inc.version, 0) + 1
     RETURN count(ent) AS included
   }
   RETURN sum(included) AS included`,
);

// projectsUpsert: the project, its ties, and its dated history rebuilt from the file.
export const projectsUpsertQ = cypher(
  'projectsUpsert',
  `UNWIND $rows AS row
   MATCH (e:Enterprise {id: row.enterpriseId}), (r:Region {code: row.regionCode}), (t:TaskForce {id: row.taskForceId})
   MERGE (p:Project {id: row.id})
   ON CREATE SET p.importId = $importId, p.version = 1
   SET p.name = row.name, p.amount = row.amount, p.industrial = row.industrial,
       p.exportOriented = row.exportOriented, p.regionCode = row.regionCode, p.chainId = t.chainId,
       p.enterpriseId = row.enterpriseId,
       p.plannedProductionOn = CASE WHEN row.plannedProductionOn IS NULL THEN null ELSE date(row.plannedProductionOn) END,
       p.stage = last(row.history).stage, p.stageOn = date(last(row.history).on),
       p.createdOn = date(head(row.history).on)
   MERGE (p)-[:BY]->(e)
   MERGE (p)-[:IN_REGION]->(r)
   MERGE (p)-[:HANDLED_BY]->(t)
   WITH p, row
   CALL (p) {
     OPTIONAL MATCH (p)-[:HAS_EVENT|HAS_FUNDS|HAS_AMOUNT]->(old)
     DETACH DELETE old
   }
   CALL (p, row) {
     UNWIND range(0, size(row.history) - 1) AS i
     WITH p, i, row.history[i] AS h
     CREATE (p)-[:HAS_EVENT]->(:ProjectStageEvent {seq: i + 1, stage: h.stage, on: date(h.on), reason: h.reason, by: 'seed'})
   }
   CALL (p, row) {
     UNWIND row.funds AS f
     CREATE (p)-[:HAS_FUNDS]->(:FundsEntry {on: date(f.on), amount: f.amount, by: 'seed'})
   }
   CALL (p, row) {
     UNWIND range(0, size(row.amounts) - 1) AS i
     WITH p, i, row.amounts[i] AS a
     CREATE (p)-[:HAS_AMOUNT]->(:AmountEntry {seq: i + 1, on: date(a.on), amount: a.amount, reason: a.reason, by: 'seed'})
   }
   CALL (p, row) {
     UNWIND row.linkIds AS lid
     MATCH (l:Link {id: lid})
     MERGE (p)-[:FILLS]->(l)
   }
   RETURN count(p) AS written`,
);

// kpiTargetsUpsert
export const kpiTargetsUpsertQ = cypher(
  'kpiTargetsUpsert',
  `UNWIND $rows AS row
   MATCH (r:Region {code: row.regionCode})
   MERGE (k:KpiTarget {id: row.id})
   ON CREATE SET k.importId = $importId, k.version = 1
   SET k += row
   MERGE (k)-[:FOR_REGION]->(r)
   RETURN count(k) AS written`,
);

// dutyTargetsUpsert
export const dutyTargetsUpsertQ = cypher(
  'dutyTargetsUpsert',
  `UNWIND $rows AS row
   MATCH (p:Person {id: row.personId})
   MERGE (d:DutyTarget {id: row.id})
   ON CREATE SET d.importId = $importId, d.version = 1
   SET d.year = row.year, d.personId = row.personId, d.tripsOut = row.tripsOut,
       d.projectsPlanned = row.projectsPlanned, d.plannedMinAmount = row.plannedMinAmount, d.source = row.source
   MERGE (d)-[:FOR_PERSON]->(p)
   RETURN count(d) AS written`,
);

// contactsUpsert: contacts with their task force's region and chain, and their ties.
export const contactsUpsertQ = cypher(
  'contactsUpsert',
  `UNWIND $rows AS row
   MATCH (t:TaskForce {id: row.taskForceId}), (p:Person {id: row.personId}), (e:Enterprise {id: row.enterpriseId})
   MERGE (c:Contact {id: row.id})
   ON CREATE SET c.importId = $importId
   SET c.on = date(row.on), c.kind = row.kind, c.tripOut = row.tripOut, c.place = row.place,
       c.note = row.note, c.nextStep = row.nextStep, c.personId = p.id, c.enterpriseId = e.id,
       c.taskForceId = t.id, c.regionCode = t.regionCode, c.chainId = t.chainId, c.by = 'seed'
   MERGE (c)-[:LOGGED_FOR]->(t)
   MERGE (c)-[:MADE_BY]->(p)
   MERGE (c)-[:MET]->(e)
   RETURN count(c) AS written`,
);

// pipelineMissingRefs: which referenced enterprises are not in the graph
export const missingEnterprisesQ = cypher(
  'pipelineMissingEnterprises',
  `UNWIND $ids AS id
   OPTIONAL MATCH (e:Enterprise {id: id})
   WITH id, e WHERE e IS NULL
   RETURN collect(id) AS missing`,
);
