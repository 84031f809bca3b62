import { cypher, type Tx } from '@chainmap/graph';
import neo4j from 'neo4j-driver';

// Cypher shared by every write: which referenced entities exist, and the version lock.

/** The entity types a write may refer to, with the property that keys them. */
export type RefType =
  | 'Region'
  | 'Industry'
  | 'Chain'
  | 'Link'
  | 'Enterprise'
  | 'Person'
  | 'TaskForce'
  | 'TargetLibrary'
  | 'Project'
  | 'KpiTarget';

// missingRefs: of the given references, those that name nothing (each label's own index).
export const missingRefsQ = cypher(
  'missingRefs',
  `UNWIND range(0, size($refs) - 1) AS i
   WITH i, $refs[i] AS ref
   OPTIONAL CALL (ref) {
     WITH ref WHERE ref.type = 'Region' MATCH (n:Region {code: ref.key}) RETURN n
     UNION ALL
     WITH ref WHERE ref.type = 'Industry' MATCH (n:Industry {code: ref.key}) RETURN n
     UNION ALL
     WITH ref WHERE ref.type = 'Chain' MATCH (n:Chain {id: ref.key}) RETURN n
     UNION ALL
     WITH ref WHERE ref.type = 'Link' MATCH (n:Link {id: ref.key}) RETURN n
     UNION ALL
     WITH ref WHERE ref.type = 'Enterprise' MATCH (n:Enterprise {id: ref.key}) RETURN n
     UNION ALL
     WITH ref WHERE ref.type = 'Person' MATCH (n:Person {id: ref.key}) RETURN n
     UNION ALL
     WITH ref WHERE ref.type = 'TaskForce' MATCH (n:TaskForce {id: ref.key}) RETURN n
     UNION ALL
     WITH ref WHERE ref.type = 'TargetLibrary' MATCH (n:TargetLibrary {id: ref.key}) RETURN n
     UNION ALL
     WITH ref WHERE ref.type = 'Project' MATCH (n:Project {id: ref.key}) RETURN n
     UNION ALL
     WITH ref WHERE ref.type = 'KpiTarget' MATCH (n:KpiTarget {id: ref.key}) RETURN n
   }
   WITH i, n WHERE n IS NULL
   RETURN i ORDER BY i`,
);

/** A reference from an input to an entity that must exist. */
export interface Ref {
  type: RefType;
  key: string;
  /** The input field that holds it, e.g. `input.linkIds.2`. */
  field: string;
}

/** The references that name nothing, in the order given. */
export async function missingRefs(tx: Tx, refs: readonly Ref[]): Promise<Ref[]> {
  if (refs.length === 0) return [];
  const rows = await tx.run(missingRefsQ, {
    refs: refs.map((r) => ({ type: r.type, key: r.key })),
  });
  return rows.map((r) => refs[r.i as number]!);
}

// firmChains: the chains whose links some enterprises work in (by the links' denormalised
// `chainId`; '' for a link outside any chain), for what a write to those firms may change.
export const firmChainsQ = cypher(
  'firmChains',
  `UNWIND $ids AS id
   MATCH (:Enterprise {id: id})-[:OPERATES_IN]->(l:Link)
   RETURN collect(DISTINCT coalesce(l.chainId, '')) AS chains`,
);

/** The chains the enterprises' links belong to; null when one of those links has no chain. */
export async function firmChains(tx: Tx, ids: readonly string[]): Promise<string[] | null> {
  const [row] = await tx.run(firmChainsQ, { ids: [...ids] });
  const chains = (row?.chains ?? []) as string[];
  return chains.includes('') ? null : chains;
}

/**
 * Lock templates: `SET` takes the node's write lock, so a concurrent writer of the same node
 * waits for this transaction to end; the version read after it is the last committed one. That
 * is what makes the version check safe against two simultaneous edits.
 */
const lockText = (label: string) =>
  `MATCH (n:${label} {id: $id})
   SET n._lock = true
   REMOVE n._lock
   RETURN properties(n) AS before`;

// lockChain / lockLink / lockEnterprise / lockPerson / lockTaskForce / lockTargetLibrary /
// lockProject / lockKpiTarget / lockDutyTarget
export const LOCK = {
  Chain: cypher('lockChain', lockText('Chain')),
  Link: cypher('lockLink', lockText('Link')),
  Enterprise: cypher('lockEnterprise', lockText('Enterprise')),
  Person: cypher('lockPerson', lockText('Person')),
  TaskForce: cypher('lockTaskForce', lockText('TaskForce')),
  TargetLibrary: cypher('lockTargetLibrary', lockText('TargetLibrary')),
  Project: cypher('lockProject', lockText('Project')),
  KpiTarget: cypher('lockKpiTarget', lockText('KpiTarget')),
  DutyTarget: cypher('lockDutyTarget', lockText('DutyTarget')),
} as const;
export type Versioned = keyof typeof LOCK;

/** Lock a node by id and return its properties, or null when there is no such node. */
export async function lockNode(
  tx: Tx,
  entity: Versioned,
  id: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await tx.run(LOCK[entity], { id });
  return (row?.before as Record<string, unknown> | undefined) ?? null;
}

/**
 * Integers as Neo4j integers: the driver sends a JavaScript number as a float, and counts,
 * years and priorities must be stored as integers.
 */
export function int(v: number | null | undefined): ReturnType<typeof neo4j.int> | null {
  return v == null ? null : neo4j.int(v);
}

/**
 * The properties a patch sets: keys whose value is `undefined` (left out by the client) are
 * dropped; `null` stays and removes the property (`SET n += {p: null}`). Integer keys become
 * Neo4j integers.
 */
export function patchProps(
  patch: Record<string, unknown>,
  ints: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    out[k] = ints.includes(k) && typeof v === 'number' ? neo4j.int(v) : v;
  }
  return out;
}

/** A `YYYY-MM-DD` day as a Neo4j `date`, so `SET n += $props` stores a date, not a string. */
export function date(day: string | null | undefined): InstanceType<typeof neo4j.types.Date> | null {
  if (day == null) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}
