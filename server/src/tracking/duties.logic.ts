import { elapsedShare, minDay, yearEnd, yearStart } from './dates.js';
import { amountAt, reachedOn, terminatedOn, type ProjectFacts } from './facts.js';
import { progress, type ScheduleStatus } from './kpi.logic.js';

// 领导责任: the duties Xianning's plan sets each leader — trips out to court investors (赴外招商
// 次数) and projects planned (谋划) of a minimum size — tracked like the KPIs.

export interface DutyTargets {
  tripsOut: number | null;
  projectsPlanned: number | null;
  /** The size a planned project must reach, 亿元 (e.g. 30, 20, 10, 1). */
  plannedMinAmount: number | null;
}

export interface DutyLine {
  target: number | null;
  actual: number;
  completionRate: number | null;
  expected: number | null;
  progressPoints: number | null;
  status: ScheduleStatus;
}

export interface DutyReport {
  tripsOut: DutyLine;
  projectsPlanned: DutyLine;
  /** The projects that count as planned, by key. */
  plannedKeys: string[];
  /** The days of the trips out that count. */
  tripDays: string[];
}

function line(target: number | null, actual: number, share: number): DutyLine {
  if (target === null || target <= 0)
    return {
      target,
      actual,
      completionRate: null,
      expected: null,
      progressPoints: null,
      status: 'NO_TARGET',
    };
  return { target, actual, ...progress(target, actual, share) };
}

/**
 * A leader's duties in `year` as of `asOf`. Trips out: contacts the leader made with `tripOut`
 * set, dated in the year up to `asOf`. Projects planned: projects handled by the task forces the
 * leader leads, entered (立项, their first move) in the year up to `asOf`, with an amount on
 * `asOf` of at least `plannedMinAmount` (any amount when it is not set), not terminated by then.
 */
export function dutyReport(
  targets: DutyTargets | null,
  tripDays: readonly string[],
  projects: readonly ProjectFacts[],
  year: number,
  asOf: string,
): DutyReport {
  const from = yearStart(year);
  const to = minDay(asOf, yearEnd(year));
  const share = elapsedShare(year, asOf);
  const trips = tripDays.filter((d) => d >= from && d <= to).sort();
  const min = targets?.plannedMinAmount ?? 0;
  const planned = projects
    .filter((p) => {
      const entered = reachedOn(p.events, 'LEAD', to);
      return (
        entered !== null &&
        entered >= from &&
        terminatedOn(p.events, to) === null &&
        (amountAt(p, to) ?? 0) >= min
      );
    })
    .map((p) => p.key)
    .sort();
  return {
    tripsOut: line(targets?.tripsOut ?? null, trips.length, share),
    projectsPlanned: line(targets?.projectsPlanned ?? null, planned.length, share),
    plannedKeys: planned,
    tripDays: trips,
  };
}
