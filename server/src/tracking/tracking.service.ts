import { z } from 'zod';
import type { Scope as ViewerScope } from '../auth/auth.model.js';
import { regionOverlaps } from '../auth/scope.js';
import { checkRegionInScope } from '../auth/viewer.js';
import type { Context } from '../core/context.js';
import { badInput, fromZod, notFound } from '../core/errors.js';
import type { Loaders } from '../core/loaders.js';
import { chinaToday } from '../core/mutation.js';
import { keyOf } from '../core/relay.js';
import type { DutyTargetRecord } from '../pipeline/contact.model.js';
import type { KpiTargetRecord, PersonRecord, TaskForceRecord } from '../pipeline/pipeline.model.js';
import type { RegionRecord } from '../region/region.model.js';
import { gapsFilled, movesInMonth, type ChainGaps, type ChainGroup } from './bulletin.logic.js';
import { elapsedShare, minDay, monthRange, yearOf } from './dates.js';
import { dutyReport, type DutyReport } from './duties.logic.js';
import type { ProjectFacts } from './facts.js';
import { funnel, kpiLines, projectsWithin, shareOut, type FunnelRow, type KpiLine } from './kpi.logic.js';
import {
  composite,
  periodAsOf,
  periodLabel,
  periodOf,
  PERIODS_PER_YEAR,
  periodStart,
  rankByScore,
  withMovement,
  type Period,
} from './ranking.logic.js';
import { leaderDutyRows, trackingProjects, trackingProjectsByKey } from './tracking.store.js';
import {
  DEFAULT_WARNING_THRESHOLDS,
  projectWarnings,
  regionWarnings,
  sortWarnings,
  type Warning,
  type WarningThresholds,
} from './warnings.logic.js';

// The tracking reports: 考核 (kpiReport), 排位 (ranking), 预警 (warnings), 月通报 (bulletin) and
// leaders' duties. Each takes the region code explicitly and reads through tracking.store.ts,
// within the viewer's scope (read once per report and passed to every store query): a region
// wholly outside it is FORBIDDEN, one above it is narrowed to it (its projects, task forces and
// targets only; of its sub-regions, only those that overlap the scope are listed and ranked).

export interface RegionKpiRecord {
  region: RegionRecord;
  target: KpiTargetRecord | null;
  lines: KpiLine[];
  funnel: FunnelRow[];
  projectCount: number;
}

export interface KpiReportRecord {
  year: number;
  asOf: string;
  elapsedShare: number;
  region: RegionKpiRecord;
  regions: RegionKpiRecord[];
}

export interface RankingRowRecord {
  rank: number | null;
  previousRank: number | null;
  change: number | null;
  score: number | null;
  previousScore: number | null;
  bonus: number;
  region: RegionRecord;
  lines: KpiLine[];
}

export interface RankingRecord {
  year: number;
  period: Period;
  index: number;
  label: string;
  asOf: string;
  previousAsOf: string | null;
  rows: RankingRowRecord[];
}

export interface WarningRecord extends Warning {
  regionName: string;
  projectName: string | null;
}

export interface BulletinRecord {
  region: RegionRecord;
  month: string;
  label: string;
  asOf: string;
  generatedOn: string;
  kpi: KpiReportRecord;
  ranking: RankingRecord;
  signings: ChainGroup[];
  starts: ChainGroup[];
  warnings: WarningRecord[];
  gapsFilled: ChainGaps[];
}

export interface LeaderDutyRecord extends DutyReport {
  year: number;
  asOf: string;
  taskForce: TaskForceRecord;
  leader: PersonRecord | null;
  target: DutyTargetRecord | null;
  contactsInYear: number;
}

// ---------------------------------------------------------------------------------------------
// Arguments

const regionCode = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300)
  .transform((v) => keyOf('Region', v));
const year = z.number().int('must be a year').min(2000, 'must be 2000–2100').max(2100, 'must be 2000–2100');
const day = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw fromZod(r.error, '');
  return r.data;
}

// ---------------------------------------------------------------------------------------------
// Per-request caches: a report and its warnings on one page read the region's projects once. The
// cache hangs off the request's loaders, which a mutation replaces, so a write invalidates it.

const projectCache = new WeakMap<Loaders, Map<string, Promise<ProjectFacts[]>>>();

function projectsOf(ctx: Context, viewer: ViewerScope, code: string): Promise<ProjectFacts[]> {
  let m = projectCache.get(ctx.loaders);
  if (!m) projectCache.set(ctx.loaders, (m = new Map()));
  let p = m.get(code);
  if (!p) m.set(code, (p = trackingProjects(ctx.executor, viewer.param, code)));
  return p;
}

/**
 * The region of a report, within the viewer's scope: FORBIDDEN when wholly outside it (as for
 * every scoped list filtered on a region), before looking it up, so that only ADMIN learns that
 * a code does not exist.
 */
async function regionOrFail(
  ctx: Context,
  viewer: ViewerScope,
  code: string,
  field = 'regionCode',
): Promise<RegionRecord> {
  checkRegionInScope(viewer, code, field);
  const r = await ctx.loaders.region.load(code);
  if (!r) throw notFound('Region', code, { field });
  return r;
}

async function targetsFor(
  ctx: Context,
  codes: string[],
  y: number,
): Promise<Map<string, KpiTargetRecord | null>> {
  const all = await ctx.loaders.regionKpiTargets.loadMany(codes);
  return new Map(
    codes.map((c, i) => {
      const ts = all[i];
      return [c, ts instanceof Error || !ts ? null : (ts.find((t) => t.year === y) ?? null)];
    }),
  );
}

/** What a report is computed from: the region, its sub-regions, projects and targets in scope. */
interface Basis {
  region: RegionRecord;
  children: RegionRecord[];
  projects: ProjectFacts[];
  targets: Map<string, KpiTargetRecord | null>;
}

async function basis(ctx: Context, code: string, y: number): Promise<Basis> {
  const viewer = await ctx.viewer.scope();
  const region = await regionOrFail(ctx, viewer, code);
  const [all, projects] = await Promise.all([
    ctx.loaders.regionChildren.load(code),
    projectsOf(ctx, viewer, code),
  ]);
  // Above the scope (a city office asking for its province): only the sub-regions it overlaps.
  const children = all.filter((c) => regionOverlaps(viewer, c.code));
  const targets = await targetsFor(ctx, [code, ...children.map((c) => c.code)], y);
  return { region, children, projects, targets };
}

function regionKpi(s: Basis, r: RegionRecord, y: number, asOf: string): RegionKpiRecord {
  const ps = r.code === s.region.code ? s.projects : projectsWithin(s.projects, r.code);
  const target = s.targets.get(r.code) ?? null;
  return {
    region: r,
    target,
    lines: kpiLines(ps, target, y, asOf),
    funnel: funnel(ps, asOf),
    projectCount: ps.length,
  };
}

function report(s: Basis, y: number, asOf: string): KpiReportRecord {
  return {
    year: y,
    asOf,
    elapsedShare: shareOut(elapsedShare(y, asOf)),
    region: regionKpi(s, s.region, y, asOf),
    regions: s.children.map((c) => regionKpi(s, c, y, asOf)),
  };
}

// ---------------------------------------------------------------------------------------------
// 考核

const KpiArgs = z.object({ regionCode, year: year.nullish(), asOf: day.nullish() });

/**
 * The KPI report of a region and of each region directly within it (a city's counties and
 * zones) for `year`, as of `asOf` (default today in China; year default that of `asOf`).
 */
export async function kpiReport(
  ctx: Context,
  raw: { regionCode: string; year?: number | null; asOf?: string | null },
): Promise<KpiReportRecord> {
  const a = parse(KpiArgs, raw);
  const asOf = a.asOf ?? chinaToday();
  const y = a.year ?? yearOf(asOf);
  return report(await basis(ctx, a.regionCode, y), y, asOf);
}

// ---------------------------------------------------------------------------------------------
// 排位

const PeriodModel = z.enum(['MONTH', 'QUARTER', 'HALF_YEAR']);
const RankingArgs = z.object({
  regionCode,
  year,
  period: PeriodModel,
  index: z.number().int().min(1).nullish(),
  asOf: day.nullish(),
});

function ranked(s: Basis, y: number, asOf: string) {
  return rankByScore(
    s.children.map((r) => {
      const k = regionKpi(s, r, y, asOf);
      const c = composite(k.lines);
      return { code: r.code, score: c.score, bonus: c.bonus, region: r, lines: k.lines };
    }),
  );
}

function rankingOf(s: Basis, y: number, period: Period, index: number, today: string): RankingRecord {
  const asOf = periodAsOf(y, period, index, today);
  const previousAsOf = index > 1 ? periodAsOf(y, period, index - 1, today) : null;
  const rows = withMovement(ranked(s, y, asOf), previousAsOf ? ranked(s, y, previousAsOf) : null);
  return {
    year: y,
    period,
    index,
    label: periodLabel(y, period, index),
    asOf,
    previousAsOf,
    rows: rows.map((r) => ({
      rank: r.rank,
      previousRank: r.previousRank,
      change: r.change,
      score: r.item.score,
      previousScore: r.previousScore,
      bonus: r.item.bonus,
      region: r.item.region,
      lines: r.item.lines,
    })),
  };
}

/**
 * The regions directly within `regionCode` ranked by the composite for period `index` of
 * `year` (default: the period containing `asOf`, itself default today), with the movement since
 * the period before (none for the year's first period: targets are yearly).
 */
export async function ranking(
  ctx: Context,
  raw: { regionCode: string; year: number; period: string; index?: number | null; asOf?: string | null },
): Promise<RankingRecord> {
  const a = parse(RankingArgs, raw);
  const today = a.asOf ?? chinaToday();
  const index = a.index ?? periodOf(a.year, a.period, today);
  if (index > PERIODS_PER_YEAR[a.period])
    throw badInput(`index must be 1–${PERIODS_PER_YEAR[a.period]} for ${a.period}`, 'index');
  if (periodStart(a.year, a.period, index) > today)
    throw badInput(`${periodLabel(a.year, a.period, index)} has not begun by ${today}`, 'index');
  return rankingOf(await basis(ctx, a.regionCode, a.year), a.year, a.period, index, today);
}

// ---------------------------------------------------------------------------------------------
// 预警

const WarningArgs = z.object({
  regionCode,
  asOf: day.nullish(),
  thresholds: z
    .object({
      signedNotStartedMonths: z.number().int().min(1).max(60).nullish(),
      stalledDays: z.number().int().min(1).max(3650).nullish(),
      behindPoints: z.number().min(0).max(100).nullish(),
    })
    .nullish(),
});

function warningsOf(s: Basis, asOf: string, t: WarningThresholds): WarningRecord[] {
  const y = yearOf(asOf);
  const names = new Map([s.region, ...s.children].map((r) => [r.code, r.name]));
  const projectNames = new Map(s.projects.map((p) => [p.key, p.name]));
  for (const p of s.projects) if (p.regionName) names.set(p.regionCode, p.regionName);
  const ws: Warning[] = [];
  for (const p of s.projects) ws.push(...projectWarnings(p, asOf, t));
  for (const r of [s.region, ...s.children]) {
    const k = regionKpi(s, r, y, asOf);
    ws.push(...regionWarnings(r.code, r.name, k.lines, y, t));
  }
  return sortWarnings(ws).map((w) => ({
    ...w,
    regionName: names.get(w.regionCode) ?? w.regionCode,
    projectName: w.projectKey ? (projectNames.get(w.projectKey) ?? null) : null,
  }));
}

/**
 * The warnings of a region as of `asOf` (default today): its projects' (and those of every
 * region within it), and its own and its direct sub-regions' KPIs behind 序时进度.
 */
export async function warnings(
  ctx: Context,
  raw: {
    regionCode: string;
    asOf?: string | null;
    thresholds?: { [K in keyof WarningThresholds]?: number | null } | null;
  },
): Promise<WarningRecord[]> {
  const a = parse(WarningArgs, raw);
  const asOf = a.asOf ?? chinaToday();
  const t: WarningThresholds = {
    signedNotStartedMonths:
      a.thresholds?.signedNotStartedMonths ?? DEFAULT_WARNING_THRESHOLDS.signedNotStartedMonths,
    stalledDays: a.thresholds?.stalledDays ?? DEFAULT_WARNING_THRESHOLDS.stalledDays,
    behindPoints: a.thresholds?.behindPoints ?? DEFAULT_WARNING_THRESHOLDS.behindPoints,
  };
  return warningsOf(await basis(ctx, a.regionCode, yearOf(asOf)), asOf, t);
}

// ---------------------------------------------------------------------------------------------
// 月通报

const BulletinArgs = z.object({ regionCode, month, today: day.nullish() });

/**
 * The monthly bulletin of a region for `month` (YYYY-MM), as of the month's last day (or today,
 * while the month runs): the KPI table with 序时进度 per sub-region, the month's ranking and its
 * movement, new signings and starts ≥ 1亿 by chain, warnings, and the gaps filled by chain.
 */
export async function bulletin(
  ctx: Context,
  raw: { regionCode: string; month: string; today?: string | null },
): Promise<BulletinRecord> {
  const a = parse(BulletinArgs, raw);
  const today = a.today ?? chinaToday();
  const m = monthRange(a.month);
  if (m.from > today) throw badInput(`${a.month} has not begun (today is ${today})`, 'month');
  const asOf = minDay(m.to, today);
  const s = await basis(ctx, a.regionCode, m.year);
  return {
    region: s.region,
    month: a.month,
    label: `${m.year}年${m.month}月`,
    asOf,
    generatedOn: today,
    kpi: report(s, m.year, asOf),
    ranking: rankingOf(s, m.year, 'MONTH', m.month, today),
    signings: movesInMonth(s.projects, 'SIGNED', m.from, asOf),
    starts: movesInMonth(s.projects, 'STARTED', m.from, asOf),
    warnings: warningsOf(s, asOf, DEFAULT_WARNING_THRESHOLDS),
    gapsFilled: gapsFilled(s.projects, m.from, asOf),
  };
}

// ---------------------------------------------------------------------------------------------
// 领导责任

const DutyArgs = z.object({
  regionCode,
  chainId: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .transform((v) => keyOf('Chain', v))
    .nullish(),
  year: year.nullish(),
  asOf: day.nullish(),
});

/**
 * The task forces of a region (and within it), optionally of one chain, each with its chain
 * leader's duties for the year as of `asOf`: trips out and projects planned against the leader's
 * duty target, and the contacts the task force logged in the year.
 */
export async function leaderDuties(
  ctx: Context,
  raw: { regionCode: string; chainId?: string | null; year?: number | null; asOf?: string | null },
): Promise<LeaderDutyRecord[]> {
  const a = parse(DutyArgs, raw);
  const viewer = await ctx.viewer.scope();
  await regionOrFail(ctx, viewer, a.regionCode);
  const asOf = a.asOf ?? chinaToday();
  const y = a.year ?? yearOf(asOf);
  const rows = await leaderDutyRows(ctx.executor, viewer.param, {
    regionCode: a.regionCode,
    chainId: a.chainId ?? null,
    year: y,
    from: `${y}-01-01`,
    to: minDay(asOf, `${y}-12-31`),
  });
  const keys = [...new Set(rows.flatMap((r) => r.ledProjects))];
  const facts = new Map(
    (await trackingProjectsByKey(ctx.executor, viewer.param, keys)).map((p) => [p.key, p]),
  );
  return rows.map((r) => {
    const led = r.ledProjects.map((k) => facts.get(k)).filter((p): p is ProjectFacts => !!p);
    return {
      year: y,
      asOf,
      taskForce: r.taskForce,
      leader: r.leader,
      target: r.duty,
      contactsInYear: r.contactIds.length,
      ...dutyReport(r.duty, r.tripDays, led, y, asOf),
    };
  });
}
