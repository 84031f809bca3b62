import { cypher, type Executor } from '@chainmap/graph';
import {
  RegionModel,
  regionFields,
  SourceZoneModel,
  sourceZoneFields,
  type RegionLevel,
} from './region.model.js';
import type { RegionRecord, SourceZoneRecord } from './region.model.js';

// Regions and source zones. The tree is walked through `WITHIN` (graph/README.md), one hop at a
// time; batch queries (`UNWIND $keys`) back the DataLoaders in core/loaders.ts.

// regionsByCode
export const regionsByCodeQ = cypher(
  'regionsByCode',
  `UNWIND $keys AS key
   MATCH (r:Region {code: key})
   RETURN key, ${regionFields('r')} AS value`,
);

// regionParents
export const regionParentsQ = cypher(
  'regionParents',
  `UNWIND $keys AS key
   MATCH (:Region {code: key})-[:WITHIN]->(p:Region)
   RETURN key, ${regionFields('p')} AS value`,
);

// regionChildren
export const regionChildrenQ = cypher(
  'regionChildren',
  `UNWIND $keys AS key
   MATCH (:Region {code: key})<-[:WITHIN]-(c:Region)
   WITH key, c ORDER BY c.code
   RETURN key, collect(${regionFields('c')}) AS values`,
);

// regionSourceZones
export const regionSourceZonesQ = cypher(
  'regionSourceZones',
  `UNWIND $keys AS key
   MATCH (:Region {code: key})-[:IN_ZONE]->(z:SourceZone)
   WITH key, z ORDER BY z.code
   RETURN key, collect(${sourceZoneFields('z')}) AS values`,
);

// sourceZonesByCode
export const sourceZonesByCodeQ = cypher(
  'sourceZonesByCode',
  `UNWIND $keys AS key
   MATCH (z:SourceZone {code: key})
   RETURN key, ${sourceZoneFields('z')} AS value`,
);

// sourceZoneMembers
export const sourceZoneMembersQ = cypher(
  'sourceZoneMembers',
  `UNWIND $keys AS key
   MATCH (:SourceZone {code: key})<-[:IN_ZONE]-(r:Region)
   WITH key, r ORDER BY r.code
   RETURN key, collect(${regionFields('r')}) AS values`,
);

// regionsAtLevel
export const regionsAtLevelQ = cypher(
  'regionsAtLevel',
  `MATCH (r:Region {level: $level})
   RETURN ${regionFields('r')} AS region
   ORDER BY r.code`,
);

// sourceZonesAll
export const sourceZonesAllQ = cypher(
  'sourceZonesAll',
  `MATCH (z:SourceZone)
   RETURN ${sourceZoneFields('z')} AS zone
   ORDER BY z.code`,
);

/** Every region of one level, in code order (the `region_level` index). */
export async function regionsAtLevel(executor: Executor, level: RegionLevel): Promise<RegionRecord[]> {
  const rows = await executor.read(regionsAtLevelQ, { level });
  return rows.map((r) => RegionModel.parse(r.region));
}

/** Every source zone, in code order. */
export async function allSourceZones(executor: Executor): Promise<SourceZoneRecord[]> {
  const rows = await executor.read(sourceZonesAllQ);
  return rows.map((r) => SourceZoneModel.parse(r.zone));
}
