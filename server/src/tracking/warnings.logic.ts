import { STAGE_LABEL } from '../pipeline/project-stage.js';
import { addMonths, daysBetween } from './dates.js';
import { lastMoveOn, reachedOn, stageAt, terminatedOn, type ProjectFacts } from './facts.js';
import { KPI_LABEL, KPI_METRICS, type KpiLine, type KpiMetric } from './kpi.logic.js';

// 预警: the rules that flag a project or a region, each with its reason in words.

export type WarningKind = 'SIGNED_NOT_STARTED' | 'PRODUCTION_OVERDUE' | 'STALLED' | 'BEHIND_SCHEDULE';
export type Severity = 'HIGH' | 'MEDIUM';

export interface WarningThresholds {
  /** 签约到开工一般不超过6个月 (Chenzhou): months from signing to the start of construction. */
  signedNotStartedMonths: number;
  /** Days without a stage move after which a project that is not finished is flagged. */
  stalledDays: number;
  /** A region is flagged when a KPI is behind 序时进度 by more than this many points. */
  behindPoints: number;
}

export const DEFAULT_WARNING_THRESHOLDS: Readonly<WarningThresholds> = Object.freeze({
  signedNotStartedMonths: 6,
  stalledDays: 90,
  behindPoints: 0,
});

/** A project warning becomes HIGH once it is this many days overdue. */
export const HIGH_OVERDUE_DAYS = 90;
/** A region warning becomes HIGH when the KPI is behind by more than this many points. */
export const HIGH_BEHIND_POINTS = 20;

export interface Warning {
  kind: WarningKind;
  severity: Severity;
  regionCode: string;
  projectKey: string | null;
  metric: KpiMetric | null;
  /** The date the clock started: signing, the planned production date, the last move, 1 January. */
  since: string;
  /** Days overdue (project rules) or idle (STALLED); null for a region. */
  days: number | null;
  /** Percentage points behind 序时进度 (negative), for a region. */
  points: number | null;
  reason: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { HIGH: 0, MEDIUM: 1 };
const KIND_ORDER: Record<WarningKind, number> = {
  BEHIND_SCHEDULE: 0,
  SIGNED_NOT_STARTED: 1,
  PRODUCTION_OVERDUE: 2,
  STALLED: 3,
};

/**
 * The project rules at `asOf`, over the project's moves dated by then. A terminated project is
 * never flagged; STALLED is left out for a project already flagged by another rule (one project,
 * one line).
 *
 * - SIGNED_NOT_STARTED: signed (签约 or later) on S, not started (开工) by `asOf`, and `asOf` is
 *   after S + `signedNotStartedMonths` months; overdue by the days past that deadline.
 * - PRODUCTION_OVERDUE: started, not in production (投产) by `asOf`, and `asOf` is after its
 *   planned production date; overdue by the days past it.
 * - STALLED: not at a final stage (入规, 终止), and its last move is more than `stalledDays` days
 *   before `asOf`.
 *
 * HIGH once overdue more than 90 days (STALLED: idle twice the threshold), else MEDIUM.
 */
export function projectWarnings(
  p: ProjectFacts,
  asOf: string,
  t: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): Warning[] {
  if (terminatedOn(p.events, asOf) !== null) return [];
  const out: Warning[] = [];
  const base = { regionCode: p.regionCode, projectKey: p.key, metric: null, points: null };
  const signed = reachedOn(p.events, 'SIGNED', asOf);
  const started = reachedOn(p.events, 'STARTED', asOf);
  const producing = reachedOn(p.events, 'IN_PRODUCTION', asOf);
  if (signed && !started) {
    const deadline = addMonths(signed, t.signedNotStartedMonths);
    if (asOf > deadline) {
      const days = daysBetween(deadline, asOf);
      out.push({
        ...base,
        kind: 'SIGNED_NOT_STARTED',
        severity: days > HIGH_OVERDUE_DAYS ? 'HIGH' : 'MEDIUM',
        since: signed,
        days,
        reason: `${signed} 签约，至 ${asOf} 仍未开工，超过签约后 ${t.signedNotStartedMonths} 个月的开工期限（${deadline}）${days} 天`,
      });
    }
  }
  if (started && !producing && p.plannedProductionOn && asOf > p.plannedProductionOn) {
    const days = daysBetween(p.plannedProductionOn, asOf);
    out.push({
      ...base,
      kind: 'PRODUCTION_OVERDUE',
      severity: days > HIGH_OVERDUE_DAYS ? 'HIGH' : 'MEDIUM',
      since: p.plannedProductionOn,
      days,
      reason: `${started} 开工，计划 ${p.plannedProductionOn} 投产，至 ${asOf} 仍未投产，已逾期 ${days} 天`,
    });
  }
  const stage = stageAt(p.events, asOf);
  const last = lastMoveOn(p.events, asOf);
  if (out.length === 0 && stage && stage !== 'ABOVE_SIZE' && last) {
    const idle = daysBetween(last, asOf);
    if (idle > t.stalledDays) {
      out.push({
        ...base,
        kind: 'STALLED',
        severity: idle > 2 * t.stalledDays ? 'HIGH' : 'MEDIUM',
        since: last,
        days: idle,
        reason: `${last} 进入${STAGE_LABEL[stage]}阶段后 ${idle} 天无进展（超过 ${t.stalledDays} 天）`,
      });
    }
  }
  return out;
}

/**
 * BEHIND_SCHEDULE: one warning per KPI of the region whose gap to 序时进度 is below
 * −`behindPoints` (an industrial share below its target); HIGH when behind by more than 20 points.
 * The bonus item (export-oriented projects) is never a warning.
 */
export function regionWarnings(
  regionCode: string,
  regionName: string,
  lines: readonly KpiLine[],
  year: number,
  t: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): Warning[] {
  return lines
    .filter(
      (l) =>
        l.metric !== 'exportProjects10e' &&
        l.status === 'BEHIND' &&
        l.progressPoints !== null &&
        l.progressPoints < -t.behindPoints,
    )
    .map((l) => {
      const pts = l.progressPoints!;
      const behind = Math.abs(pts).toFixed(2);
      const reason =
        l.metric === 'industrialShare'
          ? `${regionName}${KPI_LABEL[l.metric]} ${pct(l.actual)}，低于目标 ${pct(l.target)}，差 ${behind} 个百分点`
          : `${regionName}${KPI_LABEL[l.metric]}完成 ${fmt(l.actual)}/${fmt(l.target)}（${pct(l.completionRate)}），落后序时进度 ${behind} 个百分点`;
      return {
        kind: 'BEHIND_SCHEDULE' as const,
        severity: pts < -HIGH_BEHIND_POINTS ? ('HIGH' as const) : ('MEDIUM' as const),
        regionCode,
        projectKey: null,
        metric: l.metric,
        since: `${year}-01-01`,
        days: null,
        points: pts,
        reason,
      };
    });
}

const fmt = (x: number | null) => (x === null ? '—' : String(Math.round(x * 100) / 100));
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

const metricOrder = (w: Warning) => (w.metric ? KPI_METRICS.indexOf(w.metric) : -1);

/** Most serious first: severity, then region warnings before project ones, then longest overdue, then key. */
export function sortWarnings(ws: Warning[]): Warning[] {
  return ws.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.points ?? 0) - (b.points ?? 0) ||
      (b.days ?? 0) - (a.days ?? 0) ||
      a.regionCode.localeCompare(b.regionCode) ||
      metricOrder(a) - metricOrder(b) ||
      (a.projectKey ?? '').localeCompare(b.projectKey ?? ''),
  );
}
