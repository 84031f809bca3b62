import { cypher, type Tx } from '@chainmap/graph';
import { changedMeanwhile } from '../core/mutation.js';
import { int } from '../core/mutation.store.js';
import { KpiTargetModel, kpiFields, type KpiTargetRecord } from './pipeline.model.js';

// Writes of KPI targets (考核目标): at most one per region and year.

type Props = Record<string, unknown>;

// kpiTargetOfRegionYear: locks the region (so two writers of its targets queue), then finds
// the targets for the year.
export const kpiTargetOfRegionYearQ = cypher(
  'kpiTargetOfRegionYear',
  `MATCH (r:Region {code: $regionCode})
   SET r._lock = true
   REMOVE r._lock
   WITH r
   OPTIONAL MATCH (k:KpiTarget)-[:FOR_REGION]->(r) WHERE k.year = $year
   RETURN k.id AS id`,
);

// kpiTargetCreate
export const kpiTargetCreateQ = cypher(
  'kpiTargetCreate',
  `MATCH (r:Region {code: $regionCode})
   CREATE (k:KpiTarget {id: $id})
   SET k += $props, k.year = $year, k.regionCode = r.code, k.version = 1
   CREATE (k)-[:FOR_REGION]->(r)
   RETURN ${kpiFields('k')} AS target, properties(k) AS after`,
);

// kpiTargetUpdate
export const kpiTargetUpdateQ = cypher(
  'kpiTargetUpdate',
  `MATCH (k:KpiTarget {id: $id})
   SET k += $props, k.version = coalesce(k.version, 0) + 1
   RETURN ${kpiFields('k')} AS target, properties(k) AS after`,
);

// kpiTargetDelete
export const kpiTargetDeleteQ = cypher(
  'kpiTargetDelete',
  `MATCH (k:KpiTarget {id: $id})
   DETACH DELETE k
   RETURN 1 AS removed`,
);

function one(rows: Record<string, unknown>[], id: string): Record<string, unknown> {
  const row = rows[0];
  if (!row) throw changedMeanwhile('KpiTarget', id);
  return row;
}

/** The id of the region's targets for the year, or null; undefined when there is no such region. */
export async function kpiTargetOf(
  tx: Tx,
  regionCode: string,
  year: number,
): Promise<string | null | undefined> {
  const [row] = await tx.run(kpiTargetOfRegionYearQ, { regionCode, year: int(year) });
  return row ? ((row.id as string | null) ?? null) : undefined;
}

export async function createKpiTargetNode(
  tx: Tx,
  p: { id: string; regionCode: string; year: number; props: Props },
): Promise<{ record: KpiTargetRecord; after: Props }> {
  const row = one(await tx.run(kpiTargetCreateQ, { ...p, year: int(p.year) }), p.id);
  return { record: KpiTargetModel.parse(row.target), after: row.after as Props };
}

export async function updateKpiTargetNode(
  tx: Tx,
  id: string,
  props: Props,
): Promise<{ record: KpiTargetRecord; after: Props }> {
  const row = one(await tx.run(kpiTargetUpdateQ, { id, props }), id);
  return { record: KpiTargetModel.parse(row.target), after: row.after as Props };
}

export async function deleteKpiTargetNode(tx: Tx, id: string): Promise<void> {
  one(await tx.run(kpiTargetDeleteQ, { id }), id);
}
