/**
 * Ranking search candidates from several sources (full-text, prefix, substring, pinyin, stock
 * code) into one list. Scores are 0–1 and comparable within one response:
 *   1.0  EXACT     the whole name (or short/full name, or stock code) is what was typed
 *   0.8  PREFIX    a name starts with it
 *   0.75 PINYIN    the pinyin initials are exactly what was typed (xn → 咸宁)
 *   0.3–0.7 FULLTEXT by the full-text score, relative to the best full-text hit
 *   0.5  PINYIN    the initials start with what was typed
 *   0.4  CONTAINS  a name contains it (one-character queries, small lists)
 * Ties go to the shorter name (more specific), then regions, chains, links, enterprises, then
 * the higher tier (a city before a county: 咸宁市 before 乡宁县 for `xn`).
 */
export const SEARCH_KINDS = ['REGION', 'CHAIN', 'LINK', 'ENTERPRISE'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_MATCHES = ['EXACT', 'PREFIX', 'FULLTEXT', 'CONTAINS', 'PINYIN'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export interface Candidate<N> {
  kind: SearchKind;
  key: string;
  /** The names a query may equal or start with: name, short name, full name. */
  names: (string | null)[];
  node: N;
  match: SearchMatch;
  /** Full-text score, for FULLTEXT. */
  lucene?: number | null;
  /** For PINYIN: the initials equal the query (not just start with it). */
  exact?: boolean;
  /** Tie-breaker, lower first: a region's level (province 0 … zone 3); 0 for the rest. */
  tier?: number;
}

export interface Hit<N> {
  kind: SearchKind;
  score: number;
  matchedBy: SearchMatch;
  node: N;
}

const KIND_ORDER: Record<SearchKind, number> = { REGION: 0, CHAIN: 1, LINK: 2, ENTERPRISE: 3 };

const round = (x: number) => Math.round(x * 1000) / 1000;

function scoreOf<N>(q: string, c: Candidate<N>, maxLucene: number): [number, SearchMatch] {
  const names = c.names.filter((n): n is string => !!n).map((n) => n.normalize('NFKC').toLowerCase());
  if (c.match === 'EXACT' || names.some((n) => n === q)) return [1, 'EXACT'];
  if (names.some((n) => n.startsWith(q))) return [0.8, 'PREFIX'];
  switch (c.match) {
    case 'PINYIN':
      return [c.exact ? 0.75 : 0.5, 'PINYIN'];
    case 'FULLTEXT':
      return [0.3 + (0.4 * (c.lucene ?? 0)) / (maxLucene || 1), 'FULLTEXT'];
    default:
      return [0.4, c.match];
  }
}

/**
 * Merge candidates (one entity found several ways keeps its best score), rank them, and keep
 * at most `perKind` hits of each kind.
 */
export function rankHits<N>(text: string, candidates: Candidate<N>[], perKind: number): Hit<N>[] {
  const q = text.normalize('NFKC').trim().toLowerCase();
  const maxLucene = Math.max(0, ...candidates.map((c) => (c.match === 'FULLTEXT' ? (c.lucene ?? 0) : 0)));
  const best = new Map<string, Hit<N> & { length: number; key: string; tier: number }>();
  for (const c of candidates) {
    const [score, matchedBy] = scoreOf(q, c, maxLucene);
    const id = `${c.kind}:${c.key}`;
    const prior = best.get(id);
    if (!prior || score > prior.score) {
      const length = (c.names.find((n) => n) ?? '').length;
      const tier = c.tier ?? 0;
      best.set(id, { kind: c.kind, score: round(score), matchedBy, node: c.node, length, key: c.key, tier });
    }
  }
  const sorted = [...best.values()].sort(
    (a, b) =>
      b.score - a.score ||
      a.length - b.length ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.tier - b.tier ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const taken = new Map<SearchKind, number>();
  const out: Hit<N>[] = [];
  for (const h of sorted) {
    const n = taken.get(h.kind) ?? 0;
    if (n >= perKind) continue;
    taken.set(h.kind, n + 1);
    out.push({ kind: h.kind, score: h.score, matchedBy: h.matchedBy, node: h.node });
  }
  return out;
}
