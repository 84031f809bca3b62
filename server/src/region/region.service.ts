import type { Context } from '../core/context.js';
import { keyOf } from '../core/relay.js';
import type { RegionLevel, RegionRecord, SourceZoneRecord } from './region.model.js';
import { allSourceZones, regionsAtLevel } from './region.store.js';

/**
 * Regions under `parentCode` (its direct children, optionally of one level), or, without a
 * parent, every region of `level` (provinces by default).
 */
export async function listRegions(
  ctx: Context,
  parentCode: string | null | undefined,
  level: RegionLevel | null | undefined,
): Promise<RegionRecord[]> {
  if (parentCode) {
    const children = await ctx.loaders.regionChildren.load(keyOf('Region', parentCode));
    return level ? children.filter((r) => r.level === level) : children;
  }
  return regionsAtLevel(ctx.executor, level ?? 'PROVINCE');
}

/** A region by code or global id. */
export function regionByCode(ctx: Context, code: string): Promise<RegionRecord | null> {
  return ctx.loaders.region.load(keyOf('Region', code));
}

/** A region's direct children, optionally of one level. */
export async function childrenOf(
  ctx: Context,
  region: RegionRecord,
  level: RegionLevel | null | undefined,
): Promise<RegionRecord[]> {
  const children = await ctx.loaders.regionChildren.load(region.code);
  return level ? children.filter((r) => r.level === level) : children;
}

/** A region's KPI targets, newest year first, or of one year. */
export async function kpiTargetsOf(ctx: Context, region: RegionRecord, year: number | null | undefined) {
  const targets = await ctx.loaders.regionKpiTargets.load(region.code);
  return year == null ? targets : targets.filter((k) => k.year === year);
}

export function sourceZones(ctx: Context): Promise<SourceZoneRecord[]> {
  return allSourceZones(ctx.executor);
}
