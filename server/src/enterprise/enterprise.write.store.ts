import { cypher, type Tx } from '@chainmap/graph';
import { changedMeanwhile } from '../core/mutation.js';
import { EnterpriseModel, enterpriseFields, type EnterpriseRecord } from './enterprise.model.js';

// Writes of enterprises (企业), their place on links (OPERATES_IN) and their ties (SUPPLIES_TO,
// INVESTS_IN). An enterprise's LOCATED_IN and its denormalised regionCode/provinceCode/cityCode/
// countyCode are always written together, from the region's ancestry (graph/README.md).

type Props = Record<string, unknown>;

/** The denormalised location of a region: itself and its province, city and county. */
export interface Location {
  regionCode: string;
  provinceCode: string | null;
  cityCode: string | null;
  countyCode: string | null;
}

// regionLocation
export const regionLocationQ = cypher(
  'regionLocation',
  `MATCH (r:Region {code: $code})
   WITH r, [(r)-[:WITHIN*0..4]->(a:Region) | [a.level, a.code]] AS anc
   RETURN {
     regionCode: r.code,
     provinceCode: head([x IN anc WHERE x[0] = 'PROVINCE' | x[1]]),
     cityCode: head([x IN anc WHERE x[0] = 'CITY' | x[1]]),
     countyCode: head([x IN anc WHERE x[0] = 'COUNTY' | x[1]])
   } AS loc`,
);

// enterpriseKeyHolders: other firms already holding a stock or credit code.
export const enterpriseKeyHoldersQ = cypher(
  'enterpriseKeyHolders',
  `OPTIONAL MATCH (s:Enterprise {stockCode: $stockCode}) WHERE s.id <> $id
   OPTIONAL MATCH (c:Enterprise {creditCode: $creditCode}) WHERE c.id <> $id
   RETURN s.id AS stockCode, c.id AS creditCode`,
);

// enterpriseCreate
export const enterpriseCreateQ = cypher(
  'enterpriseCreate',
  `CREATE (e:Enterprise {id: $id})
   SET e += $props, e += $loc, e.synthetic = false, e.version = 1
   WITH e
   CALL (e) {
     MATCH (r:Region {code: $loc.regionCode})
     CREATE (e)-[:LOCATED_IN]->(r)
   }
   CALL (e) {
     MATCH (i:Industry {code: e.industryCode})
     CREATE (e)-[:IN_INDUSTRY]->(i)
   }
   RETURN ${enterpriseFields('e')} AS enterprise, properties(e) AS after`,
);

// enterpriseUpdate: properties; LOCATED_IN and the codes when `$setRegion`; IN_INDUSTRY when
// `$setIndustry`.
export const enterpriseUpdateQ = cypher(
  'enterpriseUpdate',
  `MATCH (e:Enterprise {id: $id})
   SET e += $props, e.version = coalesce(e.version, 0) + 1
   WITH e
   CALL (e) {
     WITH e WHERE $setRegion
     OPTIONAL MATCH (e)-[old:LOCATED_IN]->(:Region)
     DELETE old
     WITH DISTINCT e
     SET e.regionCode = $loc.regionCode, e.provinceCode = $loc.provinceCode,
         e.cityCode = $loc.cityCode, e.countyCode = $loc.countyCode
     WITH e
     MATCH (r:Region {code: $loc.regionCode})
     CREATE (e)-[:LOCATED_IN]->(r)
   }
   CALL (e) {
     WITH e WHERE $setIndustry
     OPTIONAL MATCH (e)-[old:IN_INDUSTRY]->(:Industry)
     DELETE old
     WITH DISTINCT e
     MATCH (i:Industry {code: e.industryCode})
     CREATE (e)-[:IN_INDUSTRY]->(i)
   }
   RETURN ${enterpriseFields('e')} AS enterprise, properties(e) AS after`,
);

// enterpriseProjectIds: projects by the firm (they stop its deletion).
export const enterpriseProjectIdsQ = cypher(
  'enterpriseProjectIds',
  `MATCH (:Enterprise {id: $id})<-[:BY]-(p:Project)
   RETURN p.id AS id ORDER BY id LIMIT 10`,
);

// enterpriseDelete: the firm with its location, links, ties and library entries.
export const enterpriseDeleteQ = cypher(
  'enterpriseDelete',
  `MATCH (e:Enterprise {id: $id})
   DETACH DELETE e
   RETURN 1 AS removed`,
);

// enterpriseAssign: MERGE the OPERATES_IN edge and set how it was assigned.
export const enterpriseAssignQ = cypher(
  'enterpriseAssign',
  `MATCH (e:Enterprise {id: $enterpriseId}), (l:Link {id: $linkId})
   MERGE (e)-[o:OPERATES_IN]->(l)
   ON CREATE SET o._created = true
   WITH e, o, CASE WHEN o._created IS NULL THEN properties(o) END AS before
   REMOVE o._created
   SET o.source = $source, o.confidence = $confidence
   RETURN ${enterpriseFields('e')} AS enterprise, before, properties(o) AS after`,
);

// enterpriseUnassign
export const enterpriseUnassignQ = cypher(
  'enterpriseUnassign',
  `MATCH (e:Enterprise {id: $enterpriseId})
   OPTIONAL MATCH (e)-[o:OPERATES_IN]->(:Link {id: $linkId})
   WITH e, o, properties(o) AS before
   DELETE o
   RETURN ${enterpriseFields('e')} AS enterprise, before`,
);

// A tie's type cannot be a parameter: one template per type.
const tieTemplates = (type: 'SUPPLIES_TO' | 'INVESTS_IN', suffix: string) => ({
  add: cypher(
    `enterpriseTieAdd${suffix}`,
    `MATCH (a:Enterprise {id: $fromId}), (b:Enterprise {id: $toId})
     MERGE (a)-[t:${type}]->(b)
     ON CREATE SET t._created = true, t.share = $share
     WITH a, t, t._created IS NOT NULL AS created
     REMOVE t._created
     RETURN created, ${enterpriseFields('a')} AS enterprise, properties(t) AS after`,
  ),
  update: cypher(
    `enterpriseTieUpdate${suffix}`,
    `MATCH (a:Enterprise {id: $fromId})
     OPTIONAL MATCH (a)-[t:${type}]->(:Enterprise {id: $toId})
     WITH a, t, properties(t) AS before
     SET t.share = $share
     RETURN ${enterpriseFields('a')} AS enterprise, before, properties(t) AS after`,
  ),
  remove: cypher(
    `enterpriseTieRemove${suffix}`,
    `MATCH (a:Enterprise {id: $fromId})
     OPTIONAL MATCH (a)-[t:${type}]->(:Enterprise {id: $toId})
     WITH a, t, properties(t) AS before
     DELETE t
     RETURN ${enterpriseFields('a')} AS enterprise, before`,
  ),
});

// enterpriseTieAdd/Update/Remove + SuppliesTo / InvestsIn
export const TIES = {
  SUPPLIES_TO: tieTemplates('SUPPLIES_TO', 'SuppliesTo'),
  INVESTS_IN: tieTemplates('INVESTS_IN', 'InvestsIn'),
};
export type TieType = keyof typeof TIES;

function one(rows: Record<string, unknown>[], id: string): Record<string, unknown> {
  const row = rows[0];
  if (!row) throw changedMeanwhile('Enterprise', id);
  return row;
}

export async function regionLocation(tx: Tx, code: string): Promise<Location | null> {
  const [row] = await tx.run(regionLocationQ, { code });
  return row ? (row.loc as Location) : null;
}

export async function keyHolders(
  tx: Tx,
  id: string,
  codes: { stockCode?: string | null; creditCode?: string | null },
): Promise<{ stockCode: string | null; creditCode: string | null }> {
  const [row] = await tx.run(enterpriseKeyHoldersQ, {
    id,
    stockCode: codes.stockCode ?? null,
    creditCode: codes.creditCode ?? null,
  });
  return {
    stockCode: (row?.stockCode as string | null) ?? null,
    creditCode: (row?.creditCode as string | null) ?? null,
  };
}

export interface Written {
  record: EnterpriseRecord;
  after: Props;
}

export async function createEnterpriseNode(
  tx: Tx,
  id: string,
  props: Props,
  loc: Location | null,
): Promise<Written> {
  const row = one(await tx.run(enterpriseCreateQ, { id, props, loc: loc ?? {} }), id);
  return { record: EnterpriseModel.parse(row.enterprise), after: row.after as Props };
}

export async function updateEnterpriseNode(
  tx: Tx,
  params: { id: string; props: Props; setRegion: boolean; loc: Location | null; setIndustry: boolean },
): Promise<Written> {
  const loc = params.loc ?? { regionCode: null, provinceCode: null, cityCode: null, countyCode: null };
  const row = one(await tx.run(enterpriseUpdateQ, { ...params, loc }), params.id);
  return { record: EnterpriseModel.parse(row.enterprise), after: row.after as Props };
}

export async function enterpriseProjectIds(tx: Tx, id: string): Promise<string[]> {
  const rows = await tx.run(enterpriseProjectIdsQ, { id });
  return rows.map((r) => r.id as string);
}

export async function deleteEnterpriseNode(tx: Tx, id: string): Promise<void> {
  one(await tx.run(enterpriseDeleteQ, { id }), id);
}

export async function assignEnterprise(
  tx: Tx,
  params: { enterpriseId: string; linkId: string; source: string; confidence: number },
): Promise<{ record: EnterpriseRecord; before: Props | null; after: Props }> {
  const row = one(await tx.run(enterpriseAssignQ, params), params.enterpriseId);
  return {
    record: EnterpriseModel.parse(row.enterprise),
    before: (row.before as Props | null) ?? null,
    after: row.after as Props,
  };
}

export async function unassignEnterprise(
  tx: Tx,
  params: { enterpriseId: string; linkId: string },
): Promise<{ record: EnterpriseRecord; before: Props | null }> {
  const row = one(await tx.run(enterpriseUnassignQ, params), params.enterpriseId);
  return { record: EnterpriseModel.parse(row.enterprise), before: (row.before as Props | null) ?? null };
}

interface TieParams {
  type: TieType;
  fromId: string;
  toId: string;
  share?: number | null;
}

export async function addTie(
  tx: Tx,
  p: TieParams,
): Promise<{ created: boolean; record: EnterpriseRecord; after: Props }> {
  const row = one(await tx.run(TIES[p.type].add, { ...p, share: p.share ?? null }), p.fromId);
  return {
    created: row.created as boolean,
    record: EnterpriseModel.parse(row.enterprise),
    after: row.after as Props,
  };
}

export async function updateTie(
  tx: Tx,
  p: TieParams,
): Promise<{ record: EnterpriseRecord; before: Props | null; after: Props | null }> {
  const row = one(await tx.run(TIES[p.type].update, { ...p, share: p.share ?? null }), p.fromId);
  return {
    record: EnterpriseModel.parse(row.enterprise),
    before: (row.before as Props | null) ?? null,
    after: (row.after as Props | null) ?? null,
  };
}

export async function removeTie(
  tx: Tx,
  p: TieParams,
): Promise<{ record: EnterpriseRecord; before: Props | null }> {
  const row = one(await tx.run(TIES[p.type].remove, { ...p }), p.fromId);
  return { record: EnterpriseModel.parse(row.enterprise), before: (row.before as Props | null) ?? null };
}
