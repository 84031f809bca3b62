import { cypher, type CypherQuery, type Executor, type Params } from '@chainmap/graph';
import neo4j from 'neo4j-driver';
import type { ZodType } from 'zod';
import { chainFields, linkFields } from '../chain/chain.model.js';
import { enterpriseFields } from '../enterprise/enterprise.model.js';
import { personFields, projectFields, taskForceFields } from '../pipeline/pipeline.model.js';
import { regionFields, type RegionLevel } from '../region/region.model.js';
import type { ScopeParam } from '../auth/auth.model.js';
import { inScope } from '../auth/scope.js';
import { LINK_DEPTH } from './engine.defaults.js';
import {
  CatalogRowModel,
  ConnectionRowModel,
  ChainShapeRowModel,
  LocalPresenceRowModel,
  ExtensionRowModel,
  HitDetailsRowModel,
  LinkChainRowModel,
  LinkFirmsRowModel,
  NationalRowModel,
  OrganisationRowModel,
  RegionCourtedRowModel,
  RegionTiesRowModel,
  type CatalogRow,
  type ConnectionRow,
  type ChainShapeRow,
  type LocalPresenceRow,
  type ExtensionRow,
  type HitDetailsRow,
  type LinkFirmsRow,
  type NationalRow,
  type RegionCourtedRow,
  type RegionTiesRow,
  type OrganisationRow,
} from './engine.model.js';

// The investment-map engine's Cypher (招商地图). Region filters go through the indexed,
// denormalised codes on Enterprise (graph/README.md), chosen by the region's level; a link's
// sub-links are followed through PART_OF (at most LINK_DEPTH levels); national per-link counts
// come from relationship degrees wherever a link has no sub-links.

/** The one row of a read, parsed (null when there is none), with the bookmark of its state. */
async function firstAt<T>(
  executor: Executor,
  query: CypherQuery,
  params: Params,
  model: ZodType<T>,
): Promise<{ value: T | null; bookmark: string }> {
  const { rows, bookmark } = await executor.readWithBookmark(query, params);
  return { value: rows[0] ? model.parse(rows[0]) : null, bookmark };
}

/** `$code` is one of the enterprise's location codes: the firm is in that region or within it. */
const inRegion = (e: string, code: string) =>
  `coalesce(${code} IN [${e}.provinceCode, ${e}.cityCode, ${e}.countyCode, ${e}.regionCode], false)`;

/** Every enterprise in region `r` or within it, by the index of the code for r's level. */
const LOCAL_FIRMS = `CALL (r) {
       WITH r WHERE r.level = 'PROVINCE' MATCH (e:Enterprise) WHERE e.provinceCode = r.code RETURN e
       UNION ALL
       WITH r WHERE r.level = 'CITY' MATCH (e:Enterprise) WHERE e.cityCode = r.code RETURN e
       UNION ALL
       WITH r WHERE r.level = 'COUNTY' MATCH (e:Enterprise) WHERE e.countyCode = r.code RETURN e
       UNION ALL
       WITH r WHERE r.level = 'ZONE' MATCH (e:Enterprise) WHERE e.regionCode = r.code RETURN e
     }`;

const isAnchor = (e: string) => `any(t IN coalesce(${e}.tags, []) WHERE t IN $anchorTags)`;

// chainShape: a chain's links and SUPPLIES edges, and the region asked about: small, and the
// first read of every engine request (its bookmark is the state the request works at).
export const chainShapeQ = cypher(
  'chainShape',
  `OPTIONAL MATCH (c:Chain {id: $chainId})
   OPTIONAL MATCH (r:Region {code: $regionCode})
   CALL (c) {
     MATCH (c)-[:HAS_LINK]->(l:Link)
     OPTIONAL MATCH (l)-[:PART_OF]->(p:Link)
     WITH l, p ORDER BY l.id
     RETURN collect({link: ${linkFields('l')}, parentId: p.id}) AS links
   }
   CALL (c) {
     MATCH (c)-[:HAS_LINK]->(a:Link)-[s:SUPPLIES]->(b:Link)<-[:HAS_LINK]-(c)
     WHERE NOT coalesce(s.allowCycle, false)
     WITH a, b ORDER BY a.id, b.id
     RETURN collect([a.id, b.id]) AS edges
   }
   RETURN ${chainFields('c')} AS chain, ${regionFields('r')} AS region, links, edges`,
);

/** A chain's structure and the region (both null when unknown), one round trip, with its bookmark. */
export async function readChainShape(
  executor: Executor,
  p: { chainId: string; regionCode: string },
): Promise<{ row: ChainShapeRow; bookmark: string }> {
  const { rows, bookmark } = await executor.readWithBookmark(chainShapeQ, p);
  return { row: ChainShapeRowModel.parse(rows[0]), bookmark };
}

// localPresence: a region's presence on a chain, per link (its firms and those of its
// sub-links). The national figures, which do not depend on the region, are `chainNational`'s.
// A local firm's links are matched to the chain by their denormalised `chainId`
// (graph/README.md): checking HAS_LINK instead made the planner try every link of the chain
// against every local firm.
export const localPresenceQ = cypher(
  'localPresence',
  `MATCH (c:Chain {id: $chainId})
   MATCH (r:Region {code: $regionCode})
   CALL (c, r) {
     ${LOCAL_FIRMS}
     MATCH (e)-[:OPERATES_IN]->(x:Link) WHERE x.chainId = c.id
     WITH e, collect(DISTINCT x) AS xs
     WITH collect({e: e, xs: xs}) AS firms
     CALL (firms) {
       UNWIND firms AS f
       UNWIND f.xs AS x
       MATCH (x)-[:PART_OF*0..${LINK_DEPTH}]->(l:Link)
       WITH DISTINCT f.e AS e, l
       WITH l, e, ${isAnchor('e')} AS anchor
       ORDER BY e.revenue IS NULL, e.revenue DESC, e.id
       WITH l, count(e) AS n, sum(CASE WHEN anchor THEN 1 ELSE 0 END) AS anchors,
            sum(e.revenue) AS revenue, count(e.revenue) AS known,
            collect(CASE WHEN anchor THEN ${enterpriseFields('e')} END) AS anchorList
       RETURN collect({id: l.id, count: n, anchors: anchors, revenue: CASE WHEN known > 0 THEN revenue END,
                       anchorList: anchorList[0..$anchorCap]}) AS local
     }
     RETURN size(firms) AS localTotal, local
   }
   RETURN localTotal, local`,
);

export interface PresenceParams {
  chainId: string;
  regionCode: string;
  anchorTags: readonly string[];
  anchorCap: number;
}

/** A region's presence on a chain, one round trip, with its bookmark; null when either is unknown. */
export async function readLocalPresence(
  executor: Executor,
  p: PresenceParams,
): Promise<{ value: LocalPresenceRow | null; bookmark: string }> {
  return firstAt(
    executor,
    localPresenceQ,
    { ...p, anchorCap: neo4j.int(p.anchorCap) },
    LocalPresenceRowModel,
  );
}

// linkChains: the chain of each link (its denormalised `chainId`), and with its bookmark the
// database state a count from the cached presence is taken at (countEnterprises).
export const linkChainsQ = cypher(
  'engineLinkChains',
  `UNWIND $linkIds AS id
   MATCH (l:Link {id: id})
   RETURN l.id AS id, l.chainId AS chainId`,
);

/** Each known link's chain (null for a link without one), one small round trip, with its bookmark. */
export async function readLinkChains(
  executor: Executor,
  linkIds: readonly string[],
): Promise<{ chains: Map<string, string | null>; bookmark: string }> {
  const { rows, bookmark } = await executor.readWithBookmark(linkChainsQ, { linkIds: [...linkIds] });
  const chains = new Map<string, string | null>();
  for (const row of rows) {
    const { id, chainId } = LinkChainRowModel.parse(row);
    chains.set(id, chainId);
  }
  return { chains, bookmark };
}

// chainNational: the national count of each link of a chain (the degree of its OPERATES_IN for
// a link without sub-links, read from the degree store; the distinct firms of its subtree for a
// parent) and the distinct firms of the whole chain.
export const chainNationalQ = cypher(
  'chainNational',
  `MATCH (c:Chain {id: $chainId})
   CALL (c) {
     MATCH (c)-[:HAS_LINK]->(l:Link)
     CALL (l) {
       WITH l WHERE NOT EXISTS { (l)<-[:PART_OF]-(:Link) }
       RETURN COUNT { (l)<-[:OPERATES_IN]-() } AS n
       UNION ALL
       WITH l WHERE EXISTS { (l)<-[:PART_OF]-(:Link) }
       MATCH (l)<-[:PART_OF*0..${LINK_DEPTH}]-(:Link)<-[:OPERATES_IN]-(e:Enterprise)
       WITH l, count(DISTINCT e) AS n
       RETURN n
     }
     WITH l, n ORDER BY l.id
     RETURN collect({id: l.id, count: n}) AS counts
   }
   CALL (c) {
     MATCH (c)-[:HAS_LINK]->(:Link)<-[:OPERATES_IN]-(e:Enterprise)
     RETURN count(DISTINCT e) AS total
   }
   RETURN counts, total`,
);

/** A chain's national figures (no region in them), one round trip, with its bookmark; null for an unknown chain. */
export async function readNational(
  executor: Executor,
  chainId: string,
): Promise<{ value: NationalRow | null; bookmark: string }> {
  return firstAt(executor, chainNationalQ, { chainId }, NationalRowModel);
}

// engineCatalog: every link with its parent, chain and name, every SUPPLIES edge between links
// (allowCycle ones too: supply fit counts them), and the members of every source zone. Small
// (the catalog has a few hundred links), region-free, cached by the service.
export const engineCatalogQ = cypher(
  'engineCatalog',
  `CALL () {
     MATCH (l:Link)
     OPTIONAL MATCH (l)-[:PART_OF]->(p:Link)
     WITH l, p ORDER BY l.id
     RETURN collect([l.id, p.id, l.chainId, l.name]) AS links
   }
   CALL () {
     MATCH (a:Link)-[:SUPPLIES]->(b:Link)
     WITH a, b ORDER BY a.id, b.id
     RETURN collect([a.id, b.id]) AS supplies
   }
   CALL () {
     MATCH (z:SourceZone)
     OPTIONAL MATCH (z)<-[:IN_ZONE]-(m:Region)
     WITH z, m ORDER BY z.code, m.code
     RETURN collect([z.code, z.name, m.code]) AS zoneMembers
   }
   RETURN links, supplies, zoneMembers`,
);

/** The link catalog, SUPPLIES edges and source zones, one round trip, with its bookmark. */
export async function readCatalog(executor: Executor): Promise<{ value: CatalogRow; bookmark: string }> {
  const { rows, bookmark } = await executor.readWithBookmark(engineCatalogQ);
  return { value: CatalogRowModel.parse(rows[0]), bookmark };
}

// linkFirms: the enterprises working directly in each of some links (anywhere), with what
// ranking them needs: tags, revenue, location codes and every link they work in. Column by
// column (one list per field, a firm at the same position in each): a chain's 100,000 firms
// arrive as a few lists, not 100,000 records, which the driver and the API decode far faster and
// in far less memory. `collect` drops nulls, so a missing revenue or code is collected as '' to
// keep the columns aligned; `links` is [] for a firm working in this link only (most of them).
export const linkFirmsQ = cypher(
  'linkFirms',
  `UNWIND $linkIds AS linkId
   OPTIONAL MATCH (l:Link {id: linkId})
   CALL (l) {
     MATCH (l)<-[:OPERATES_IN]-(e:Enterprise)
     WITH e, COUNT { (e)-[:OPERATES_IN]->(:Link) } AS degree
     RETURN collect(e.id) AS ids, collect(coalesce(e.tags, [])) AS tags,
            collect(coalesce(e.revenue, '')) AS revenue,
            collect(coalesce(e.provinceCode, '')) AS provinceCodes, collect(coalesce(e.cityCode, '')) AS cityCodes,
            collect(coalesce(e.countyCode, '')) AS countyCodes, collect(coalesce(e.regionCode, '')) AS regionCodes,
            collect(CASE WHEN degree > 1 THEN [(e)-[:OPERATES_IN]->(x:Link) | x.id] ELSE [] END) AS links
   }
   RETURN linkId, l.chainId AS chainId, ids, tags, revenue, provinceCodes, cityCodes, countyCodes, regionCodes, links`,
);

/** The firms of each link, one round trip, with its bookmark. */
export async function readLinkFirms(
  executor: Executor,
  linkIds: readonly string[],
): Promise<{ value: LinkFirmsRow[]; bookmark: string }> {
  const { rows, bookmark } = await executor.readWithBookmark(linkFirmsQ, { linkIds });
  return { value: rows.map((r) => LinkFirmsRowModel.parse(r)), bookmark };
}

// regionTies: for a region (and every region within it), how many of its firms each enterprise
// has a SUPPLIES_TO / INVESTS_IN tie with (either direction; only enterprises with at least one).
// Read from enterprises alone, so kept apart from the courted firms, which every library entry
// or project move changes.
export const regionTiesQ = cypher(
  'regionTies',
  `MATCH (r:Region {code: $regionCode})
   CALL (r) {
     ${LOCAL_FIRMS}
     MATCH (e)-[:SUPPLIES_TO|INVESTS_IN]-(n:Enterprise)
     WHERE n <> e
     WITH n, count(DISTINCT e) AS k
     RETURN collect([n.id, k]) AS ties
   }
   RETURN ties`,
);

/** A region's tie counts, one round trip, with its bookmark; null for an unknown region. */
export async function readRegionTies(
  executor: Executor,
  regionCode: string,
): Promise<{ value: RegionTiesRow | null; bookmark: string }> {
  return firstAt(executor, regionTiesQ, { regionCode }, RegionTiesRowModel);
}

// regionCourted: the firms a region's target libraries include and its active projects are by
// (the region and every region within it), as far as the viewer's scope ($scope) lets them see
// those libraries and projects.
export const regionCourtedQ = cypher(
  'regionCourted',
  `MATCH (r:Region {code: $regionCode})
   CALL (r) {
     MATCH (r)<-[:WITHIN*0..4]-(w:Region)
     RETURN collect(w) AS within
   }
   CALL (within) {
     UNWIND within AS w
     MATCH (w)<-[:FOR_REGION]-(:TaskForce)-[:OWNS]->(lib:TargetLibrary)-[:INCLUDES]->(e:Enterprise)
     WHERE ${inScope.targetLibrary('lib')}
     RETURN collect(DISTINCT e.id) AS library
   }
   CALL (within) {
     UNWIND within AS w
     MATCH (w)<-[:IN_REGION]-(p:Project)-[:BY]->(e:Enterprise)
     WHERE coalesce(p.stage, '') <> 'TERMINATED' AND ${inScope.project('p')}
     RETURN collect(DISTINCT e.id) AS projects
   }
   RETURN library, projects`,
);

/** The firms a region courts, as the viewer may see them, one round trip, with its bookmark; null for an unknown region. */
export async function readRegionCourted(
  executor: Executor,
  scope: ScopeParam,
  regionCode: string,
): Promise<{ value: RegionCourtedRow | null; bookmark: string }> {
  return firstAt(executor, regionCourtedQ, { regionCode, scope }, RegionCourtedRowModel);
}

// hitDetails: the records of the enterprises listed as targets, each with the names of the
// region's firms it has a tie with (ordered by their id), for the explanation.
export const hitDetailsQ = cypher(
  'hitDetails',
  `UNWIND $ids AS id
   MATCH (e:Enterprise {id: id})
   RETURN ${enterpriseFields('e')} AS enterprise,
          COLLECT { MATCH (e)-[:SUPPLIES_TO|INVESTS_IN]-(n:Enterprise)
                    WHERE n <> e AND ${inRegion('n', '$regionCode')}
                    WITH DISTINCT n ORDER BY n.id RETURN n.name } AS ties`,
);

/** Records and tie names of some enterprises, one round trip; a firm deleted meanwhile is left out. */
export async function readHitDetails(
  executor: Executor,
  p: { ids: readonly string[]; regionCode: string },
): Promise<HitDetailsRow[]> {
  if (p.ids.length === 0) return [];
  const rows = await executor.read(hitDetailsQ, { ...p });
  return rows.map((r) => HitDetailsRowModel.parse(r));
}

/** The enterprise property that places a firm in a region of each level (the unit of 延链 relatedness). */
export const UNIT_PROPERTY: Readonly<Record<RegionLevel, string>> = {
  PROVINCE: 'provinceCode',
  CITY: 'cityCode',
  COUNTY: 'countyCode',
  ZONE: 'regionCode',
};

const extensionTemplates = new Map<RegionLevel, CypherQuery>();

/**
 * extensionOptions[LEVEL]: links SUPPLIES-adjacent to the region's strong links, outside the
 * chain or missing in it, each with the regions (of the region's level) that have it, and for
 * each strong link the other regions strong in it (≥ $strongMinCount firms or an anchor).
 */
export function extensionTemplate(level: RegionLevel): CypherQuery {
  let q = extensionTemplates.get(level);
  if (q) return q;
  const unit = `e.${UNIT_PROPERTY[level]}`;
  q = cypher(
    `extensionOptions[${level}]`,
    `CALL () {
       UNWIND $strongLinkIds AS sid
       MATCH (:Link {id: sid})<-[:PART_OF*0..${LINK_DEPTH}]-(:Link)<-[:OPERATES_IN]-(e:Enterprise)
       WHERE ${unit} IS NOT NULL AND ${unit} <> $regionCode
       WITH DISTINCT sid, e
       WITH sid, ${unit} AS unit, count(e) AS n, max(CASE WHEN ${isAnchor('e')} THEN 1 ELSE 0 END) AS anchored
       WHERE n >= $strongMinCount OR anchored = 1
       RETURN collect([sid, unit]) AS strongUnits
     }
     UNWIND $strongLinkIds AS sid
     MATCH (:Link {id: sid})-[:SUPPLIES]-(x:Link)
     WHERE x.id <> sid AND (NOT x.id IN $chainLinkIds OR x.id IN $missingLinkIds)
     WITH strongUnits, x, collect(DISTINCT sid) AS touched
     CALL (x) {
       OPTIONAL MATCH (x)<-[:HAS_LINK]-(xc:Chain)
       RETURN ${chainFields('xc')} AS chain LIMIT 1
     }
     CALL (x) {
       OPTIONAL MATCH (x)<-[:PART_OF*0..${LINK_DEPTH}]-(:Link)<-[:OPERATES_IN]-(e:Enterprise)
       WITH DISTINCT e
       RETURN count(e) AS national,
              sum(CASE WHEN ${inRegion('e', '$regionCode')} THEN 1 ELSE 0 END) AS localCount,
              collect(DISTINCT ${unit}) AS units
     }
     RETURN ${linkFields('x')} AS link, chain, touched, national, localCount, units,
            [u IN strongUnits WHERE u[0] IN touched] AS strongUnits
     ORDER BY x.id`,
  );
  extensionTemplates.set(level, q);
  return q;
}

export interface ExtensionParams {
  regionCode: string;
  strongLinkIds: readonly string[];
  chainLinkIds: readonly string[];
  missingLinkIds: readonly string[];
  strongMinCount: number;
  anchorTags: readonly string[];
}

/** 延链 options next to the region's strong links, one round trip. */
export async function readExtension(
  executor: Executor,
  level: RegionLevel,
  p: ExtensionParams,
): Promise<ExtensionRow[]> {
  if (p.strongLinkIds.length === 0) return [];
  const rows = await executor.read(extensionTemplate(level), {
    ...p,
    strongMinCount: neo4j.int(p.strongMinCount),
  });
  return rows.map((r) => ExtensionRowModel.parse(r));
}

const connectionTemplates = new Map<number, CypherQuery>();

/**
 * connectionPaths[h]: every shortest SUPPLIES_TO / INVESTS_IN path (either direction, at most h
 * hops) from one enterprise to each firm in the region, shortest first, then by target id and by
 * the ids along the path, so the first path per target is a stable choice.
 */
export function connectionTemplate(maxHops: number): CypherQuery {
  let q = connectionTemplates.get(maxHops);
  if (q) return q;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 3) throw new RangeError(`maxHops ${maxHops}`);
  q = cypher(
    `connectionPaths[${maxHops}]`,
    `MATCH (a:Enterprise {id: $enterpriseId})
     OPTIONAL MATCH (r:Region {code: $regionCode})
     CALL (a) {
       MATCH p = ALL SHORTEST (a)-[:SUPPLIES_TO|INVESTS_IN]-{1,${maxHops}}(b:Enterprise)
       WHERE b <> a AND ${inRegion('b', '$regionCode')}
       WITH p, b, length(p) AS hops, [n IN nodes(p) | n.id] AS ids, [t IN relationships(p) | type(t)] AS types
       ORDER BY hops, b.id, ids, types
       LIMIT $rowLimit
       RETURN collect({
         target: b.id, hops: hops,
         nodes: [n IN nodes(p) | ${enterpriseFields('n')}],
         steps: [t IN relationships(p) | {type: type(t), from: startNode(t).id, to: endNode(t).id, share: t.share}]
       }) AS paths
     }
     RETURN a.id AS id, r IS NOT NULL AS regionFound, paths`,
  );
  connectionTemplates.set(maxHops, q);
  return q;
}

/** Shortest tie paths from an enterprise into a region; null when the enterprise is unknown. */
export async function readConnections(
  executor: Executor,
  p: { enterpriseId: string; regionCode: string; maxHops: number; rowLimit: number },
): Promise<ConnectionRow | null> {
  const [row] = await executor.read(connectionTemplate(p.maxHops), {
    enterpriseId: p.enterpriseId,
    regionCode: p.regionCode,
    rowLimit: neo4j.int(p.rowLimit),
  });
  return row ? ConnectionRowModel.parse(row) : null;
}

// mapOrganisation: 谁来招. The task forces for the chain in the region or within it, with their
// chain leader, lead department and counts; the target libraries' distinct firms; the projects
// in the region (or within it) that fill a link of the chain or are handled by its task force.
export const mapOrganisationQ = cypher(
  'mapOrganisation',
  `OPTIONAL MATCH (c:Chain {id: $chainId})
   OPTIONAL MATCH (r:Region {code: $regionCode})
   CALL (r) {
     MATCH (r)<-[:WITHIN*0..4]-(w:Region)
     RETURN collect(w) AS within
   }
   CALL (c, within) {
     MATCH (c)<-[:FOR_CHAIN]-(t:TaskForce)-[:FOR_REGION]->(w:Region) WHERE w IN within AND ${inScope.taskForce('t')}
     OPTIONAL MATCH (t)<-[:LEADS]-(p:Person)
     WITH t, w, p ORDER BY p.id
     WITH t, w, collect(p)[0] AS leader
     ORDER BY t.name, t.id
     RETURN collect({
       taskForce: ${taskForceFields('t')}, region: ${regionFields('w')}, leader: ${personFields('leader')},
       members: COUNT { (t)<-[:MEMBER_OF]-(:Person) },
       libraries: COUNT { (t)-[:OWNS]->(:TargetLibrary) },
       targets: size(COLLECT { MATCH (t)-[:OWNS]->(:TargetLibrary)-[:INCLUDES]->(e:Enterprise) RETURN DISTINCT e.id })
     }) AS taskForces
   }
   CALL (c, within) {
     MATCH (c)<-[:FOR_CHAIN]-(t:TaskForce)-[:FOR_REGION]->(w:Region) WHERE w IN within AND ${inScope.taskForce('t')}
     MATCH (t)-[:OWNS]->(:TargetLibrary)-[:INCLUDES]->(e:Enterprise)
     RETURN count(DISTINCT e) AS targetCount
   }
   CALL (c, within) {
     UNWIND within AS w
     MATCH (w)<-[:IN_REGION]-(p:Project)
     WHERE (EXISTS { (p)-[:FILLS]->(:Link)<-[:HAS_LINK]-(c) } OR EXISTS { (p)-[:HANDLED_BY]->(:TaskForce)-[:FOR_CHAIN]->(c) })
       AND ${inScope.project('p')}
     OPTIONAL MATCH (p)-[:BY]->(e:Enterprise)
     WITH p, w, e ORDER BY p.stageOn IS NULL, p.stageOn DESC, p.id
     RETURN collect({
       project: ${projectFields('p')}, region: ${regionFields('w')}, enterprise: ${enterpriseFields('e')},
       links: COLLECT { MATCH (p)-[:FILLS]->(l:Link) WITH l ORDER BY l.id RETURN ${linkFields('l')} AS link }
     }) AS projects
   }
   RETURN c IS NOT NULL AS chainFound, r IS NOT NULL AS regionFound, taskForces, targetCount, projects`,
);

/** 谁来招 for a chain in a region, one round trip. */
export async function readOrganisation(
  executor: Executor,
  scope: ScopeParam,
  p: { chainId: string; regionCode: string },
): Promise<OrganisationRow> {
  const [row] = await executor.read(mapOrganisationQ, { ...p, scope });
  return OrganisationRowModel.parse(row);
}
