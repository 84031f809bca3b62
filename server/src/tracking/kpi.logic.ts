import { elapsedShare, minDay, yearEnd, yearStart } from './dates.js';
import type { ProjectStage } from '../pipeline/pipeline.model.js';
import { LIFE_CYCLE } from '../pipeline/project-stage.js';
import {
  amountAt,
  fundsBetween,
  reachedOn,
  round,
  roundOpt,
  stageAt,
  terminatedOn,
  type ProjectFacts,
} from './facts.js';

// 考核指标: what counts for which KPI, and 序时进度. docs/tracking.md says the same in words.

export const KPI_METRICS = [
  'anchorProjects',
  'projects10e',
  'projects1e',
  'industrialShare',
  'newStarts1e',
  'fundsInPlace',
  'exportProjects10e',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

export const KPI_LABEL: Record<KpiMetric, string> = {
  anchorProjects: '引进500强/上市公司/龙头企业项目',
  projects10e: '10亿元以上项目',
  projects1e: '亿元以上项目',
  industrialShare: '工业项目占比',
  newStarts1e: '新开工亿元以上产业项目',
  fundsInPlace: '到位资金',
  exportProjects10e: '10亿元以上外向型项目（加分项）',
};

export const KPI_UNIT: Record<KpiMetric, string> = {
  anchorProjects: '个',
  projects10e: '个',
  projects1e: '个',
  industrialShare: '%',
  newStarts1e: '个',
  fundsInPlace: '亿元',
  exportProjects10e: '个',
};

/** Metrics that accumulate over the year (compared with target × share of year elapsed). */
export const CUMULATIVE: readonly KpiMetric[] = KPI_METRICS.filter((m) => m !== 'industrialShare');

export type KpiTargets = Partial<Record<KpiMetric, number | null>>;

/** Where a metric stands against 序时进度. */
export type ScheduleStatus = 'AHEAD' | 'ON_SCHEDULE' | 'BEHIND' | 'NO_TARGET' | 'NO_DATA';

export interface KpiLine {
  metric: KpiMetric;
  target: number | null;
  actual: number | null;
  /** actual ÷ target (0–1 and above), 4 decimals; null without a positive target. */
  completionRate: number | null;
  /** What 序时 asks for by `asOf`: target × share of the year elapsed (a share's target itself). */
  expected: number | null;
  /** 超(+)/落后(−)序时进度, percentage points: (completion rate − share elapsed) × 100, 2 decimals. */
  progressPoints: number | null;
  status: ScheduleStatus;
  /** The projects that make up the actual, by key (funds: those with funds in the window). */
  projectKeys: string[];
}

/** Thresholds of the counting rules. */
export const AMOUNT_1E = 1;
export const AMOUNT_10E = 10;

export interface Counted {
  values: Record<KpiMetric, number | null>;
  projectKeys: Record<KpiMetric, string[]>;
}

/**
 * The actuals of year `year` as of `asOf`, from the projects' dated facts. The window is January
 * 1st to `asOf` (or December 31st if `asOf` is later). A project counts as signed (resp. started)
 * in the year when it first reached 签约 (resp. 开工) or a later stage inside the window; a
 * project terminated (终止) on or before `asOf` counts for no project KPI. Amounts are those on
 * `asOf`. Funds in place are every FundsEntry dated in the window, terminated projects included
 * (the money did arrive).
 */
export function countKpis(projects: readonly ProjectFacts[], year: number, asOf: string): Counted {
  const from = yearStart(year);
  const to = minDay(asOf, yearEnd(year));
  const keys: Record<KpiMetric, string[]> = {
    anchorProjects: [],
    projects10e: [],
    projects1e: [],
    industrialShare: [],
    newStarts1e: [],
    fundsInPlace: [],
    exportProjects10e: [],
  };
  let funds = 0;
  let industrial1e = 0;
  const inWindow = (d: string | null) => d !== null && d >= from && d <= to;
  for (const p of projects) {
    const f = fundsBetween(p.funds, from, to);
    if (f !== 0) {
      funds += f;
      keys.fundsInPlace.push(p.key);
    }
    if (to < from || terminatedOn(p.events, to) !== null) continue;
    const amount = amountAt(p, to) ?? 0;
    if (inWindow(reachedOn(p.events, 'SIGNED', to))) {
      if (p.anchor) keys.anchorProjects.push(p.key);
      if (amount >= AMOUNT_10E) keys.projects10e.push(p.key);
      if (amount >= AMOUNT_1E) {
        keys.projects1e.push(p.key);
        if (p.industrial) {
          industrial1e++;
          keys.industrialShare.push(p.key);
        }
      }
      if (amount >= AMOUNT_10E && p.exportOriented) keys.exportProjects10e.push(p.key);
    }
    if (inWindow(reachedOn(p.events, 'STARTED', to)) && amount >= AMOUNT_1E) keys.newStarts1e.push(p.key);
  }
  for (const k of Object.values(keys)) k.sort();
  return {
    values: {
      anchorProjects: keys.anchorProjects.length,
      projects10e: keys.projects10e.length,
      projects1e: keys.projects1e.length,
      industrialShare: keys.projects1e.length ? round(industrial1e / keys.projects1e.length, 4) : null,
      newStarts1e: keys.newStarts1e.length,
      fundsInPlace: round(funds, 4),
      exportProjects10e: keys.exportProjects10e.length,
    },
    projectKeys: keys,
  };
}

/** Tolerance under which a gap to 序时 counts as none (it would print as 0.00 points). */
const EVEN = 0.005;

/**
 * One KPI line: completion rate and 序时进度. For a cumulative metric, 序时 asks for
 * target × share of the year elapsed, so the gap in percentage points is (actual ÷ target −
 * share) × 100 (the county report's "超/落后序时进度 x 个百分点"). The industrial share is a ratio,
 * not a sum: it is on schedule when it reaches its target, and its gap is (actual − target) × 100.
 */
export function kpiLine(
  metric: KpiMetric,
  target: number | null | undefined,
  actual: number | null,
  share: number,
  projectKeys: string[] = [],
): KpiLine {
  const t = target ?? null;
  const base = { metric, target: t, actual, projectKeys };
  if (t === null || t <= 0) {
    return { ...base, completionRate: null, expected: null, progressPoints: null, status: 'NO_TARGET' };
  }
  if (metric === 'industrialShare') {
    if (actual === null)
      return { ...base, completionRate: null, expected: t, progressPoints: null, status: 'NO_DATA' };
    const gap = (actual - t) * 100;
    return {
      ...base,
      completionRate: round(actual / t, 4),
      expected: t,
      progressPoints: round(gap, 2),
      status: statusOf(gap),
    };
  }
  return { ...base, ...progress(t, actual, share) };
}

/**
 * Completion and 序时进度 of a cumulative figure: rate = actual ÷ target, expected = target ×
 * share, gap = (rate − share) × 100 percentage points. Target must be positive.
 */
export function progress(
  target: number,
  actual: number | null,
  share: number,
): Pick<KpiLine, 'completionRate' | 'expected' | 'progressPoints' | 'status'> {
  const rate = (actual ?? 0) / target;
  const gap = (rate - share) * 100;
  return {
    completionRate: round(rate, 4),
    expected: round(target * share, 4),
    progressPoints: round(gap, 2),
    status: statusOf(gap),
  };
}

function statusOf(gap: number): ScheduleStatus {
  return Math.abs(gap) < EVEN ? 'ON_SCHEDULE' : gap > 0 ? 'AHEAD' : 'BEHIND';
}

/** Every KPI line of a region for `year` as of `asOf`. */
export function kpiLines(
  projects: readonly ProjectFacts[],
  targets: KpiTargets | null,
  year: number,
  asOf: string,
): KpiLine[] {
  const share = elapsedShare(year, asOf);
  const counted = countKpis(projects, year, asOf);
  return KPI_METRICS.map((m) =>
    kpiLine(m, targets?.[m] ?? null, counted.values[m], share, counted.projectKeys[m]),
  );
}

/** The projects of `regionCode` or of any region within it. */
export function projectsWithin(projects: readonly ProjectFacts[], regionCode: string): ProjectFacts[] {
  return projects.filter((p) => p.regionCode === regionCode || p.regionPath.includes(regionCode));
}

/** Round a share of the year for output (6 decimals). */
export const shareOut = (x: number) => roundOpt(x, 6)!;

export interface FunnelRow {
  stage: ProjectStage;
  count: number;
  /** Sum of the amounts on `asOf`, 亿元 (unknown amounts left out). */
  amount: number;
}

/**
 * 项目漏斗: how many projects stood at each stage on `asOf` (by their last move by then), with
 * their amounts; 线索 first, 终止 last. Projects with no move by then are left out.
 */
export function funnel(projects: readonly ProjectFacts[], asOf: string): FunnelRow[] {
  const rows = new Map<string, FunnelRow>(
    [...LIFE_CYCLE, 'TERMINATED' as const].map((s) => [s, { stage: s, count: 0, amount: 0 }]),
  );
  for (const p of projects) {
    const s = stageAt(p.events, asOf);
    const row = s ? rows.get(s) : undefined;
    if (!row) continue;
    row.count++;
    row.amount += amountAt(p, asOf) ?? 0;
  }
  return [...rows.values()].map((r) => ({ ...r, amount: round(r.amount, 4) }));
}
