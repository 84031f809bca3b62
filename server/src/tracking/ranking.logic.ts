import { daysInMonth, minDay, yearEnd } from './dates.js';
import { round, roundOpt } from './facts.js';
import type { KpiLine, KpiMetric } from './kpi.logic.js';

// 排位: the counties and zones of a city ranked by one composite of their completion rates.

export type Period = 'MONTH' | 'QUARTER' | 'HALF_YEAR';

/** How many periods of each kind a year has. */
export const PERIODS_PER_YEAR: Record<Period, number> = { MONTH: 12, QUARTER: 4, HALF_YEAR: 2 };
const MONTHS_PER_PERIOD: Record<Period, number> = { MONTH: 1, QUARTER: 3, HALF_YEAR: 6 };

/** The last day of period `index` (1-based) of `year`. */
export function periodEnd(year: number, period: Period, index: number): string {
  const month = index * MONTHS_PER_PERIOD[period];
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** The first day of period `index` (1-based) of `year`. */
export function periodStart(year: number, period: Period, index: number): string {
  const month = (index - 1) * MONTHS_PER_PERIOD[period] + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** The period of `year` that contains `day`: 1 before the year, the last one after it. */
export function periodOf(year: number, period: Period, day: string): number {
  if (day > yearEnd(year)) return PERIODS_PER_YEAR[period];
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (y < year) return 1;
  return Math.ceil(m / MONTHS_PER_PERIOD[period]);
}

/** 2026年10月, 2026年第3季度, 2026年上半年. */
export function periodLabel(year: number, period: Period, index: number): string {
  if (period === 'MONTH') return `${year}年${index}月`;
  if (period === 'QUARTER') return `${year}年第${index}季度`;
  return `${year}年${index === 1 ? '上' : '下'}半年`;
}

/**
 * The reference date of a period: its last day, or `today` while the period is still running (a
 * ranking never looks into the future).
 */
export function periodAsOf(year: number, period: Period, index: number, today: string): string {
  return minDay(periodEnd(year, period, index), today);
}

/** Weights of the composite (sum 100). The export-oriented item is a bonus on top. */
export const RANK_WEIGHTS: Readonly<Partial<Record<KpiMetric, number>>> = Object.freeze({
  anchorProjects: 15,
  projects10e: 20,
  projects1e: 15,
  industrialShare: 5,
  newStarts1e: 20,
  fundsInPlace: 25,
});
/** A completion rate counts up to this (120%): overshooting one KPI cannot hide another. */
export const RATE_CAP = 1.2;
/** 加分项: points per export-oriented project ≥ 10亿 signed in the year, and their maximum. */
export const EXPORT_BONUS_EACH = 2;
export const EXPORT_BONUS_MAX = 10;

export interface Composite {
  /** 0–120 plus the bonus; null when the region has no positive target at all. */
  score: number | null;
  bonus: number;
}

/**
 * The composite: 100 × Σ w·min(rate, 1.2) ÷ Σ w over the weighted metrics with a positive target
 * (a rate that cannot be computed, i.e. an industrial share without any project ≥ 1亿, counts 0),
 * plus 2 points per export-oriented project ≥ 10亿 (at most 10). Rounded to 2 decimals.
 */
export function composite(lines: readonly KpiLine[]): Composite {
  let num = 0;
  let den = 0;
  for (const l of lines) {
    const w = RANK_WEIGHTS[l.metric];
    if (!w || l.target === null || l.target <= 0) continue;
    den += w;
    num += w * Math.min(l.completionRate ?? 0, RATE_CAP);
  }
  const exp = lines.find((l) => l.metric === 'exportProjects10e')?.actual ?? 0;
  const bonus = Math.min(exp * EXPORT_BONUS_EACH, EXPORT_BONUS_MAX);
  return { score: den === 0 ? null : round((100 * num) / den + bonus, 2), bonus };
}

export interface Scored {
  code: string;
  score: number | null;
}

export interface Ranked<T extends Scored> {
  item: T;
  /** 1 for the best; ties share a rank (1, 2, 2, 4); null for a region without a score. */
  rank: number | null;
}

/**
 * Rank by score, highest first. Equal scores (to 2 decimals) share a rank and the next rank skips
 * (standard competition ranking); within a tie, and among regions without a score (listed last,
 * unranked), the order is by region code, so the same data always gives the same table.
 */
export function rankByScore<T extends Scored>(items: readonly T[]): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => {
    if (a.score === null || b.score === null) {
      if (a.score !== b.score) return a.score === null ? 1 : -1;
    } else if (a.score !== b.score) return b.score - a.score;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
  const out: Ranked<T>[] = [];
  sorted.forEach((item, i) => {
    if (item.score === null) return out.push({ item, rank: null });
    const prev = out[i - 1];
    const rank = prev && prev.item.score === item.score ? prev.rank : i + 1;
    out.push({ item, rank });
  });
  return out;
}

export interface RankRow<T extends Scored> extends Ranked<T> {
  previousRank: number | null;
  previousScore: number | null;
  /** Places moved up since the previous period (previous rank − rank); null without both ranks. */
  change: number | null;
}

/** The current ranking joined with the previous one by region code. */
export function withMovement<T extends Scored>(
  current: readonly Ranked<T>[],
  previous: readonly Ranked<Scored>[] | null,
): RankRow<T>[] {
  const before = new Map((previous ?? []).map((r) => [r.item.code, r]));
  return current.map((r) => {
    const p = before.get(r.item.code);
    const previousRank = p?.rank ?? null;
    return {
      ...r,
      previousRank,
      previousScore: roundOpt(p?.item.score ?? null, 2),
      change: previousRank !== null && r.rank !== null ? previousRank - r.rank : null,
    };
  });
}
