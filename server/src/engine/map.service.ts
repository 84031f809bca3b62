import type { Context } from '../core/context.js';
import { keyOf } from '../core/relay.js';
import { PROJECT_STAGES } from '../pipeline/pipeline.model.js';
import { isKnown } from './candidates.service.js';
import { diagnoseAt, type ChainRegionArgs } from './diagnosis.service.js';
import { count, resolveWeights, resolveZones, type ThresholdsArg, type WeightsArg } from './engine.args.js';
import { DEFAULT_PER_LINK, MAX_PER_LINK } from './engine.defaults.js';
import type { OrganisationRow } from './engine.model.js';
import type { InvestmentMapRecord, MapOrganisationRecord } from './engine.records.js';
import { readOrganisation } from './engine.store.js';
import { groupSourceRegions, withRegions } from './regions.service.js';
import { candidatesFor, gapTarget, perLink, prepare, resolveGroups } from './targets.service.js';

// 谁来招 and the whole investment map (一张招商地图).

/** Task forces, libraries and projects, with project counts per stage (life-cycle order). */
export function buildOrganisation(row: OrganisationRow): MapOrganisationRecord {
  const active = row.projects.filter((p) => p.project.stage !== 'TERMINATED');
  const stages = PROJECT_STAGES.map((stage) => {
    const at = row.projects.filter((p) => p.project.stage === stage);
    return { stage, count: at.length, amount: round2(at.reduce((s, p) => s + (p.project.amount ?? 0), 0)) };
  }).filter((s) => s.count > 0);
  return {
    taskForces: row.taskForces.map((t) => ({
      taskForce: t.taskForce,
      leader: t.leader,
      region: t.region,
      memberCount: t.members,
      libraryCount: t.libraries,
      targetCount: t.targets,
    })),
    targetCount: row.targetCount,
    projectCount: active.length,
    projectAmount: round2(active.reduce((s, p) => s + (p.project.amount ?? 0), 0)),
    stages,
    projects: row.projects,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface MapArgs extends ChainRegionArgs {
  thresholds?: ThresholdsArg;
  weights?: WeightsArg;
  sourceZones?: string[] | null;
  perGap?: number | null;
  level?: 'PROVINCE' | 'CITY' | null;
  includeKnown?: boolean | null;
}

/**
 * 一张招商地图: 招什么 (diagnosis and gaps), 招谁 (best targets per gap), 到哪招 (source
 * regions for all gaps), 谁来招 (task forces, chain leaders, libraries, pipeline). With the
 * figures cached, four queries in two steps: diagnosis ∥ organisation, then the hits' records ∥
 * region records.
 */
export async function investmentMap(ctx: Context, args: MapArgs): Promise<InvestmentMapRecord> {
  const weights = resolveWeights(args.weights);
  const zones = resolveZones(args.sourceZones);
  const perGap = count(args.perGap, 'perGap', DEFAULT_PER_LINK, MAX_PER_LINK);
  const scope = (await ctx.viewer.scope()).param;
  const [{ diagnosis: d, bookmark }, org] = await Promise.all([
    diagnoseAt(ctx, args),
    readOrganisation(ctx.executor, scope, {
      chainId: keyOf('Chain', args.chainId),
      regionCode: keyOf('Region', args.regionCode),
    }),
  ]);
  const at = { ctx, bookmark };
  const ids = d.gaps.map((g) => g.link.key);
  const p = await prepare(at, d, ids, { zones, weights, region: true });
  const candidates = candidatesFor(p, d, ids, { withExternal: true, anchorsOnly: false, withLocal: false });
  const eligible = candidates.filter((c) => args.includeKnown || !isKnown(c, p.scoring));
  const [targets, regions] = await Promise.all([
    resolveGroups(at, d, d.gaps, perLink(d.gaps.map(gapTarget), eligible, perGap, p.scoring), p.scoring),
    withRegions(ctx, groupSourceRegions(candidates, d.gaps, args.level ?? 'PROVINCE')),
  ]);
  return {
    chain: d.chain,
    region: d.region,
    generatedAt: new Date().toISOString(),
    diagnosis: d,
    targets,
    weights,
    sourceZones: zones,
    sourceRegions: regions,
    organisation: buildOrganisation(org),
  };
}
