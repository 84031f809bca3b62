import { cypher, type Executor, type Tx } from '@chainmap/graph';
import neo4j from 'neo4j-driver';
import { pinyinInitials } from './pinyin.js';

// The one writer of enterprise facts: every importer (chainkg, CSV/JSONL) and the synthetic
// generator go through these functions, so provenance, versions and the denormalised region
// codes are kept the same way whatever the source. Each call is one write transaction: the
// caller batches (see `inBatches` in ./batches.ts).

/** One enterprise as an importer read it. Absent optional fields leave what the graph holds. */
export interface EnterpriseRow {
  id: string;
  name: string;
  fullName?: string;
  stockCode?: string;
  creditCode?: string;
  tags: string[];
  /** 亿元 */
  revenue?: number;
  employees?: number;
  /** Shenwan 2021 level-3 code. */
  industryCode?: string;
  /** The most precise region known (GB/T 2260 code or zone code such as `4212Z01`). */
  regionCode?: string;
  synthetic?: boolean;
  /** `file:line` of the rows this fact came from. */
  sourceRows?: string[];
}

/** An enterprise working in a chain link (`OPERATES_IN`). */
export interface AssignmentRow {
  enterpriseId: string;
  linkId: string;
  source: 'INDUSTRY_CODE' | 'MANUAL' | 'IMPORT';
  /** 0–1 */
  confidence: number;
  sourceRows?: string[];
}

/** A tie between two enterprises. */
export interface RelationRow {
  fromId: string;
  toId: string;
  type: 'SUPPLIES_TO' | 'INVESTS_IN';
  /** INVESTS_IN only: 0–1. */
  share?: number;
  sourceRows?: string[];
}

export interface WriteOptions {
  /** The `(:Import)` run every created or updated fact is traced to. */
  importId: string;
  /**
   * `upsert` (default): MERGE on ids, so re-running an import never duplicates anything.
   * `create`: plain CREATE, for a fresh bulk load where nothing exists yet; an id that already
   * exists fails the whole batch (uniqueness constraint).
   */
  mode?: 'upsert' | 'create';
}

export interface WriteCounts {
  created: number;
  updated: number;
}

// ---------------------------------------------------------------------------------------------
// Enterprises

/**
 * Region lookup shared by both enterprise writes: rows arrive grouped by region code (`$groups`),
 * so each region and its ancestry (`WITHIN*`) are resolved once per batch and not once per row.
 * `loc` is the denormalised location written onto the enterprise.
 */
const REGION_GROUPS = `
UNWIND $groups AS g
OPTIONAL MATCH (r:Region {code: g.regionCode})
WITH g, r, CASE WHEN r IS NULL THEN [] ELSE [(r)-[:WITHIN*0..4]->(a:Region) | [a.level, a.code]] END AS anc
WITH g, r, {
  regionCode: r.code,
  provinceCode: head([x IN anc WHERE x[0] = 'PROVINCE' | x[1]]),
  cityCode: head([x IN anc WHERE x[0] = 'CITY' | x[1]]),
  countyCode: head([x IN anc WHERE x[0] = 'COUNTY' | x[1]])
} AS loc, g.regionCode IS NOT NULL AND r IS NULL AS unresolved`;

// enterprisesUpsert
export const enterprisesUpsertQ = cypher(
  'enterprisesUpsert',
  `${REGION_GROUPS}
UNWIND g.rows AS row
MERGE (e:Enterprise {id: row.props.id})
ON CREATE SET e.version = 0, e.synthetic = false
WITH e, row, r, loc, unresolved, e.version = 0 AS isNew
SET e += row.props,
    e.version = coalesce(e.version, 0) + 1,
    e.importId = $importId,
    e.sourceRows = CASE WHEN row.sourceRows IS NULL THEN e.sourceRows
                   ELSE coalesce(e.sourceRows, []) + [s IN row.sourceRows WHERE NOT s IN coalesce(e.sourceRows, [])] END
WITH e, row, r, loc, unresolved, isNew
CALL (e, r) {
  OPTIONAL MATCH (e)-[old:LOCATED_IN]->(o:Region)
  WHERE r IS NOT NULL AND o <> r
  DELETE old
}
FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END |
  MERGE (e)-[l:LOCATED_IN]->(r)
  SET l.importId = $importId, e += loc
)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN isNew THEN 0 ELSE 1 END) AS updated,
       sum(CASE WHEN unresolved THEN 1 ELSE 0 END) AS unresolvedRegion`,
);

// enterprisesCreate: every property is named in the CREATE, so the planner can see that it
// writes none of the Region properties read above and needs no Eager (`SET e = map` needs four).
// Null values in a CREATE map set nothing.
export const enterprisesCreateQ = cypher(
  'enterprisesCreate',
  `UNWIND $groups AS g
OPTIONAL MATCH (r:Region {code: g.regionCode})
WITH g, r, CASE WHEN r IS NULL THEN [] ELSE [(r)-[:WITHIN*0..4]->(a:Region) | [a.level, a.code]] END AS anc
WITH g, r, r.code AS regionCode,
     head([x IN anc WHERE x[0] = 'PROVINCE' | x[1]]) AS provinceCode,
     head([x IN anc WHERE x[0] = 'CITY' | x[1]]) AS cityCode,
     head([x IN anc WHERE x[0] = 'COUNTY' | x[1]]) AS countyCode,
     g.regionCode IS NOT NULL AND r IS NULL AS unresolved
CALL (g, r, regionCode, provinceCode, cityCode, countyCode) {
  UNWIND g.rows AS row
  CREATE (e:Enterprise {
    id: row.id, name: row.name, fullName: row.fullName, stockCode: row.stockCode, creditCode: row.creditCode,
    tags: row.tags, revenue: row.revenue, employees: row.employees, industryCode: row.industryCode,
    synthetic: row.synthetic, pinyinInitials: row.pinyinInitials, sourceRows: row.sourceRows,
    version: 1, importId: $importId,
    regionCode: regionCode, provinceCode: provinceCode, cityCode: cityCode, countyCode: countyCode
  })
  WITH e WHERE r IS NOT NULL
  CREATE (e)-[:LOCATED_IN {importId: $importId}]->(r)
}
RETURN sum(size(g.rows)) AS created, sum(CASE WHEN unresolved THEN size(g.rows) ELSE 0 END) AS unresolvedRegion`,
);

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function check(cond: boolean, message: string): void {
  if (!cond) throw new TypeError(message);
}

/** The enterprise's own properties; absent fields are left out so an upsert keeps what is there. */
function enterpriseProps(r: EnterpriseRow): Record<string, unknown> {
  check(typeof r.id === 'string' && r.id.length > 0, 'enterprise row without an id');
  check(typeof r.name === 'string' && r.name.length > 0, `enterprise ${r.id}: empty name`);
  check(Array.isArray(r.tags), `enterprise ${r.id}: tags must be a list`);
  const p: Record<string, unknown> = {
    id: r.id,
    name: r.name,
    pinyinInitials: pinyinInitials(r.name),
    tags: r.tags,
  };
  if (r.fullName != null) p.fullName = r.fullName;
  if (r.stockCode != null) p.stockCode = r.stockCode;
  if (r.creditCode != null) p.creditCode = r.creditCode;
  if (r.revenue != null) {
    check(Number.isFinite(r.revenue) && r.revenue >= 0, `enterprise ${r.id}: bad revenue ${r.revenue}`);
    p.revenue = r.revenue;
  }
  if (r.employees != null) {
    check(
      Number.isInteger(r.employees) && r.employees >= 0,
      `enterprise ${r.id}: bad employees ${r.employees}`,
    );
    p.employees = neo4j.int(r.employees);
  }
  if (r.industryCode != null) p.industryCode = r.industryCode;
  if (r.synthetic != null) p.synthetic = r.synthetic;
  return p;
}

/** Upsert rows keep the props apart (`SET e += row.props`); create rows are the props themselves. */
type GroupRow = { props: Record<string, unknown>; sourceRows: string[] | null } | Record<string, unknown>;

/**
 * Rows grouped by region code, so the region is looked up once per batch. For `create` the
 * props are complete (`synthetic` defaults to false, `sourceRows` included), each read by name
 * in the CREATE.
 */
function groupByRegion(
  rows: EnterpriseRow[],
  create: boolean,
): { regionCode: string | null; rows: GroupRow[] }[] {
  const groups = new Map<string | null, GroupRow[]>();
  for (const r of rows) {
    const key = r.regionCode ?? null;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    const props = enterpriseProps(r);
    const sourceRows = r.sourceRows && r.sourceRows.length > 0 ? r.sourceRows : null;
    if (create) {
      props.synthetic ??= false;
      if (sourceRows) props.sourceRows = sourceRows;
    }
    list.push(create ? props : { props, sourceRows });
  }
  return [...groups].map(([regionCode, list]) => ({ regionCode, rows: list }));
}

/** Last row wins for a repeated key, so one batch never writes the same fact twice. */
function lastByKey<T>(rows: T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    m.delete(k);
    m.set(k, r);
  }
  return m.size === rows.length ? rows : [...m.values()];
}

/**
 * Create or update enterprises in one write transaction. Each is `LOCATED_IN` its most precise
 * region, and gets `regionCode`/`provinceCode`/`cityCode`/`countyCode` from that region's
 * ancestry; a new region replaces the old edge and codes. A region code the graph does not hold
 * is counted in `unresolvedRegion` and leaves the enterprise's location as it was. `version`
 * starts at 1 and grows by one on every update; `importId` is the last import that wrote the
 * enterprise, `sourceRows` accumulates every `file:line` it came from.
 */
export async function writeEnterprises(
  executor: Executor,
  rows: EnterpriseRow[],
  opts: WriteOptions,
): Promise<EnterpriseCounts> {
  if (rows.length === 0) return { created: 0, updated: 0, unresolvedRegion: 0 };
  return executor.writeTx('writeEnterprises', (tx) => enterprisesIn(tx, rows, opts));
}

type EnterpriseCounts = WriteCounts & { unresolvedRegion: number };
type AssignmentCounts = WriteCounts & { missing: number };

/** Enterprises in a transaction. */
async function enterprisesIn(tx: Tx, rows: EnterpriseRow[], opts: WriteOptions): Promise<EnterpriseCounts> {
  const create = opts.mode === 'create';
  const groups = groupByRegion(create ? rows : lastByKey(rows, (r) => r.id), create);
  const [row] = await tx.run(create ? enterprisesCreateQ : enterprisesUpsertQ, {
    groups,
    importId: opts.importId,
  });
  return {
    created: num(row?.created),
    updated: num(row?.updated),
    unresolvedRegion: num(row?.unresolvedRegion),
  };
}

// ---------------------------------------------------------------------------------------------
// Link assignments (OPERATES_IN)

// assignmentsUpsert
export const assignmentsUpsertQ = cypher(
  'assignmentsUpsert',
  `UNWIND $rows AS row
OPTIONAL MATCH (e:Enterprise {id: row.enterpriseId})
OPTIONAL MATCH (l:Link {id: row.linkId})
WITH row, e, l, e IS NOT NULL AND l IS NOT NULL AS ok
WITH row, e, l, ok, CASE WHEN ok THEN EXISTS { (e)-[:OPERATES_IN]->(l) } ELSE false END AS existed
FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END |
  MERGE (e)-[o:OPERATES_IN]->(l)
  SET o.source = row.source, o.confidence = row.confidence, o.importId = $importId,
      o.sourceRows = CASE WHEN row.sourceRows IS NULL THEN o.sourceRows
                     ELSE coalesce(o.sourceRows, []) + [s IN row.sourceRows WHERE NOT s IN coalesce(o.sourceRows, [])] END
)
RETURN sum(CASE WHEN ok AND NOT existed THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN existed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN ok THEN 0 ELSE 1 END) AS missing`,
);

// assignmentsCreate: rows grouped by link, each link looked up once per batch; a null
// sourceRows in the CREATE map sets nothing.
export const assignmentsCreateQ = cypher(
  'assignmentsCreate',
  `UNWIND $groups AS g
MATCH (l:Link {id: g.key})
UNWIND g.rows AS row
MATCH (e:Enterprise {id: row.enterpriseId})
CREATE (e)-[o:OPERATES_IN {source: row.source, confidence: row.confidence, importId: $importId, sourceRows: row.sourceRows}]->(l)
RETURN count(o) AS created`,
);

/** Rows grouped by one of their keys, for create queries that look the shared end up once. */
function groupBy<T extends Record<string, unknown>>(rows: T[], key: keyof T): { key: unknown; rows: T[] }[] {
  const groups = new Map<unknown, T[]>();
  for (const r of rows) {
    const k = r[key];
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(r);
  }
  return [...groups].map(([k, list]) => ({ key: k, rows: list }));
}

const SOURCES = new Set(['INDUSTRY_CODE', 'MANUAL', 'IMPORT']);

/**
 * Put enterprises in chain links (`OPERATES_IN {source, confidence}`), one write transaction.
 * An assignment that exists already gets the new source and confidence. A row naming an
 * enterprise or link the graph does not hold is counted in `missing` and skipped.
 */
export async function writeAssignments(
  executor: Executor,
  rows: AssignmentRow[],
  opts: WriteOptions,
): Promise<AssignmentCounts> {
  if (rows.length === 0) return { created: 0, updated: 0, missing: 0 };
  return executor.writeTx('writeAssignments', (tx) => assignmentsIn(tx, rows, opts));
}

/** A checked assignment as a query parameter; absent keys read as null in Cypher. */
function assignmentParam(r: AssignmentRow): Record<string, unknown> {
  check(SOURCES.has(r.source), `assignment ${r.enterpriseId}→${r.linkId}: bad source ${r.source}`);
  check(
    r.confidence >= 0 && r.confidence <= 1,
    `assignment ${r.enterpriseId}→${r.linkId}: confidence must be 0–1`,
  );
  const row: Record<string, unknown> = {
    enterpriseId: r.enterpriseId,
    linkId: r.linkId,
    source: r.source,
    confidence: r.confidence,
  };
  if (r.sourceRows && r.sourceRows.length > 0) row.sourceRows = r.sourceRows;
  return row;
}

async function assignmentsIn(tx: Tx, rows: AssignmentRow[], opts: WriteOptions): Promise<AssignmentCounts> {
  if (rows.length === 0) return { created: 0, updated: 0, missing: 0 };
  const create = opts.mode === 'create';
  const params = (create ? rows : lastByKey(rows, (r) => `${r.enterpriseId}\u0000${r.linkId}`)).map(
    assignmentParam,
  );
  if (create) {
    const [row] = await tx.run(assignmentsCreateQ, {
      groups: groupBy(params, 'linkId'),
      importId: opts.importId,
    });
    const created = num(row?.created);
    return { created, updated: 0, missing: params.length - created };
  }
  const [row] = await tx.run(assignmentsUpsertQ, { rows: params, importId: opts.importId });
  return { created: num(row?.created), updated: num(row?.updated), missing: num(row?.missing) };
}

// ---------------------------------------------------------------------------------------------
// Ties between enterprises (SUPPLIES_TO, INVESTS_IN)

// Relationship types cannot be parameters: one fixed template per type.

// suppliesToUpsert
export const suppliesToUpsertQ = cypher(
  'suppliesToUpsert',
  `UNWIND $rows AS row
OPTIONAL MATCH (a:Enterprise {id: row.fromId})
OPTIONAL MATCH (b:Enterprise {id: row.toId})
WITH row, a, b, a IS NOT NULL AND b IS NOT NULL AS ok
WITH row, a, b, ok, CASE WHEN ok THEN EXISTS { (a)-[:SUPPLIES_TO]->(b) } ELSE false END AS existed
FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END |
  MERGE (a)-[t:SUPPLIES_TO]->(b)
  SET t.importId = $importId,
      t.sourceRows = CASE WHEN row.sourceRows IS NULL THEN t.sourceRows
                     ELSE coalesce(t.sourceRows, []) + [s IN row.sourceRows WHERE NOT s IN coalesce(t.sourceRows, [])] END
)
RETURN sum(CASE WHEN ok AND NOT existed THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN existed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN ok THEN 0 ELSE 1 END) AS missing`,
);

// investsInUpsert
export const investsInUpsertQ = cypher(
  'investsInUpsert',
  `UNWIND $rows AS row
OPTIONAL MATCH (a:Enterprise {id: row.fromId})
OPTIONAL MATCH (b:Enterprise {id: row.toId})
WITH row, a, b, a IS NOT NULL AND b IS NOT NULL AS ok
WITH row, a, b, ok, CASE WHEN ok THEN EXISTS { (a)-[:INVESTS_IN]->(b) } ELSE false END AS existed
FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END |
  MERGE (a)-[t:INVESTS_IN]->(b)
  SET t.importId = $importId, t.share = coalesce(row.share, t.share),
      t.sourceRows = CASE WHEN row.sourceRows IS NULL THEN t.sourceRows
                     ELSE coalesce(t.sourceRows, []) + [s IN row.sourceRows WHERE NOT s IN coalesce(t.sourceRows, [])] END
)
RETURN sum(CASE WHEN ok AND NOT existed THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN existed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN ok THEN 0 ELSE 1 END) AS missing`,
);

// suppliesToCreate: rows grouped by supplier, each looked up once per batch.
export const suppliesToCreateQ = cypher(
  'suppliesToCreate',
  `UNWIND $groups AS g
MATCH (a:Enterprise {id: g.key})
UNWIND g.rows AS row
MATCH (b:Enterprise {id: row.toId})
CREATE (a)-[t:SUPPLIES_TO {importId: $importId, sourceRows: row.sourceRows}]->(b)
RETURN count(t) AS created`,
);

// investsInCreate: rows grouped by investor.
export const investsInCreateQ = cypher(
  'investsInCreate',
  `UNWIND $groups AS g
MATCH (a:Enterprise {id: g.key})
UNWIND g.rows AS row
MATCH (b:Enterprise {id: row.toId})
CREATE (a)-[t:INVESTS_IN {importId: $importId, share: row.share, sourceRows: row.sourceRows}]->(b)
RETURN count(t) AS created`,
);

const RELATION_QUERIES = {
  SUPPLIES_TO: { upsert: suppliesToUpsertQ, create: suppliesToCreateQ },
  INVESTS_IN: { upsert: investsInUpsertQ, create: investsInCreateQ },
} as const;

/**
 * Write supplier and investment ties, one write transaction for the whole batch (both types).
 * A tie that exists already is updated, not repeated. A row naming an enterprise the graph does
 * not hold, or an enterprise tied to itself, is counted in `missing` and skipped.
 */
export async function writeRelations(
  executor: Executor,
  rows: RelationRow[],
  opts: WriteOptions,
): Promise<WriteCounts & { missing: number }> {
  if (rows.length === 0) return { created: 0, updated: 0, missing: 0 };
  const create = opts.mode === 'create';
  const unique = create ? rows : lastByKey(rows, (r) => `${r.type}\u0000${r.fromId}\u0000${r.toId}`);
  const byType = new Map<RelationRow['type'], Record<string, unknown>[]>();
  let selfTies = 0;
  for (const r of unique) {
    check(r.type in RELATION_QUERIES, `relation ${r.fromId}→${r.toId}: bad type ${r.type}`);
    if (r.share != null)
      check(r.share >= 0 && r.share <= 1, `relation ${r.fromId}→${r.toId}: share must be 0–1`);
    if (r.fromId === r.toId) {
      selfTies++;
      continue;
    }
    let list = byType.get(r.type);
    if (!list) byType.set(r.type, (list = []));
    // Absent keys read as null in Cypher: leaving them out keeps a million-row payload small.
    const row: Record<string, unknown> = { fromId: r.fromId, toId: r.toId };
    if (r.share != null) row.share = r.share;
    if (r.sourceRows && r.sourceRows.length > 0) row.sourceRows = r.sourceRows;
    list.push(row);
  }
  const totals = { created: 0, updated: 0, missing: selfTies };
  await executor.writeTx(create ? 'relationsCreate' : 'relationsUpsert', async (tx: Tx) => {
    for (const [type, params] of byType) {
      const q = RELATION_QUERIES[type][create ? 'create' : 'upsert'];
      const [row] = await tx.run(
        q,
        create
          ? { groups: groupBy(params, 'fromId'), importId: opts.importId }
          : { rows: params, importId: opts.importId },
      );
      if (create) {
        const created = num(row?.created);
        totals.created += created;
        totals.missing += params.length - created;
      } else {
        totals.created += num(row?.created);
        totals.updated += num(row?.updated);
        totals.missing += num(row?.missing);
      }
    }
  });
  return totals;
}

// ---------------------------------------------------------------------------------------------
// Links from industry codes

// linkIndustryCodes
export const linkIndustryCodesQ = cypher(
  'linkIndustryCodes',
  `MATCH (l:Link)
RETURN l.id AS id, coalesce(l.shenwan, []) + [(l)-[:MAPS_TO]->(i:Industry) | i.code] AS codes`,
);

// enterpriseIndustryByIds
export const enterpriseIndustryByIdsQ = cypher(
  'enterpriseIndustryByIds',
  `UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
RETURN e.id AS id, e.industryCode AS industryCode`,
);

// enterpriseIndustryPage
export const enterpriseIndustryPageQ = cypher(
  'enterpriseIndustryPage',
  `MATCH (e:Enterprise)
WHERE e.id > $after
RETURN e.id AS id, e.industryCode AS industryCode
ORDER BY e.id
LIMIT $limit`,
);

// industryAssignmentsWrite
export const industryAssignmentsWriteQ = cypher(
  'industryAssignmentsWrite',
  `UNWIND $rows AS row
MATCH (e:Enterprise {id: row.id})
CALL (e, row) {
  OPTIONAL MATCH (e)-[stale:OPERATES_IN {source: 'INDUSTRY_CODE'}]->(x:Link)
  WHERE NOT x.id IN row.linkIds
  DELETE stale
}
WITH e, row
UNWIND row.linkIds AS linkId
MATCH (l:Link {id: linkId})
WHERE NOT EXISTS { (e)-[:OPERATES_IN]->(l) }
CREATE (e)-[:OPERATES_IN {source: 'INDUSTRY_CODE', confidence: 0.8, importId: $importId}]->(l)
RETURN count(*) AS created`,
);

/**
 * Which links a Shenwan code belongs to: a link listing the level-3 code itself, or its level-2
 * (`xxxx00`) or level-1 (`xx0000`) parent, through `Link.shenwan` or `MAPS_TO`.
 */
export function industryLinkIndex(links: { id: string; codes: string[] }[]): (code: string) => string[] {
  const byCode = new Map<string, Set<string>>();
  for (const l of links) {
    for (const code of l.codes) {
      let set = byCode.get(code);
      if (!set) byCode.set(code, (set = new Set()));
      set.add(l.id);
    }
  }
  return (code) => {
    const out = new Set<string>();
    for (const k of [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]) {
      for (const id of byCode.get(k) ?? []) out.add(id);
    }
    return [...out].sort();
  };
}

const PAGE = 10_000;

/**
 * Derive `OPERATES_IN {source: 'INDUSTRY_CODE', confidence: 0.8}` from each enterprise's
 * Shenwan `industryCode`, for the given enterprises or (without `enterpriseIds`) every one, a
 * page of 10,000 per write transaction. Existing assignments of any source are kept as they are
 * (a MANUAL one is never downgraded); INDUSTRY_CODE assignments the code no longer supports are
 * removed. Returns the number of assignments created.
 */
export async function assignLinksByIndustry(
  executor: Executor,
  opts: { importId: string; enterpriseIds?: string[] },
): Promise<number> {
  const linksFor = industryLinkIndex(
    (await executor.read(linkIndustryCodesQ)).map((r) => ({
      id: r.id as string,
      codes: (r.codes as (string | null)[]).filter((c): c is string => !!c),
    })),
  );
  const toRows = (found: Record<string, unknown>[]) =>
    found.map((r) => ({
      id: r.id as string,
      linkIds: typeof r.industryCode === 'string' ? linksFor(r.industryCode) : [],
    }));
  let created = 0;
  if (opts.enterpriseIds) {
    for (let i = 0; i < opts.enterpriseIds.length; i += PAGE) {
      const ids = opts.enterpriseIds.slice(i, i + PAGE);
      created += await executor.writeTx('assignLinksByIndustry', async (tx) => {
        const rows = toRows(await tx.run(enterpriseIndustryByIdsQ, { ids }));
        const [row] = await tx.run(industryAssignmentsWriteQ, { rows, importId: opts.importId });
        return num(row?.created);
      });
    }
    return created;
  }
  let after = '';
  for (;;) {
    const page = await executor.writeTx('assignLinksByIndustry', async (tx) => {
      const found = await tx.run(enterpriseIndustryPageQ, { after, limit: neo4j.int(PAGE) });
      if (found.length === 0) return null;
      const [row] = await tx.run(industryAssignmentsWriteQ, { rows: toRows(found), importId: opts.importId });
      return { created: num(row?.created), last: found[found.length - 1]!.id as string };
    });
    if (!page) return created;
    created += page.created;
    after = page.last;
  }
}
