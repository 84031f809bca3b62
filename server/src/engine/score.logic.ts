import {
  ANCHOR_TAGS,
  FACTORS,
  REVENUE_SATURATION,
  SUPPLY_FIT_SATURATION,
  TAG_LABEL,
  TAG_STRENGTH,
  TIES_SATURATION,
  type Weights,
} from './engine.defaults.js';
import { cmp } from './diagnosis.logic.js';

// The pure half of 招谁: the explainable score of a candidate enterprise for one link.
// score = Σ weight_f × value_f over the factors, each value in [0, 1]; every contribution is
// reported, and they add up to the score. Formulas: docs/method.md.

export type FactorName = (typeof FACTORS)[number];

export interface Factor {
  name: FactorName;
  weight: number;
  /** The factor's value, 0–1, before weighting. */
  value: number;
  /** weight × value: what the factor adds to the score. */
  contribution: number;
  /** Why, in words a task force reads (Chinese). */
  detail: string;
}

/** What the store knows about a candidate, before scoring. */
export interface CandidateFeatures {
  id: string;
  name: string;
  tags: string[];
  revenue: number | null;
  /** True when the firm is located in the region being served. */
  local: boolean;
  /** Names of firms in the region it supplies, is supplied by, invests in or is invested by. */
  ties: string[];
  /** Names of the region's STRONG links that its links SUPPLY or are supplied by. */
  supplyFit: string[];
  /** Names of the preferred source zones it is in. */
  zones: string[];
}

export interface LinkContext {
  /** Value of filling this link, 0–1 (the gap severity). */
  severity: number;
  /** e.g. 断链·关键环节 正极材料. */
  label: string;
}

export interface Scored {
  score: number;
  factors: Factor[];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export const isAnchor = (tags: readonly string[]): boolean => tags.some((t) => ANCHOR_TAGS.includes(t));

/** The strongest tag's value, 0–1. */
export function tagValue(tags: readonly string[]): number {
  return tags.reduce((m, t) => Math.max(m, TAG_STRENGTH[t] ?? 0), 0);
}

/** log10(1 + revenue) / log10(1 + REVENUE_SATURATION), capped at 1; 0 when unknown. */
export function revenueValue(revenue: number | null): number {
  if (revenue == null || !(revenue > 0)) return 0;
  return Math.min(1, Math.log10(1 + revenue) / Math.log10(1 + REVENUE_SATURATION));
}

/** Strength: the mean of the tag value and the revenue value. */
export function strengthValue(tags: readonly string[], revenue: number | null): number {
  return 0.5 * tagValue(tags) + 0.5 * revenueValue(revenue);
}

const names = (xs: readonly string[], max = 3) => xs.slice(0, max).join('、') + (xs.length > max ? '等' : '');

/** What the score needs of a candidate, as numbers: the ranking of every candidate uses only these. */
export interface CandidateCounts {
  /** {@link strengthValue} of its tags and revenue. */
  strength: number;
  /** Distinct firms of the region it has a tie with. */
  ties: number;
  /** Distinct STRONG links of the region its links (or their parents) SUPPLY or are supplied by. */
  supplyFit: number;
  /** In a preferred source zone. */
  inZone: boolean;
  local: boolean;
}

/** Each factor's value, 0–1, before weighting: the one definition of the factors. */
export function factorValues(c: CandidateCounts, severity: number): Record<FactorName, number> {
  return {
    strength: c.strength,
    gap: severity,
    ties: Math.min(c.ties, TIES_SATURATION) / TIES_SATURATION,
    supplyFit: Math.min(c.supplyFit, SUPPLY_FIT_SATURATION) / SUPPLY_FIT_SATURATION,
    sourceZone: !c.local && c.inZone ? 1 : 0,
  };
}

/**
 * The score alone, exactly as {@link scoreCandidate} computes it (the same rounded contributions
 * summed in the same order, checked by the unit tests), without the explanation and without
 * allocating: what ranks every candidate.
 */
export function rankScore(c: CandidateCounts, severity: number, weights: Weights): number {
  return scoreOf(c.strength, c.ties, c.supplyFit, c.inZone, c.local, severity, weights);
}

/** {@link rankScore} with its figures as arguments. */
export function scoreOf(
  strength: number,
  ties: number,
  supplyFit: number,
  inZone: boolean,
  local: boolean,
  severity: number,
  w: Weights,
): number {
  let score = 0;
  score += round6(w.strength * strength);
  score += round6(w.gap * severity);
  score += round6(w.ties * (Math.min(ties, TIES_SATURATION) / TIES_SATURATION));
  score += round6(w.supplyFit * (Math.min(supplyFit, SUPPLY_FIT_SATURATION) / SUPPLY_FIT_SATURATION));
  score += round6(w.sourceZone * (!local && inZone ? 1 : 0));
  return round6(score);
}

/** Score one candidate for one link. Contributions are rounded to 1e-6 and sum to the score. */
export function scoreCandidate(c: CandidateFeatures, link: LinkContext, weights: Weights): Scored {
  const values = factorValues(
    {
      strength: strengthValue(c.tags, c.revenue),
      ties: c.ties.length,
      supplyFit: c.supplyFit.length,
      inZone: c.zones.length > 0,
      local: c.local,
    },
    link.severity,
  );
  const tagText = c.tags
    .filter((t) => (TAG_STRENGTH[t] ?? 0) > 0)
    .map((t) => TAG_LABEL[t] ?? t)
    .join('、');
  const details: Record<FactorName, string> = {
    strength: [tagText || '无重点标签', c.revenue != null ? `营收${c.revenue}亿元` : '营收未知'].join('；'),
    gap: link.label,
    ties: c.ties.length ? `与本地${names(c.ties)}有供应或投资关系（以商招商）` : '与本地企业无直接关系',
    supplyFit: c.supplyFit.length
      ? `与本地强链${names(c.supplyFit)}上下游配套（以龙头引配套）`
      : '与本地强链无配套关系',
    sourceZone: c.local ? '本地企业' : c.zones.length ? `位于${c.zones.join('、')}` : '不在重点来源地',
  };
  const factors = FACTORS.map((name): Factor => ({
    name,
    weight: weights[name],
    value: round6(values[name]),
    contribution: round6(weights[name] * values[name]),
    detail: details[name],
  }));
  return { score: round6(factors.reduce((s, f) => s + f.contribution, 0)), factors };
}

/** Best first: higher score, then enterprise id (so equal scores never swap between runs). */
export function compareHits(a: { score: number; id: string }, b: { score: number; id: string }): number {
  return b.score - a.score || cmp(a.id, b.id);
}
