import type { LinkRecord } from '../chain/chain.model.js';
import type { Context } from '../core/context.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import { cached } from './engine.cache.js';
import { LINK_DEPTH, type GapKind, type Weights } from './engine.defaults.js';
import type { CatalogRow, LinkFirmsRow } from './engine.model.js';
import { readCatalog, readHitDetails, readLinkFirms, readRegionContext } from './engine.store.js';
import { isAnchor, rankScore, scoreCandidate, strengthValue, type CandidateCounts } from './score.logic.js';

// 招谁's candidates (docs/method.md, "Ranking every candidate"). The firms of each link, the
// link catalog and a region's tie counts are read once per database state (engine.cache.ts); every
// candidate is then ranked here with the score of score.logic.ts, and only the hits returned are
// read again (records and the names in their explanations).

/** A firm as the ranking sees it. */
export interface Firm {
  id: string;
  revenue: number | null;
  provinceCode: string | null;
  cityCode: string | null;
  /** Province, city, county and own region codes: the regions it is in. */
  codes: string[];
  /** Every link it works in, in any chain. */
  links: string[];
  strength: number;
  anchor: boolean;
}

/** The link catalog: tree, SUPPLIES adjacency (either direction) and source zones. */
export interface Catalog {
  parent: Map<string, string | null>;
  children: Map<string, string[]>;
  name: Map<string, string>;
  adjacent: Map<string, Set<string>>;
  zones: Map<string, { name: string; members: Set<string> }>;
}

export function buildCatalog(row: CatalogRow): Catalog {
  const cat: Catalog = {
    parent: new Map(),
    children: new Map(),
    name: new Map(),
    adjacent: new Map(),
    zones: new Map(),
  };
  for (const [id, parentId, , name] of row.links) {
    cat.parent.set(id, parentId);
    cat.name.set(id, name);
    if (parentId) cat.children.set(parentId, [...(cat.children.get(parentId) ?? []), id]);
  }
  const adj = (a: string, b: string) => {
    if (!cat.adjacent.has(a)) cat.adjacent.set(a, new Set());
    cat.adjacent.get(a)!.add(b);
  };
  for (const [a, b] of row.supplies) {
    adj(a, b);
    adj(b, a);
  }
  for (const [code, name, member] of row.zoneMembers) {
    if (!cat.zones.has(code)) cat.zones.set(code, { name, members: new Set() });
    if (member) cat.zones.get(code)!.members.add(member);
  }
  return cat;
}

/** A link and the links below it through PART_OF, at most LINK_DEPTH levels. */
export function subtree(cat: Catalog, id: string): string[] {
  const out = [id];
  let level = [id];
  for (let d = 0; d < LINK_DEPTH && level.length; d++) {
    level = level.flatMap((l) => cat.children.get(l) ?? []);
    out.push(...level);
  }
  return [...new Set(out)];
}

/** A link and its ancestors through PART_OF, at most LINK_DEPTH levels up. */
function ancestors(cat: Catalog, id: string): string[] {
  const out = [id];
  let at: string | null | undefined = id;
  for (let d = 0; d < LINK_DEPTH && at; d++) {
    at = cat.parent.get(at);
    if (at) out.push(at);
  }
  return out;
}

export function toFirms(row: LinkFirmsRow): Firm[] {
  return row.firms.map(([id, tags, revenue, p, c, co, r, links]) => ({
    id,
    revenue,
    provinceCode: p,
    cityCode: c,
    codes: [p, c, co, r].filter((x): x is string => x !== null),
    links,
    strength: strengthValue(tags, revenue),
    anchor: isAnchor(tags),
  }));
}

/** The database state a request works at: the bookmark of its first read (its diagnosis). */
export interface At {
  ctx: Context;
  bookmark: string;
}

export function catalogAt({ ctx, bookmark }: At): Promise<Catalog> {
  return cached(ctx.engineCache, 'catalog', '', bookmark, async () => {
    const { value, bookmark: b } = await readCatalog(ctx.executor);
    return { value: buildCatalog(value), bookmark: b };
  });
}

/** The firms working directly in each link: cached ones, and one query for all the others. */
export async function firmsOf(
  { ctx, bookmark }: At,
  linkIds: readonly string[],
): Promise<Map<string, Firm[]>> {
  const out = new Map<string, Firm[]>();
  const missing: string[] = [];
  for (const id of new Set(linkIds)) {
    const hit = ctx.engineCache.get<Firm[]>('linkFirms', id, bookmark);
    if (hit) out.set(id, hit);
    else missing.push(id);
  }
  if (missing.length) {
    const { value, bookmark: b } = await readLinkFirms(ctx.executor, missing);
    for (const row of value) {
      const firms = toFirms(row);
      out.set(row.linkId, firms);
      if (b === bookmark) ctx.engineCache.put('linkFirms', row.linkId, bookmark, firms);
    }
  }
  return out;
}

export interface RegionContext {
  /** Enterprise id → distinct firms of the region it has a tie with. */
  ties: Map<string, number>;
  library: Set<string>;
  projects: Set<string>;
}

export function regionContextAt({ ctx, bookmark }: At, regionCode: string): Promise<RegionContext> {
  return cached(ctx.engineCache, 'regionTies', regionCode, bookmark, async () => {
    const { value, bookmark: b } = await readRegionContext(ctx.executor, regionCode);
    return {
      value: {
        ties: new Map(value?.ties ?? []),
        library: new Set(value?.library ?? []),
        projects: new Set(value?.projects ?? []),
      },
      bookmark: b,
    };
  });
}

/** A candidate for some target links: a firm working in one of them or in a sub-link. */
export interface Candidate {
  firm: Firm;
  /** The target links it is in, in the order of the targets. */
  links: string[];
  /** Those it works in directly (not only through a sub-link). */
  direct: string[];
  isLocal: boolean;
}

export interface CandidateScope {
  /** Firms outside the region; with `anchorsOnly`, only anchors among them. */
  withExternal: boolean;
  anchorsOnly: boolean;
  /** Firms in the region. */
  withLocal: boolean;
}

/** Every candidate for the target links (ids, in order), by the scope's rules, each once. */
export function gatherCandidates(
  cat: Catalog,
  firms: ReadonlyMap<string, Firm[]>,
  targetIds: readonly string[],
  regionCode: string,
  scope: CandidateScope,
): Candidate[] {
  const byId = new Map<string, Candidate | null>();
  for (const t of targetIds) {
    for (const x of subtree(cat, t)) {
      for (const f of firms.get(x) ?? []) {
        let c = byId.get(f.id);
        if (c === undefined) {
          const isLocal = f.codes.includes(regionCode);
          const keep = isLocal ? scope.withLocal : scope.withExternal && (!scope.anchorsOnly || f.anchor);
          c = keep ? { firm: f, links: [], direct: [], isLocal } : null;
          byId.set(f.id, c);
        }
        if (!c) continue;
        if (c.links[c.links.length - 1] !== t && !c.links.includes(t)) c.links.push(t);
        if (x === t && !c.direct.includes(t)) c.direct.push(t);
      }
    }
  }
  return [...byId.values()].filter((c): c is Candidate => c !== null);
}

/** What scoring needs beyond the candidate: the region's ties and courted firms, fit, zones, weights. */
export interface Scoring {
  weights: Weights;
  region: RegionContext;
  /** Link id → ids of the region's STRONG links SUPPLIES-adjacent to it or to a link above it, by id. */
  fitOf: Map<string, string[]>;
  /** The preferred source zones, in the order asked, with their member regions. */
  zones: { name: string; members: Set<string> }[];
  catalog: Catalog;
}

export function scoring(
  cat: Catalog,
  region: RegionContext,
  strongIds: readonly string[],
  zoneCodes: readonly string[],
  weights: Weights,
): Scoring {
  const strong = new Set(strongIds);
  const fitOf = new Map<string, string[]>();
  for (const id of cat.name.keys()) {
    const fit = new Set<string>();
    for (const y of ancestors(cat, id))
      for (const s of cat.adjacent.get(y) ?? []) if (strong.has(s)) fit.add(s);
    if (fit.size) fitOf.set(id, [...fit].sort());
  }
  const zones = zoneCodes.map((z) => cat.zones.get(z)).filter((z): z is NonNullable<typeof z> => !!z);
  return { weights, region, fitOf, zones, catalog: cat };
}

/** Ids of the strong links a firm's links (or the links above them) are SUPPLIES-adjacent to, by id. */
export function fitIds(f: Firm, s: Scoring): string[] {
  if (f.links.length === 1) return s.fitOf.get(f.links[0]!) ?? [];
  return [...new Set(f.links.flatMap((l) => s.fitOf.get(l) ?? []))].sort();
}

/** Names of the preferred zones a firm is in, in the order asked. */
export function zoneNames(f: Firm, s: Scoring): string[] {
  return [...new Set(s.zones.filter((z) => f.codes.some((c) => z.members.has(c))).map((z) => z.name))];
}

export function countsOf(c: Candidate, s: Scoring): CandidateCounts {
  return {
    strength: c.firm.strength,
    ties: s.region.ties.get(c.firm.id) ?? 0,
    supplyFit: fitIds(c.firm, s).length,
    inZone: s.zones.some((z) => c.firm.codes.some((code) => z.members.has(code))),
    local: c.isLocal,
  };
}

export const isKnown = (c: Candidate, s: Scoring) =>
  s.region.library.has(c.firm.id) || s.region.projects.has(c.firm.id);

/** What a target link is worth filling. */
export interface Target {
  link: LinkRecord;
  gap: GapKind | null;
  severity: number;
  label: string;
}

/** A candidate ranked for one target link: its score, before its record is read. */
export interface Ranked {
  candidate: Candidate;
  target: Target;
  score: number;
}

/** Best first: higher score, then enterprise id. */
export const compareRanked = (a: Ranked, b: Ranked) =>
  b.score - a.score ||
  (a.candidate.firm.id < b.candidate.firm.id ? -1 : a.candidate.firm.id > b.candidate.firm.id ? 1 : 0);

export function rank(c: Candidate, t: Target, s: Scoring): Ranked {
  return { candidate: c, target: t, score: rankScore(countsOf(c, s), t.severity, s.weights) };
}

/** The top `n` of `items` by `compare`, in order, without sorting them all. */
export function topN<T>(items: Iterable<T>, n: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (n <= 0) return top;
  for (const x of items) {
    if (top.length === n && compare(x, top[n - 1]!) >= 0) continue;
    let i = top.length < n ? top.length : n - 1;
    if (top.length < n) top.push(x);
    while (i > 0 && compare(x, top[i - 1]!) < 0) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = x;
  }
  return top;
}

/** A hit as the API returns it. */
export interface Hit {
  enterprise: EnterpriseRecord;
  link: LinkRecord;
  gap: Target['gap'];
  score: number;
  factors: ReturnType<typeof scoreCandidate>['factors'];
  local: boolean;
  inLibrary: boolean;
  inProject: boolean;
  sourceZones: string[];
}

/**
 * Read the records and tie names of ranked candidates (one query for all groups) and score each
 * with its explanation. The explained score is the ranking score (the same function of the same
 * figures), so the order stands; groups are re-sorted all the same, in case a commit came between.
 */
export async function explain(at: At, regionCode: string, groups: Ranked[][], s: Scoring): Promise<Hit[][]> {
  const ids = [...new Set(groups.flat().map((r) => r.candidate.firm.id))];
  const details = new Map(
    (await readHitDetails(at.ctx.executor, { ids, regionCode })).map((d) => [d.enterprise.key, d]),
  );
  return groups.map((g) =>
    g
      .flatMap((r): Hit[] => {
        const d = details.get(r.candidate.firm.id);
        if (!d) return [];
        const c = r.candidate;
        const zones = c.isLocal ? [] : zoneNames(c.firm, s);
        const scored = scoreCandidate(
          {
            id: c.firm.id,
            name: d.enterprise.name,
            tags: d.enterprise.tags,
            revenue: d.enterprise.revenue,
            local: c.isLocal,
            ties: d.ties,
            supplyFit: fitIds(c.firm, s).map((id) => s.catalog.name.get(id) ?? id),
            zones: zoneNames(c.firm, s),
          },
          r.target,
          s.weights,
        );
        return [
          {
            enterprise: d.enterprise,
            link: r.target.link,
            gap: r.target.gap,
            score: scored.score,
            factors: scored.factors,
            local: c.isLocal,
            inLibrary: s.region.library.has(c.firm.id),
            inProject: s.region.projects.has(c.firm.id),
            sourceZones: zones,
          },
        ];
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          (a.enterprise.key < b.enterprise.key ? -1 : a.enterprise.key > b.enterprise.key ? 1 : 0),
      ),
  );
}
