import { cypher, type Tx } from '@chainmap/graph';
import { z } from 'zod';

// Where the records a write touches sit: their region and, for pipeline records, their chain,
// read inside the write's own transaction (so what is checked is what is written).

/** A record (or a region or chain a write puts something in) that must lie within the writer's scope. */
export interface WriteTarget {
  type:
    'Region' | 'Enterprise' | 'Person' | 'TaskForce' | 'TargetLibrary' | 'Project' | 'KpiTarget' | 'Contact';
  key: string;
  /** The input field that names it, e.g. `input.taskForceId`. */
  field: string;
  /** Targets sharing a group pass when any one of them does (e.g. either end of a relation). */
  anyOf?: string;
}

// writeTargetPlaces: per target, the [regionCode, chainId] places it occupies (a person: one per
// task force they lead or belong to, none when in none); null when the record does not exist.
export const writeTargetPlacesQ = cypher(
  'writeTargetPlaces',
  `UNWIND range(0, size($targets) - 1) AS i
   WITH i, $targets[i] AS t
   OPTIONAL CALL (t) {
     WITH t WHERE t.type = 'Region'
     MATCH (r:Region {code: t.key}) RETURN [[r.code, null]] AS places
     UNION ALL
     WITH t WHERE t.type = 'Enterprise'
     MATCH (e:Enterprise {id: t.key}) RETURN [[e.regionCode, null]] AS places
     UNION ALL
     WITH t WHERE t.type = 'KpiTarget'
     MATCH (k:KpiTarget {id: t.key}) RETURN [[head([(k)-[:FOR_REGION]->(r:Region) | r.code]), null]] AS places
     UNION ALL
     WITH t WHERE t.type = 'TaskForce'
     MATCH (x:TaskForce {id: t.key})
     RETURN [[head([(x)-[:FOR_REGION]->(r:Region) | r.code]), head([(x)-[:FOR_CHAIN]->(c:Chain) | c.id])]] AS places
     UNION ALL
     WITH t WHERE t.type = 'TargetLibrary'
     MATCH (l:TargetLibrary {id: t.key})
     OPTIONAL MATCH (l)<-[:OWNS]-(x:TaskForce)
     RETURN [[head([(x)-[:FOR_REGION]->(r:Region) | r.code]), head([(x)-[:FOR_CHAIN]->(c:Chain) | c.id])]] AS places
     UNION ALL
     WITH t WHERE t.type = 'Project'
     MATCH (p:Project {id: t.key})
     RETURN [[head([(p)-[:IN_REGION]->(r:Region) | r.code]),
              head([(p)-[:HANDLED_BY]->(:TaskForce)-[:FOR_CHAIN]->(c:Chain) | c.id])]] AS places
     UNION ALL
     WITH t WHERE t.type = 'Contact'
     MATCH (k:Contact {id: t.key})
     OPTIONAL MATCH (k)-[:LOGGED_FOR]->(x:TaskForce)
     RETURN [[head([(x)-[:FOR_REGION]->(r:Region) | r.code]), head([(x)-[:FOR_CHAIN]->(c:Chain) | c.id])]] AS places
     UNION ALL
     WITH t WHERE t.type = 'Person'
     MATCH (p:Person {id: t.key})
     RETURN [(p)-[:LEADS|MEMBER_OF]->(x:TaskForce) |
             [head([(x)-[:FOR_REGION]->(r:Region) | r.code]), head([(x)-[:FOR_CHAIN]->(c:Chain) | c.id])]] AS places
   }
   RETURN i, places ORDER BY i`,
);

const Place = z.tuple([z.string().nullable(), z.string().nullable()]);
export type Place = z.infer<typeof Place>;

/** The places of each target, in order; null for a target that does not exist. */
export async function writeTargetPlaces(
  tx: Tx,
  targets: readonly WriteTarget[],
): Promise<(Place[] | null)[]> {
  if (targets.length === 0) return [];
  const rows = await tx.run(writeTargetPlacesQ, {
    targets: targets.map((t) => ({ type: t.type, key: t.key })),
  });
  const out: (Place[] | null)[] = targets.map(() => null);
  for (const row of rows) {
    const i = z.number().int().parse(row.i);
    out[i] = row.places == null ? null : z.array(Place).parse(row.places);
  }
  return out;
}

/** A target when `key` is given (optional inputs), else none: spread it into a target list. */
export function target(
  type: WriteTarget['type'],
  key: string | null | undefined,
  field: string,
  anyOf?: string,
): WriteTarget[] {
  if (key == null) return [];
  return [{ type, key, field, ...(anyOf ? { anyOf } : {}) }];
}
