import type { ProjectStage } from '../pipeline/pipeline.model.js';
import { LIFE_CYCLE } from '../pipeline/project-stage.js';

// A project as the tracking rules see it: its dated history, nothing "current". Every figure
// of a report is read from these facts at a date (`asOf`), so a report for a past date comes out
// the same whenever it is run.

export interface DatedStage {
  seq: number | null;
  stage: ProjectStage;
  on: string | null;
}

export interface DatedAmount {
  on: string | null;
  amount: number | null;
}

export interface LinkRef {
  key: string;
  name: string;
  chainId: string | null;
  chainName: string | null;
}

/** One project with everything the KPI, warning and bulletin rules read. */
export interface ProjectFacts {
  key: string;
  name: string;
  /** Current amount (亿元); the dated `amounts` win where they say something about `asOf`. */
  amount: number | null;
  /** Dated amount revisions (AmountEntry), any order. */
  amounts: DatedAmount[];
  industrial: boolean | null;
  exportOriented: boolean | null;
  /** The investor is tagged GLOBAL_500, CHINA_500, LISTED or LEADER. */
  anchor: boolean;
  enterpriseName: string | null;
  /** The region the project lands in, and its ancestors up the tree (nearest first). */
  regionCode: string;
  regionName: string | null;
  regionPath: string[];
  chainId: string | null;
  chainName: string | null;
  plannedProductionOn: string | null;
  events: DatedStage[];
  /** Funds in place (FundsEntry): dated amounts, corrections negative. */
  funds: DatedAmount[];
  links: LinkRef[];
  /** Task force handling it and that task force's leader (for leader duties). */
  taskForceKey: string | null;
}

/** The enterprise tags that make a project count for 引进500强/上市公司/行业龙头 (annex 1). */
export const ANCHOR_PROJECT_TAGS = ['GLOBAL_500', 'CHINA_500', 'LISTED', 'LEADER'] as const;

const RANK = new Map<string, number>(LIFE_CYCLE.map((s, i) => [s, i]));

/** Events with a date on or before `asOf`, in history order. */
export function eventsUntil(events: readonly DatedStage[], asOf: string): DatedStage[] {
  return events
    .filter((e) => e.on !== null && e.on <= asOf)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || (a.on! < b.on! ? -1 : a.on! > b.on! ? 1 : 0));
}

/**
 * When the project first reached `stage` or a later stage of the life cycle, on or before
 * `asOf` (skipping stages is allowed, so a project that went from 在谈 straight to 开工 was signed
 * that day too). Null when it had not.
 */
export function reachedOn(events: readonly DatedStage[], stage: ProjectStage, asOf: string): string | null {
  const want = RANK.get(stage);
  if (want === undefined) return null;
  let first: string | null = null;
  for (const e of events) {
    if (e.on === null || e.on > asOf || e.stage === 'TERMINATED') continue;
    if ((RANK.get(e.stage) ?? -1) >= want && (first === null || e.on < first)) first = e.on;
  }
  return first;
}

/** When the project was terminated (终止), on or before `asOf`; null when it was not. */
export function terminatedOn(events: readonly DatedStage[], asOf: string): string | null {
  const t = events.filter((e) => e.stage === 'TERMINATED' && e.on !== null && e.on <= asOf);
  return t.length ? t.map((e) => e.on!).sort()[0]! : null;
}

/** The stage the project was at on `asOf` (its last move by then), null before its first move. */
export function stageAt(events: readonly DatedStage[], asOf: string): ProjectStage | null {
  const until = eventsUntil(events, asOf);
  return until.length ? until[until.length - 1]!.stage : null;
}

/** The date of the last move on or before `asOf`. */
export function lastMoveOn(events: readonly DatedStage[], asOf: string): string | null {
  const until = eventsUntil(events, asOf);
  return until.length ? until.map((e) => e.on!).sort()[until.length - 1]! : null;
}

/**
 * The investment amount on `asOf`: the latest dated revision on or before it; before the first
 * revision, that revision's amount (the amount the project was entered with); without revisions,
 * the project's amount.
 */
export function amountAt(p: Pick<ProjectFacts, 'amount' | 'amounts'>, asOf: string): number | null {
  const dated = p.amounts
    .filter((a): a is { on: string; amount: number } => a.on !== null && a.amount !== null)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  if (dated.length === 0) return p.amount;
  let current = dated[0]!.amount;
  for (const a of dated) if (a.on <= asOf) current = a.amount;
  return current;
}

/** Funds in place with dates in `[from, to]`, 亿元 (rounded to 4 decimals). */
export function fundsBetween(funds: readonly DatedAmount[], from: string, to: string): number {
  let sum = 0;
  for (const f of funds)
    if (f.on !== null && f.amount !== null && f.on >= from && f.on <= to) sum += f.amount;
  return round(sum, 4);
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
}

/** Round a possibly missing number. */
export const roundOpt = (x: number | null, digits: number) => (x === null ? null : round(x, digits));
