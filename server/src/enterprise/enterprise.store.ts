import { cypher, type CypherQuery, type Executor } from '@chainmap/graph';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { linkFields, stageRank } from '../chain/chain.model.js';
import { compiled } from '../core/models.js';
import type { CursorValue } from '../core/relay.js';
import { RegionModel, regionFields, type RegionRecord } from '../region/region.model.js';
import {
  EnterpriseListModel,
  EnterpriseModel,
  enterpriseFields,
  enterpriseList,
  type EnterpriseRecord,
} from './enterprise.model.js';

// Enterprises (企业) and their ties: OPERATES_IN links, SUPPLIES_TO and INVESTS_IN other firms.

// enterprisesById
export const enterprisesByIdQ = cypher(
  'enterprisesById',
  `UNWIND $keys AS key
   MATCH (e:Enterprise {id: key})
   RETURN key, ${enterpriseFields('e')} AS value`,
);

// enterpriseLinks: the links an enterprise works in, most confident assignment first.
export const enterpriseLinksQ = cypher(
  'enterpriseLinks',
  `UNWIND $keys AS key
   MATCH (:Enterprise {id: key})-[o:OPERATES_IN]->(l:Link)
   WITH key, o, l ORDER BY o.confidence DESC, ${stageRank('l')}, l.name, l.id
   RETURN key, collect({link: ${linkFields('l')}, source: o.source, confidence: o.confidence}) AS values`,
);

/** Most neighbours a relation field lists per enterprise (by name); enough for any real firm. */
export const RELATION_CAP = 500;

// enterpriseSuppliers: firms that supply this one (SUPPLIES_TO it).
export const enterpriseSuppliersQ = cypher(
  'enterpriseSuppliers',
  `UNWIND $keys AS key
   MATCH (e:Enterprise {id: key})
   CALL (e) {
     MATCH (e)<-[:SUPPLIES_TO]-(s:Enterprise)
     RETURN s ORDER BY s.name, s.id LIMIT ${RELATION_CAP}
   }
   RETURN key, collect(${enterpriseFields('s')}) AS values`,
);

// enterpriseCustomers: firms this one supplies.
export const enterpriseCustomersQ = cypher(
  'enterpriseCustomers',
  `UNWIND $keys AS key
   MATCH (e:Enterprise {id: key})
   CALL (e) {
     MATCH (e)-[:SUPPLIES_TO]->(c:Enterprise)
     RETURN c ORDER BY c.name, c.id LIMIT ${RELATION_CAP}
   }
   RETURN key, collect(${enterpriseFields('c')}) AS values`,
);

// enterpriseInvestments: firms this one invests in, with its share.
export const enterpriseInvestmentsQ = cypher(
  'enterpriseInvestments',
  `UNWIND $keys AS key
   MATCH (e:Enterprise {id: key})
   CALL (e) {
     MATCH (e)-[i:INVESTS_IN]->(t:Enterprise)
     RETURN i, t ORDER BY i.share DESC, t.name, t.id LIMIT ${RELATION_CAP}
   }
   RETURN key, collect({enterprise: ${enterpriseFields('t')}, share: i.share}) AS values`,
);

// enterpriseInvestors: firms that invest in this one, with their share.
export const enterpriseInvestorsQ = cypher(
  'enterpriseInvestors',
  `UNWIND $keys AS key
   MATCH (e:Enterprise {id: key})
   CALL (e) {
     MATCH (e)<-[i:INVESTS_IN]-(s:Enterprise)
     RETURN i, s ORDER BY i.share DESC, s.name, s.id LIMIT ${RELATION_CAP}
   }
   RETURN key, collect({enterprise: ${enterpriseFields('s')}, share: i.share}) AS values`,
);

// enterpriseByStockCode
export const enterpriseByStockCodeQ = cypher(
  'enterpriseByStockCode',
  `MATCH (e:Enterprise {stockCode: $stockCode})
   RETURN ${enterpriseFields('e')} AS enterprise`,
);

/** The listed company with this (normalised) stock code, e.g. `600373.SH`. */
export async function enterpriseByStockCode(
  executor: Executor,
  stockCode: string,
): Promise<EnterpriseRecord | null> {
  const [row] = await executor.read(enterpriseByStockCodeQ, { stockCode });
  return row ? EnterpriseModel.parse(row.enterprise) : null;
}

// ---------------------------------------------------------------------------------------------
// Filtered lists: the enterprise connections (root `enterprises`, `Region.enterprises`,
// `Link.enterprises`).
//
// A filter is answered by starting from the most selective index the filter allows, then
// checking the rest row by row:
//   text   → the `name_search` full-text index (cjk bigrams)
//   link   → the link and its sub-links (`PART_OF`), then their `OPERATES_IN` firms
//   chain  → the chain's links (`HAS_LINK`), then their firms
//   region → one index seek on the denormalised code property that matches the region's level
//            (provinceCode, cityCode, countyCode, or regionCode for a zone): never a walk
//   link|region, chain|region → whichever of the two sides has fewer firms, decided per query
//            from degrees alone (the LOCATED_IN degrees of the region and the regions within it;
//            the OPERATES_IN degrees of the links): a county's firms checked for the link, or a
//            link's firms checked for the province. Either way the answer is the same.
//   all    → every enterprise; ordered by name or id it reads the range index in order
// A region is checked row by row on the one code property of its level, never on all four.
// Each shape of filter and ordering is its own named template (`enterprisePage[…]`), composed
// from the fixed fragments below and cached: values only ever travel as parameters. Queries are
// batched: one `UNWIND $keys AS q` runs every connection of a request that has the same shape.
// Counts of several links in one region (a chain's links counted in a province) are one pass
// over the region's firms when that side is the smaller (regionLinkCounts).

export type OrderField = 'NAME' | 'REVENUE' | 'ID';
export type OrderDirection = 'ASC' | 'DESC';

/** A normalised enterprise filter, as the service builds it from GraphQL arguments. */
export interface EnterpriseQuery {
  /** Region code: the region and every region within it. */
  regionCode: string | null;
  /** Link id: the link and its sub-links. */
  linkId: string | null;
  chainId: string | null;
  /** Every one of these tags. */
  tags: string[] | null;
  revenueMin: number | null;
  revenueMax: number | null;
  /** A Lucene query over `name_search` (see search/lucene.ts), already escaped. */
  lucene: string | null;
}

/** One page of a connection: the filter, its order, the keyset position and the page size. */
export interface EnterprisePageQuery extends EnterpriseQuery {
  order: { field: OrderField; direction: OrderDirection };
  after: CursorValue | null;
  /** Rows to fetch: the page size plus one, to know whether another page follows. */
  limit: number;
  /**
   * The region codes of the page's firms to return with it (the client selected `region`,
   * `province`…), so the region loader needs no round trip of its own. Empty or absent: none.
   */
  regions?: readonly RegionCodeField[];
}

/** An enterprise's denormalised region codes (graph/README.md). */
export type RegionCodeField = 'regionCode' | 'provinceCode' | 'cityCode' | 'countyCode';

/** One page's firms, and the regions asked of them ({@link EnterprisePageQuery.regions}). */
export interface EnterprisePage {
  rows: EnterpriseRecord[];
  regions: RegionRecord[];
}

type Anchor = 'text' | 'link' | 'chain' | 'region' | 'link|region' | 'chain|region' | 'all';
type Residual = 'region' | 'link' | 'chain' | 'tags' | 'revenueMin' | 'revenueMax';

interface Shape {
  anchor: Anchor;
  residual: Residual[];
}

function shapeOf(q: EnterpriseQuery): Shape {
  const anchor: Anchor = q.lucene
    ? 'text'
    : q.linkId
      ? q.regionCode
        ? 'link|region'
        : 'link'
      : q.chainId
        ? q.regionCode
          ? 'chain|region'
          : 'chain'
        : q.regionCode
          ? 'region'
          : 'all';
  const answers = anchor.split('|');
  const residual: Residual[] = [];
  if (q.regionCode && !answers.includes('region')) residual.push('region');
  if (q.linkId && !answers.includes('link')) residual.push('link');
  if (q.chainId && !answers.includes('chain')) residual.push('chain');
  if (q.tags && q.tags.length > 0) residual.push('tags');
  if (q.revenueMin != null) residual.push('revenueMin');
  if (q.revenueMax != null) residual.push('revenueMax');
  return { anchor, residual };
}

/** The denormalised code property that holds a region of each level (graph/README.md). */
const LEVEL_CODE = {
  PROVINCE: 'provinceCode',
  CITY: 'cityCode',
  COUNTY: 'countyCode',
  ZONE: 'regionCode',
} as const;

/** `e`'s code at the level of `r` (`level`, read once): reads that one property only. */
const codeAtLevel = `CASE level ${Object.entries(LEVEL_CODE)
  .map(([level, prop]) => `WHEN '${level}' THEN e.${prop}`)
  .join(' ')} END`;

/**
 * The firms of region `r`, one index seek on its level's property, as `UNION ALL` branches of a
 * `CALL` subquery importing `imports`; `check` adds conditions after the seek, `tail` is what
 * each branch does with its firms `e` (returns them, or aggregates them in the branch, so that
 * a large region's firms need not pass through the union). Every branch seeks, but on null
 * (which matches nothing) unless `when` holds and `r` is of its level: a `WHERE` on the level
 * would do, were the planner not free to test it after the seek.
 */
function regionBranches(imports: string, when: string, check: string, tail = 'RETURN e'): string {
  return Object.entries(LEVEL_CODE)
    .map(
      ([level, prop]) =>
        `WITH ${imports} MATCH (e:Enterprise) WHERE e.${prop} = CASE WHEN ${when}level = '${level}' THEN r.code END${check} ${tail}`,
    )
    .join('\n     UNION ALL\n     ');
}

/**
 * The smaller of a region's firms and the firms of the links in `side` (a list of links):
 * sizes from degrees (no firm is read), then the region's index checked for the links, or the
 * links' firms checked for the region.
 */
function regionOrLinks(side: string, carry: string): string {
  return `CALL (r) {
     MATCH (r)<-[:WITHIN*0..3]-(x:Region)
     RETURN sum(COUNT { (x)<-[:LOCATED_IN]-() }) AS regionSize
   }
   CALL (${side}) {
     UNWIND ${side} AS l
     RETURN sum(COUNT { (l)<-[:OPERATES_IN]-() }) AS sideSize
   }
   CALL (r, level, ${side}, regionSize, sideSize) {
     ${regionBranches(`r, level, ${side}, regionSize, sideSize`, 'regionSize <= sideSize AND ', ` AND EXISTS { (e)-[:OPERATES_IN]->(x) WHERE x IN ${side} }`)}
     UNION ALL
     WITH r, level, ${side}, regionSize, sideSize WHERE regionSize > sideSize
     UNWIND ${side} AS l MATCH (l)<-[:OPERATES_IN]-(e:Enterprise) WHERE ${codeAtLevel} = r.code
     RETURN DISTINCT e
   }
   WITH ${carry}`;
}

/**
 * Rows `(q, e)`, one per enterprise the anchor yields (distinct), ending where a `WHERE` may
 * follow; `carry` is what later clauses need in scope. The `always` conditions belong to the
 * anchor itself.
 */
const ANCHORS: Record<Anchor, { cypher: (carry: string) => string; always: string[] }> = {
  text: {
    cypher: () => `CALL db.index.fulltext.queryNodes('name_search', q.lucene) YIELD node AS e`,
    always: ['e:Enterprise'],
  },
  link: {
    cypher: (carry) => `MATCH (:Link {id: q.linkId})<-[:PART_OF*0..4]-(:Link)<-[:OPERATES_IN]-(e:Enterprise)
   WITH DISTINCT ${carry}`,
    always: [],
  },
  chain: {
    cypher: (carry) => `MATCH (:Chain {id: q.chainId})-[:HAS_LINK]->(:Link)<-[:OPERATES_IN]-(e:Enterprise)
   WITH DISTINCT ${carry}`,
    always: [],
  },
  region: {
    cypher: (carry) => `CALL (r, level) {
     ${regionBranches('r, level', '', '')}
   }
   WITH ${carry}`,
    always: [],
  },
  'link|region': { cypher: (carry) => regionOrLinks('links', carry), always: [] },
  'chain|region': { cypher: (carry) => regionOrLinks('chainLinks', carry), always: [] },
  all: { cypher: () => `MATCH (e:Enterprise)`, always: [] },
};

/** The link filter needs the link's subtree first (`PART_OF`, at most four levels deep). */
const LINK_SUBTREE = `CALL (q) {
     OPTIONAL MATCH (:Link {id: q.linkId})<-[:PART_OF*0..4]-(s:Link)
     RETURN collect(s) AS links
   }`;

/** The chain's links, when the chain is weighed against a region. */
const CHAIN_LINKS = `CALL (q) {
     OPTIONAL MATCH (:Chain {id: q.chainId})-[:HAS_LINK]->(s:Link)
     RETURN collect(s) AS chainLinks
   }`;

/** The region filter's node, whose level says which code property to compare. */
const REGION = `MATCH (r:Region {code: q.regionCode})
   WITH *, r.level AS level`;

/** Row-by-row checks on `e`, one per filter the anchor did not answer. */
const RESIDUALS: Record<Residual, string> = {
  region: `${codeAtLevel} = r.code`,
  link: `EXISTS { (e)-[:OPERATES_IN]->(x) WHERE x IN links }`,
  chain: `EXISTS { MATCH (e)-[:OPERATES_IN]->(:Link)<-[:HAS_LINK]-(:Chain {id: q.chainId}) }`,
  tags: `all(t IN q.tags WHERE t IN e.tags)`,
  revenueMin: `e.revenue >= q.revenueMin`,
  revenueMax: `e.revenue <= q.revenueMax`,
};

/**
 * Keyset conditions: rows strictly after the cursor `(q.afterV, q.afterId)` in the page's
 * order; ties on the sort value are broken by id. Enterprises without revenue sort last both
 * ways.
 */
function keyset(field: OrderField, dir: OrderDirection): string {
  const op = dir === 'ASC' ? '>' : '<';
  switch (field) {
    case 'ID':
      return `e.id ${op} q.afterId`;
    case 'NAME':
      return `e.name ${op}= q.afterV AND (e.name ${op} q.afterV OR e.id ${op} q.afterId)`;
    case 'REVENUE':
      return `((q.afterV IS NULL AND e.revenue IS NULL AND e.id ${op} q.afterId)
        OR (q.afterV IS NOT NULL AND (e.revenue IS NULL OR e.revenue ${op} q.afterV
            OR (e.revenue = q.afterV AND e.id ${op} q.afterId))))`;
  }
}

function orderBy(field: OrderField, dir: OrderDirection): string {
  switch (field) {
    case 'ID':
      return `e.id ${dir}`;
    case 'NAME':
      return `e.name ${dir}, e.id ${dir}`;
    case 'REVENUE':
      return `e.revenue IS NULL, e.revenue ${dir}, e.id ${dir}`;
  }
}

function matchClause(shape: Shape, extra: string[]): string {
  const anchor = ANCHORS[shape.anchor];
  const needsLinks = shape.residual.includes('link') || shape.anchor === 'link|region';
  const needsChainLinks = shape.anchor === 'chain|region';
  const needsRegion = shape.residual.includes('region') || shape.anchor.includes('region');
  const carry = ['q', needsLinks && 'links', shape.residual.includes('region') && 'r, level', 'e']
    .filter(Boolean)
    .join(', ');
  const conds = [...anchor.always, ...shape.residual.map((r) => RESIDUALS[r]), ...extra];
  return [
    needsLinks ? LINK_SUBTREE : '',
    needsChainLinks ? CHAIN_LINKS : '',
    needsRegion ? REGION : '',
    anchor.cypher(carry),
    conds.length ? `WHERE ${conds.join('\n     AND ')}` : '',
  ]
    .filter(Boolean)
    .join('\n   ');
}

const templates = new Map<string, CypherQuery>();

function memo(name: string, build: () => string): CypherQuery {
  let q = templates.get(name);
  if (!q) templates.set(name, (q = cypher(name, build())));
  return q;
}

/** The named template that answers one page of `q`'s shape (exported for the snapshot test). */
export function pageTemplate(q: EnterprisePageQuery): CypherQuery {
  const shape = shapeOf(q);
  const { field, direction } = q.order;
  const after = q.after != null;
  const regions = (q.regions?.length ?? 0) > 0;
  const name = `enterprisePage[${shape.anchor}${shape.residual.map((r) => `+${r}`).join('')};${field}_${direction}${after ? ';after' : ''}${regions ? ';regions' : ''}]`;
  return memo(name, () => {
    // Without a cursor, `IS NOT NULL` on the sort property lets the planner read its range
    // index in order and stop after the page.
    const extra = after
      ? [keyset(field, direction)]
      : shape.anchor === 'all' && field !== 'REVENUE'
        ? [`e.${field.toLowerCase()} IS NOT NULL`]
        : [];
    if (!regions) {
      return `UNWIND $keys AS q
   CALL (q) {
   ${matchClause(shape, extra)}
   WITH e ORDER BY ${orderBy(field, direction)}
   LIMIT $limit
   RETURN collect(${enterpriseList('e')}) AS values
   }
   RETURN q.i AS i, values`;
    }
    // The page's distinct region codes of the asked kinds (q.regionProps), one seek each.
    return `UNWIND $keys AS q
   CALL (q) {
   ${matchClause(shape, extra)}
   WITH e ORDER BY ${orderBy(field, direction)}
   LIMIT $limit
   WITH collect(e) AS page
   CALL (q, page) {
     UNWIND page AS e
     UNWIND q.regionProps AS prop
     WITH DISTINCT e[prop] AS code
     MATCH (reg:Region {code: code})
     RETURN collect(${regionFields('reg')}) AS regions
   }
   RETURN [e IN page | ${enterpriseList('e')}] AS values, regions
   }
   RETURN q.i AS i, values, regions`;
  });
}

/** The named template that counts everything matching `q`'s shape. */
export function countTemplate(q: EnterpriseQuery): CypherQuery {
  const shape = shapeOf(q);
  const name = `enterpriseCount[${shape.anchor}${shape.residual.map((r) => `+${r}`).join('')}]`;
  return memo(
    name,
    () => `UNWIND $keys AS q
   CALL (q) {
   ${matchClause(shape, [])}
   RETURN count(e) AS total
   }
   RETURN q.i AS i, total`,
  );
}

/**
 * Counts, in one region, of the firms of many links (each with its sub-links), as when a chain's
 * links are each counted in a province. Sizes come from degrees first (no firm is read): when
 * reading the region's firms once is no dearer than checking each link's firms for the region,
 * one pass takes the region's firms (one index seek), keeps those working in an asked link's
 * subtree, goes up `PART_OF` (at most four levels) to the asked links and counts distinct firms
 * per asked link; otherwise each
 * link's firms are checked for the region. Links without firms there have no row.
 */
export const regionLinkCountsQ = cypher(
  'regionLinkCounts',
  `UNWIND $keys AS q
   CALL (q) {
   MATCH (r:Region {code: q.regionCode})
   WITH q, r, r.level AS level
   CALL (r) {
     MATCH (r)<-[:WITHIN*0..3]-(x:Region)
     RETURN sum(COUNT { (x)<-[:LOCATED_IN]-() }) AS regionSize
   }
   CALL (q, regionSize) {
     UNWIND q.linkIds AS id
     MATCH (l:Link {id: id})
     CALL (l) {
       MATCH (l)<-[:PART_OF*0..4]-(s:Link)
       RETURN sum(COUNT { (s)<-[:OPERATES_IN]-() }) AS size, collect(s) AS subs
     }
     RETURN collect(l) AS asked,
       reduce(all = [], s IN collect(subs) | all + s) AS subs,
       sum(CASE WHEN size < regionSize THEN size ELSE regionSize END) AS linkFirst
   }
   CALL (r, level, asked, subs, regionSize, linkFirst) {
     ${regionBranches(
       'r, level, asked, subs, regionSize, linkFirst',
       'regionSize <= linkFirst AND ',
       '',
       `MATCH (e)-[:OPERATES_IN]->(x:Link) WHERE x IN subs
     MATCH (x)-[:PART_OF*0..4]->(l:Link) WHERE l IN asked
     RETURN l, count(DISTINCT e) AS total`,
     )}
     UNION ALL
     WITH r, level, asked, regionSize, linkFirst WHERE regionSize > linkFirst
     UNWIND asked AS l
     CALL (l, r, level) {
       MATCH (l)<-[:PART_OF*0..4]-(:Link)<-[:OPERATES_IN]-(e:Enterprise) WHERE ${codeAtLevel} = r.code
       RETURN count(DISTINCT e) AS total
     }
     RETURN l, total
   }
   RETURN l.id AS linkId, total
   }
   RETURN q.i AS i, linkId, total`,
);

/** Whether `q` is a link counted in a region and nothing else (see {@link regionLinkCountsQ}). */
function isRegionLink(q: EnterpriseQuery): boolean {
  const shape = shapeOf(q);
  return shape.anchor === 'link|region' && shape.residual.length === 0;
}

/**
 * The keys that are links counted in a region and nothing else, by region, where a region has
 * two or more of them (counted together: {@link regionLinkCountsQ}, or the engine's presence).
 */
export function regionLinkGroups(keys: readonly EnterpriseQuery[]): [regionCode: string, idx: number[]][] {
  const byRegion = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (!isRegionLink(k)) return;
    const idx = byRegion.get(k.regionCode!);
    if (idx) idx.push(i);
    else byRegion.set(k.regionCode!, [i]);
  });
  return [...byRegion.entries()].filter(([, idx]) => idx.length > 1);
}

/** Run keys in groups of one template (and one page size), each group one round trip. */
async function grouped<K, V>(
  executor: Executor,
  keys: readonly K[],
  templateOf: (k: K) => CypherQuery,
  limitOf: (k: K) => number | null,
  param: (k: K) => Record<string, unknown>,
  read: (row: Record<string, unknown>) => V,
): Promise<V[]> {
  const groups = new Map<string, { query: CypherQuery; limit: number | null; idx: number[] }>();
  keys.forEach((k, i) => {
    const query = templateOf(k);
    const limit = limitOf(k);
    const gk = `${query.name}|${limit}`;
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { query, limit, idx: [] }));
    g.idx.push(i);
  });
  const out = new Array<V>(keys.length);
  await Promise.all(
    [...groups.values()].map(async (g) => {
      const rows = await executor.read(g.query, {
        keys: g.idx.map((i) => ({ ...param(keys[i]!), i })),
        ...(g.limit != null ? { limit: neo4j.int(g.limit) } : {}),
      });
      for (const row of rows) out[row.i as number] = read(row);
    }),
  );
  return out;
}

function filterParams(q: EnterpriseQuery): Record<string, unknown> {
  return {
    regionCode: q.regionCode,
    linkId: q.linkId,
    chainId: q.chainId,
    tags: q.tags,
    revenueMin: q.revenueMin,
    revenueMax: q.revenueMax,
    lucene: q.lucene,
  };
}

const PageRows = compiled(
  z.object({
    values: z.array(EnterpriseListModel),
    regions: z.array(RegionModel).default([]),
  }),
);

/**
 * Pages for many connections at once (the `enterprisePage` DataLoader's batch function), each
 * with the regions its key asked for.
 */
export function enterprisePages(
  executor: Executor,
  keys: readonly EnterprisePageQuery[],
): Promise<EnterprisePage[]> {
  return grouped(
    executor,
    keys,
    pageTemplate,
    (k) => k.limit,
    (k) => ({
      ...filterParams(k),
      afterV: k.after?.v ?? null,
      afterId: k.after?.id ?? null,
      ...(k.regions?.length ? { regionProps: k.regions } : {}),
    }),
    (row) => {
      const { values, regions } = PageRows.parse(row);
      return { rows: values, regions };
    },
  );
}

const RegionLinkCountRow = z.object({ i: z.number().int(), linkId: z.string(), total: z.number().int() });

/**
 * Counts by Cypher for many connections at once (what `countEnterprises`, the `enterpriseCount`
 * DataLoader's batch function, does not take from the engine's cache). Two or more links counted
 * in the same region (and nothing else) share one {@link regionLinkCountsQ} round trip; every
 * other key is counted by the template of its shape.
 */
export async function enterpriseCounts(
  executor: Executor,
  keys: readonly EnterpriseQuery[],
): Promise<number[]> {
  const shared = regionLinkGroups(keys);
  const alone = new Set(keys.keys());
  for (const [, idx] of shared) for (const i of idx) alone.delete(i);
  const aloneIdx = [...alone];
  const out = new Array<number>(keys.length);
  await Promise.all([
    grouped(
      executor,
      aloneIdx.map((i) => keys[i]!),
      countTemplate,
      () => null,
      filterParams,
      (row) => z.number().int().parse(row.total),
    ).then((totals) => totals.forEach((t, j) => (out[aloneIdx[j]!] = t))),
    shared.length === 0
      ? null
      : executor
          .read(regionLinkCountsQ, {
            keys: shared.map(([regionCode, idx], i) => ({
              i,
              regionCode,
              linkIds: [...new Set(idx.map((k) => keys[k]!.linkId!))],
            })),
          })
          .then((rows) => {
            const found = new Map<string, number>();
            for (const row of rows.map((r) => RegionLinkCountRow.parse(r))) {
              found.set(`${row.i}|${row.linkId}`, row.total);
            }
            shared.forEach(([, idx], i) => {
              for (const k of idx) out[k] = found.get(`${i}|${keys[k]!.linkId!}`) ?? 0;
            });
          }),
  ]);
  return out;
}
