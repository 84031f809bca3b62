import { cypher, type Executor, type Tx } from '@chainmap/graph';
import neo4j from 'neo4j-driver';
import type { ScopeParam } from '../auth/auth.model.js';
import { inScope } from '../auth/scope.js';
import { AuditEntryModel, auditFields, type AuditEntryRecord } from './audit.model.js';

// The audit trail: one (:AuditEntry) per write, in the write's transaction, -[:BY]-> the user
// and -[:OF]-> the entity written when it is a node that still exists. Read newest first.

/** The node labels an audit entry links to with OF, by the entity type the mutation names. */
const ENTITY_LABELS = [
  'Chain',
  'Link',
  'Enterprise',
  'Person',
  'TaskForce',
  'TargetLibrary',
  'Project',
  'KpiTarget',
];

// recordAudit
export const recordAuditQ = cypher(
  'recordAudit',
  `CREATE (a:AuditEntry {
     id: randomUUID(), at: datetime($at), actorId: $actorId, actorName: $actorName, actorRole: $actorRole,
     mutation: $mutation, entity: $entity, entityId: $entityId, requestId: $requestId,
     before: $before, after: $after, regionCodes: $regionCodes
   })
   WITH a
   OPTIONAL MATCH (u:User {id: $actorId})
   FOREACH (_ IN CASE WHEN u IS NULL THEN [] ELSE [1] END | CREATE (a)-[:BY]->(u))
   WITH a
   OPTIONAL CALL (a) {
     ${ENTITY_LABELS.map((l) => `WITH a WHERE $label = '${l}' MATCH (n:${l} {id: $entityId}) RETURN n`).join('\n     UNION ALL\n     ')}
   }
   FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | CREATE (a)-[:OF]->(n))
   RETURN a.id AS id`,
);

export interface AuditWrite {
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  mutation: string;
  entity: string;
  entityId: string;
  requestId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The regions the change touched: who may read the entry (auth/scope.ts). */
  regionCodes: string[];
}

/** Internal properties never worth recording. */
const HIDDEN = new Set(['_lock', 'passwordHash']);
const clean = (v: Record<string, unknown> | null) =>
  v == null ? null : JSON.stringify(Object.fromEntries(Object.entries(v).filter(([k]) => !HIDDEN.has(k))));

/** Store one audit entry in the write's transaction. */
export async function recordAudit(tx: Tx, e: AuditWrite): Promise<void> {
  const label = ENTITY_LABELS.includes(e.entity) ? e.entity : null;
  await tx.run(recordAuditQ, { ...e, label, before: clean(e.before), after: clean(e.after) });
}

// auditPage: entries within the scope, optionally of one entity, newest first, keyset paged.
export const auditPageQ = cypher(
  'auditPage',
  `MATCH (a:AuditEntry)
   WHERE ($entityId IS NULL OR a.entityId = $entityId)
     AND ($entity IS NULL OR a.entity = $entity)
     AND ${inScope.auditEntry('a')}
     AND ($afterAt IS NULL OR a.at < datetime($afterAt) OR (a.at = datetime($afterAt) AND a.id < $afterId))
   RETURN ${auditFields('a')} AS entry
   ORDER BY a.at DESC, a.id DESC
   LIMIT $limit`,
);

export interface AuditFilter {
  entityId: string | null;
  entity: string | null;
}

/** One page of audit entries, newest first, after the keyset position `after`. */
export async function auditPage(
  executor: Executor,
  scope: ScopeParam,
  filter: AuditFilter,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<AuditEntryRecord[]> {
  const rows = await executor.read(auditPageQ, {
    ...filter,
    scope,
    afterAt: after?.at ?? null,
    afterId: after?.id ?? null,
    limit: neo4j.int(limit),
  });
  return rows.map((r) => AuditEntryModel.parse(r.entry));
}

// auditOfEntities: the history of several entities (keys `Entity:id`), newest first.
export const auditOfEntitiesQ = cypher(
  'auditOfEntities',
  `UNWIND $keys AS key
   WITH key, split(key, ':') AS parts
   MATCH (a:AuditEntry {entityId: substring(key, size(parts[0]) + 1)})
   WHERE a.entity = parts[0] AND ${inScope.auditEntry('a')}
   WITH key, a ORDER BY a.at DESC, a.id DESC
   RETURN key, collect(${auditFields('a')}) AS values`,
);
