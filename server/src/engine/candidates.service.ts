import type { Executor } from '@chainmap/graph';
import type { LinkRecord } from '../chain/chain.model.js';
import type { Context } from '../core/context.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import type { EngineCache } from './engine.cache.js';
import { LINK_DEPTH, type GapKind, type Weights } from './engine.defaults.js';
import type { CatalogRow, LinkFirmsRow } from './engine.model.js';
import {
  readCatalog,
  readHitDetails,
  readLinkFirms,
  readRegionCourted,
  readRegionTies,
} from './engine.store.js';
import { isAnchor, scoreCandidate, scoreOf, strengthValue, type CandidateCounts } from './score.logic.js';

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
  /** Every link it works in, in any chain, and those ids joined (the key of that combination). */
  links: string[];
  linksKey: string;
  strength: number;
  anchor: boolean;
}

/** The link catalog: tree, SUPPLIES adjacency (either direction) and source zones. */
export interface Catalog {
  parent: Map<string, string | null>;
  /** Each link's chain (its denormalised `chainId`; null for a link outside any chain). */
  chain: Map<string, string | null>;
  children: Map<string, string[]>;
  name: Map<string, string>;
  adjacent: Map<string, Set<string>>;
  zones: Map<string, { name: string; members: Set<string> }>;
}

export function buildCatalog(row: CatalogRow): Catalog {
  const cat: Catalog = {
    parent: new Map(),
    chain: new Map(),
    children: new Map(),
    name: new Map(),
    adjacent: new Map(),
    zones: new Map(),
  };
  for (const [id, parentId, chainId, name] of row.links) {
    cat.parent.set(id, parentId);
    cat.chain.set(id, chainId);
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

/** A link and the links below it through PART_OF, at most LINK_DEPTH levels (of the catalog, or of any tree given as its children). */
export function subtree(cat: Pick<Catalog, 'children'>, id: string): string[] {
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

/** The firms of a link, their region codes and link ids shared (`strings` interns them across links). */
export function toFirms(row: LinkFirmsRow, strings = new Map<string, string>()): Firm[] {
  const intern = (x: string) => {
    const known = strings.get(x);
    if (known !== undefined) return known;
    strings.set(x, x);
    return x;
  };
  const only = [intern(row.linkId)];
  const firms = new Array<Firm>(row.ids.length);
  for (let i = 0; i < row.ids.length; i++) {
    const p = row.provinceCodes[i] ?? null;
    const c = row.cityCodes[i] ?? null;
    const codes = [p, c, row.countyCodes[i] ?? null, row.regionCodes[i] ?? null]
      .filter((x): x is string => x !== null)
      .map(intern);
    const more = row.links[i]!;
    const links = more.length > 0 ? more.map(intern) : only;
    const tags = row.tags[i]!;
    const revenue = row.revenue[i] ?? null;
    firms[i] = {
      id: row.ids[i]!,
      revenue,
      provinceCode: p === null ? null : intern(p),
      cityCode: c === null ? null : intern(c),
      codes,
      links,
      linksKey: links === only ? only[0]! : intern(links.join('\n')),
      strength: strengthValue(tags, revenue),
      anchor: isAnchor(tags),
    };
  }
  return firms;
}

/** The database state a request works at: the bookmark of its first read (its diagnosis). */
export interface At {
  ctx: Context;
  bookmark: string;
}

// Loaders capture the executor, never the request's context: a background refresh keeps them
// (engine.cache.ts), and must not keep a finished request's DataLoaders alive with them.

export function catalogAt({ ctx, bookmark }: At): Promise<Catalog> {
  return catalogOf(ctx.executor, ctx.engineCache, bookmark);
}

/** The link catalog at the state `bookmark` names: cached, or read once. */
export function catalogOf(executor: Executor, cache: EngineCache, bookmark: string): Promise<Catalog> {
  return cache.load('catalog', '', bookmark, async () => {
    const { value, bookmark: b } = await readCatalog(executor);
    return { value: buildCatalog(value), bookmark: b };
  });
}

/** A cache entry of `linkFirms`: the firms of one link, with the link's chain (CHAIN_OF). */
interface LinkFirms {
  chainId: string | null;
  firms: Firm[];
}

const firmWeight = ({ firms }: LinkFirms) => Math.max(1, firms.length);

/**
 * The firms working directly in each link: cached ones, and one query for all the others (each
 * link a cache entry of its own; loads of links another request is reading are joined).
 */
export async function firmsOf(
  { ctx, bookmark }: At,
  linkIds: readonly string[],
): Promise<Map<string, Firm[]>> {
  const executor = ctx.executor;
  const cache = ctx.engineCache;
  const out = new Map<string, Firm[]>();
  const missing: string[] = [];
  for (const id of new Set(linkIds)) {
    const hit = cache.get<LinkFirms>('linkFirms', id, bookmark);
    if (hit) out.set(id, hit.firms);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  const entry = (row: LinkFirmsRow | undefined, strings?: Map<string, string>): LinkFirms =>
    row ? { chainId: row.chainId, firms: toFirms(row, strings) } : { chainId: null, firms: [] };
  const readOne = (id: string) => async () => {
    const { value, bookmark: b } = await readLinkFirms(executor, [id]);
    return { value: entry(value[0]), bookmark: b };
  };
  // One query for the links nobody is reading at this state yet; each link's entry is its share
  // of that query (and reads again alone in a refresh). Links another request is already
  // reading are joined, not read twice.
  const toRead = missing.filter((id) => !cache.isLoading('linkFirms', id, bookmark));
  const batch =
    toRead.length > 0
      ? readLinkFirms(executor, toRead).then(({ value, bookmark: b }) => {
          const strings = new Map<string, string>();
          return { firms: new Map(value.map((row) => [row.linkId, entry(row, strings)])), bookmark: b };
        })
      : null;
  batch?.catch(() => undefined); // observed through the loads below
  await Promise.all(
    missing.map(async (id) => {
      const load =
        batch && toRead.includes(id)
          ? async () => {
              const { firms, bookmark: b } = await batch;
              return { value: firms.get(id) ?? entry(undefined), bookmark: b };
            }
          : readOne(id);
      out.set(id, (await cache.load('linkFirms', id, bookmark, load, firmWeight, readOne(id))).firms);
    }),
  );
  return out;
}

export interface RegionContext {
  /** Enterprise id → distinct firms of the region it has a tie with. */
  ties: Map<string, number>;
  library: Set<string>;
  projects: Set<string>;
}

/**
 * The region's ties and the firms its libraries and projects court, as the viewer may see them:
 * two entries, read concurrently when both are missing. The ties are cached per region; the
 * courted firms per region and scope (they depend on which libraries and projects are in the
 * viewer's scope), and apart from the ties, since every library entry or project move changes
 * them and nothing else (engine.cache.ts, DEPENDS_ON).
 */
export async function regionContextAt({ ctx, bookmark }: At, regionCode: string): Promise<RegionContext> {
  const executor = ctx.executor;
  const cache = ctx.engineCache;
  const [ties, courted] = await Promise.all([
    cache.load('regionTies', regionCode, bookmark, async () => {
      const { value, bookmark: b } = await readRegionTies(executor, regionCode);
      return { value: new Map(value?.ties ?? []), bookmark: b };
    }),
    ctx.viewer.scope().then(({ param: scope }) =>
      cache.load('courted', `${regionCode}|${JSON.stringify(scope)}`, bookmark, async () => {
        const { value, bookmark: b } = await readRegionCourted(executor, scope, regionCode);
        return {
          value: { library: new Set(value?.library ?? []), projects: new Set(value?.projects ?? []) },
          bookmark: b,
        };
      }),
    ),
  ]);
  return { ties, ...courted };
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

/**
 * Visit every candidate for the target links (ids, in order) once, by the scope's rules. Firms are
 * streamed, not gathered: a firm working in one link gets arrays shared with every other firm of
 * that link, so ranking 100,000 candidates allocates little.
 */
export function forEachCandidate(
  cat: Catalog,
  firms: ReadonlyMap<string, Firm[]>,
  targetIds: readonly string[],
  regionCode: string,
  scope: CandidateScope,
  visit: (firm: Firm, links: string[], direct: string[], isLocal: boolean) => void,
): void {
  // Each link under a target → the targets it is under (in target order), and its position.
  const under = new Map<string, string[]>();
  for (const t of targetIds)
    for (const x of subtree(cat, t)) {
      const ts = under.get(x);
      if (!ts) under.set(x, [t]);
      else if (!ts.includes(t)) ts.push(t);
    }
  const targetSet = new Set(targetIds);
  const directOf = new Map([...under.keys()].map((x) => [x, targetSet.has(x) ? [x] : []]));
  const targetRank = new Map(targetIds.map((t, i) => [t, i]));
  const byRank = (a: string, b: string) => targetRank.get(a)! - targetRank.get(b)!;
  const position = new Map([...under.keys()].map((x, i) => [x, i]));
  // Firms in several links share their combination of links: work each combination out once.
  const combos = new Map<string, { first: string; links: string[]; direct: string[] }>();
  const combo = (f: Firm) => {
    let c = combos.get(f.linksKey);
    if (!c) {
      const mine = f.links.filter((y) => under.has(y)).sort((a, b) => position.get(a)! - position.get(b)!);
      c = {
        first: mine[0]!,
        links: [...new Set(mine.flatMap((y) => under.get(y)!))].sort(byRank),
        direct: mine.filter((y) => targetSet.has(y)).sort(byRank),
      };
      combos.set(f.linksKey, c);
    }
    return c;
  };
  for (const [x, xLinks] of under) {
    const xDirect = directOf.get(x)!;
    for (const f of firms.get(x) ?? []) {
      let links = xLinks;
      let direct = xDirect;
      if (f.links.length > 1) {
        // A firm in several links is visited once, at the first of them, with every target it is under.
        const c = combo(f);
        if (c.first !== x) continue;
        links = c.links;
        direct = c.direct;
      }
      const isLocal = f.codes.includes(regionCode);
      if (isLocal ? !scope.withLocal : !scope.withExternal || (scope.anchorsOnly && !f.anchor)) continue;
      visit(f, links, direct, isLocal);
    }
  }
}

/** Every candidate for the target links, each once (see {@link forEachCandidate}). */
export function gatherCandidates(
  cat: Catalog,
  firms: ReadonlyMap<string, Firm[]>,
  targetIds: readonly string[],
  regionCode: string,
  scope: CandidateScope,
): Candidate[] {
  const out: Candidate[] = [];
  forEachCandidate(cat, firms, targetIds, regionCode, scope, (firm, links, direct, isLocal) =>
    out.push({ firm, links, direct, isLocal }),
  );
  return out;
}

/** What scoring needs beyond the candidate: the region's ties and courted firms, fit, zones, weights. */
export interface Scoring {
  weights: Weights;
  region: RegionContext;
  /** Link id → ids of the region's STRONG links SUPPLIES-adjacent to it or to a link above it, by id. */
  fitOf: Map<string, string[]>;
  /** The preferred source zones, in the order asked, with their member regions. */
  zones: { name: string; members: Set<string> }[];
  /** Every member region of those zones. */
  zoneCodes: Set<string>;
  catalog: Catalog;
}

export function scoring(
  cat: Catalog,
  region: RegionContext,
  strongIds: readonly string[],
  preferred: readonly string[],
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
  const zones = preferred.map((z) => cat.zones.get(z)).filter((z): z is NonNullable<typeof z> => !!z);
  const zoneCodes = new Set(zones.flatMap((z) => [...z.members]));
  return { weights, region, fitOf, zones, zoneCodes, catalog: cat };
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

/** How many distinct strong links {@link fitIds} would list, without listing them. */
function fitCount(f: Firm, s: Scoring): number {
  if (f.links.length === 1) return s.fitOf.get(f.links[0]!)?.length ?? 0;
  let first: string[] | undefined;
  let n = 0;
  for (const l of f.links) {
    const fit = s.fitOf.get(l);
    if (!fit) continue;
    if (!first) {
      first = fit;
      n = fit.length;
    } else return fitIds(f, s).length;
  }
  return n;
}

export function countsOf(c: Candidate, s: Scoring): CandidateCounts {
  return {
    strength: c.firm.strength,
    ties: s.region.ties.get(c.firm.id) ?? 0,
    supplyFit: fitCount(c.firm, s),
    inZone: c.firm.codes.some((code) => s.zoneCodes.has(code)),
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
  return { candidate: c, target: t, score: scoreFor(c.firm, c.isLocal, t, s) };
}

/** The score of a firm for a target: {@link rankScore} of {@link countsOf}, without allocating. */
export function scoreFor(f: Firm, isLocal: boolean, t: Target, s: Scoring): number {
  let inZone = false;
  for (const code of f.codes) if (s.zoneCodes.has(code)) inZone = true;
  return scoreOf(
    f.strength,
    s.region.ties.get(f.id) ?? 0,
    fitCount(f, s),
    inZone,
    isLocal,
    t.severity,
    s.weights,
  );
}

/**
 * The best `n` of a stream, best first (higher score, then smaller id), without sorting the
 * stream. An item is built (`make`) only when its score and id make the top.
 */
export class TopN<T extends { score: number }> {
  readonly items: T[] = [];

  constructor(
    private readonly n: number,
    private readonly idOf: (item: T) => string,
  ) {}

  /** Would an item with this score and id enter? */
  admits(score: number, id: string): boolean {
    if (this.n <= 0) return false;
    if (this.items.length < this.n) return true;
    const worst = this.items[this.n - 1]!;
    return score > worst.score || (score === worst.score && id < this.idOf(worst));
  }

  offer(score: number, id: string, make: () => T): void {
    if (!this.admits(score, id)) return;
    const top = this.items;
    const x = make();
    let i = top.length < this.n ? top.length : this.n - 1;
    if (top.length < this.n) top.push(x);
    const before = (a: T, b: T) => a.score > b.score || (a.score === b.score && this.idOf(a) < this.idOf(b));
    while (i > 0 && before(x, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = x;
  }
}

/** A TopN of ranked candidates. */
export const rankedTop = (n: number) => new TopN<Ranked>(n, (r) => r.candidate.firm.id);

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
