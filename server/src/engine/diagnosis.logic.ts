import { GAP_KINDS, GAP_SEVERITY, type GapKind, type Thresholds } from './engine.defaults.js';

// The pure half of 招什么: statuses, location quotients, broken links, coverage and gap order.
// No I/O here; diagnosis.service.ts feeds it what engine.store.ts reads. Formulas: docs/method.md.

export const LINK_STATUSES = ['STRONG', 'WEAK', 'MISSING'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/**
 * Location quotient (区位商) of a link in a region:
 * (local count in L / local count in C) ÷ (national count in L / national count in C).
 * Null when the region has no enterprise in the chain, or the link none nationally.
 */
export function locationQuotient(
  local: number,
  localChain: number,
  national: number,
  nationalChain: number,
): number | null {
  if (localChain <= 0 || national <= 0 || nationalChain <= 0) return null;
  return local / localChain / (national / nationalChain);
}

/**
 * MISSING without a local enterprise; STRONG with a local anchor, or with at least
 * `strongMinCount` local enterprises at a location quotient of at least `strongMinQuotient`;
 * WEAK otherwise.
 */
export function linkStatus(
  local: number,
  anchors: number,
  quotient: number | null,
  thresholds: Thresholds,
): LinkStatus {
  if (local <= 0) return 'MISSING';
  if (anchors > 0) return 'STRONG';
  if (local >= thresholds.strongMinCount && quotient !== null && quotient >= thresholds.strongMinQuotient)
    return 'STRONG';
  return 'WEAK';
}

/** The kind of gap a link is, or null for a STRONG link. */
export function gapKind(status: LinkStatus, broken: boolean, key: boolean): GapKind | null {
  if (status === 'STRONG') return null;
  if (status === 'WEAK') return key ? 'WEAK_KEY' : 'WEAK';
  if (broken) return key ? 'BROKEN_KEY' : 'BROKEN';
  return key ? 'MISSING_KEY' : 'MISSING';
}

export const gapRank = (kind: GapKind): number => GAP_KINDS.indexOf(kind);
export const gapSeverity = (kind: GapKind | null): number => (kind ? GAP_SEVERITY[kind] : 0);

export interface TreeLink {
  id: string;
  parentId: string | null;
}

/** Ancestors of every link (PART_OF, nearest first), guarding against a malformed cycle. */
export function ancestorsOf(links: readonly TreeLink[]): Map<string, string[]> {
  const parent = new Map(links.map((l) => [l.id, l.parentId]));
  const out = new Map<string, string[]>();
  for (const l of links) {
    const chain: string[] = [];
    for (let p = parent.get(l.id); p && !chain.includes(p) && p !== l.id; p = parent.get(p)) chain.push(p);
    out.set(l.id, chain);
  }
  return out;
}

/**
 * The links of a chain that are broken (断链): MISSING, with a present link upstream and another
 * downstream of it, following SUPPLIES transitively within the chain.
 *
 * Edges are lifted over the sub-link tree: an edge between two links also joins their ancestors
 * and descendants (a sub-link inherits its parent's edges; a parent gathers its sub-links'), never
 * siblings. A link's own ancestors and descendants are not its upstream or downstream. Edges
 * marked `allowCycle` (recycling loops) are left out by the caller, so the graph is acyclic.
 */
export function brokenLinks(
  links: readonly TreeLink[],
  edges: readonly (readonly [string, string])[],
  present: ReadonlySet<string>,
): Set<string> {
  const ids = new Set(links.map((l) => l.id));
  const ancestors = ancestorsOf(links);
  const descendants = new Map<string, string[]>([...ids].map((id) => [id, []]));
  for (const [id, anc] of ancestors) for (const a of anc) descendants.get(a)?.push(id);
  const family = (id: string) => new Set([id, ...(ancestors.get(id) ?? []), ...(descendants.get(id) ?? [])]);

  const down = new Map<string, Set<string>>([...ids].map((id) => [id, new Set<string>()]));
  const up = new Map<string, Set<string>>([...ids].map((id) => [id, new Set<string>()]));
  for (const [from, to] of edges) {
    if (!ids.has(from) || !ids.has(to)) continue;
    const toFamily = family(to);
    for (const a of family(from)) {
      const aFamily = family(a);
      for (const b of toFamily) {
        if (aFamily.has(b)) continue;
        down.get(a)!.add(b);
        up.get(b)!.add(a);
      }
    }
  }

  const reaches = (start: string, next: Map<string, Set<string>>, exclude: Set<string>): boolean => {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      const at = queue.shift()!;
      for (const n of next.get(at) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        if (!exclude.has(n) && present.has(n)) return true;
        queue.push(n);
      }
    }
    return false;
  };

  const broken = new Set<string>();
  for (const id of ids) {
    if (present.has(id)) continue;
    const own = family(id);
    if (reaches(id, up, own) && reaches(id, down, own)) broken.add(id);
  }
  return broken;
}

/** Share of the links present, or null when there are none to count. */
export function share(present: number, total: number): number | null {
  return total > 0 ? present / total : null;
}

const STAGE_ORDER: Record<string, number> = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 };
export const stageOrder = (stage: string): number => STAGE_ORDER[stage] ?? 3;

/**
 * Gap rows by severity (broken key > broken > missing key > missing > weak key > weak), then
 * upstream first, then by link id, so the order is total and stable.
 */
export function compareGaps(
  a: { gap: GapKind; stage: string; id: string },
  b: { gap: GapKind; stage: string; id: string },
): number {
  return gapRank(a.gap) - gapRank(b.gap) || stageOrder(a.stage) - stageOrder(b.stage) || cmp(a.id, b.id);
}

/** Code-point order (not locale order), the same everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
