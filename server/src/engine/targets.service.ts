import type { LinkRecord } from '../chain/chain.model.js';
import type { Context } from '../core/context.js';
import { badInput } from '../core/errors.js';
import { keyOf } from '../core/relay.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import { cmp, stageOrder } from './diagnosis.logic.js';
import { diagnose, type ChainRegionArgs } from './diagnosis.service.js';
import { count, resolveWeights, resolveZones, type ThresholdsArg, type WeightsArg } from './engine.args.js';
import {
  ANCHOR_TAGS,
  DEFAULT_FIRST,
  DEFAULT_PER_LINK,
  EXTENSION_SEVERITY,
  MAX_FIRST,
  MAX_PER_LINK,
  STRENGTHEN_SEVERITY,
  type GapKind,
  type Weights,
} from './engine.defaults.js';
import type { CandidateRow } from './engine.model.js';
import type {
  DiagnosisRecord,
  ExtensionOptionRecord,
  LinkDiagnosisRecord,
  LinkTargetsRecord,
  TargetHitRecord,
  TargetListRecord,
} from './engine.records.js';
import { readCandidates, readExtension, type CandidateParams } from './engine.store.js';
import { compareHits, scoreCandidate } from './score.logic.js';

// 招谁 (补链), 强链 and 延链: candidates scored by score.logic.ts (docs/method.md).

const GAP_LABEL: Record<GapKind, string> = {
  BROKEN_KEY: '补断链·关键环节',
  BROKEN: '补断链',
  MISSING_KEY: '补缺链·关键环节',
  MISSING: '补缺链',
  WEAK_KEY: '强弱链·关键环节',
  WEAK: '强弱链',
};

export interface Target {
  link: LinkRecord;
  gap: GapKind | null;
  severity: number;
  label: string;
}

export function gapTarget(d: LinkDiagnosisRecord): Target {
  return {
    link: d.link,
    gap: d.gap,
    severity: d.gap ? d.severity : STRENGTHEN_SEVERITY,
    label: `${d.gap ? GAP_LABEL[d.gap] : d.status === 'STRONG' ? '强链' : '环节'}：${d.link.name}`,
  };
}

export interface Scoring {
  weights: Weights;
}

export interface PendingHit extends Omit<TargetHitRecord, 'enterprise'> {
  id: string;
}

/** Score a candidate for one target link. */
export function hitFor(c: CandidateRow, t: Target, s: Scoring): PendingHit {
  const scored = scoreCandidate(
    {
      id: c.id,
      name: c.name,
      tags: c.tags,
      revenue: c.revenue,
      local: c.isLocal,
      ties: c.ties,
      supplyFit: c.fit,
      zones: [...new Set(c.zones)],
    },
    t,
    s.weights,
  );
  return {
    id: c.id,
    link: t.link,
    gap: t.gap,
    score: scored.score,
    factors: scored.factors,
    local: c.isLocal,
    inLibrary: c.inLibrary,
    inProject: c.inProject,
    sourceZones: c.isLocal ? [] : [...new Set(c.zones)],
  };
}

/**
 * The target link a candidate is listed for: one it works in directly before a parent link it
 * fills through a sub-link; among those, the most severe gap, then upstream first, then id.
 */
function bestTarget(c: CandidateRow, targets: ReadonlyMap<string, Target>): Target {
  const options = c.links.map((id) => targets.get(id)).filter((t): t is Target => t !== undefined);
  options.sort(
    (a, b) =>
      Number(c.direct.includes(b.link.key)) - Number(c.direct.includes(a.link.key)) ||
      b.severity - a.severity ||
      stageOrder(a.link.stage) - stageOrder(b.link.stage) ||
      cmp(a.link.key, b.link.key),
  );
  return options[0]!;
}

/** Fill in the enterprise records of hits, one batched query for all of them. */
export async function withEnterprises<T extends { id: string }>(
  ctx: Context,
  hits: T[],
): Promise<(Omit<T, 'id'> & { enterprise: EnterpriseRecord })[]> {
  const ids = [...new Set(hits.map((h) => h.id))];
  const loaded = await ctx.loaders.enterprise.loadMany(ids);
  const byId = new Map<string, EnterpriseRecord>();
  loaded.forEach((e, i) => {
    if (e && !(e instanceof Error)) byId.set(ids[i]!, e);
  });
  return hits
    .filter((h) => byId.has(h.id))
    .map(({ id, ...rest }) => ({ ...rest, enterprise: byId.get(id)! }));
}

const strongIds = (d: DiagnosisRecord) => d.links.filter((l) => l.status === 'STRONG').map((l) => l.link.key);

export function candidateParams(
  d: DiagnosisRecord,
  linkIds: string[],
  zones: string[],
  scope: Pick<CandidateParams, 'withExternal' | 'anchorsOnly' | 'withLocal'>,
): CandidateParams {
  return {
    regionCode: d.region.code,
    linkIds,
    strongLinkIds: strongIds(d),
    zones,
    anchorTags: ANCHOR_TAGS,
    ...scope,
  };
}

/** The chain's links named by `linkIds` (ids or global ids), in gap order; every one must belong to the chain. */
export function chainLinks(
  d: DiagnosisRecord,
  linkIds: string[],
  fieldOf: (i: number) => string,
): LinkDiagnosisRecord[] {
  const byKey = new Map(d.links.map((l) => [l.link.key, l]));
  const chosen = linkIds.map((id, i) => {
    const row = byKey.get(keyOf('Link', id));
    if (!row) throw badInput(`"${id}" is not a link of chain ${d.chain.key}`, fieldOf(i));
    return row;
  });
  const gapOrder = new Map(d.gaps.map((g, i) => [g.link.key, i]));
  return [...new Map(chosen.map((c) => [c.link.key, c])).values()].sort(
    (a, b) =>
      (gapOrder.get(a.link.key) ?? 1e9) - (gapOrder.get(b.link.key) ?? 1e9) || cmp(a.link.key, b.link.key),
  );
}

export interface TargetArgs extends ChainRegionArgs {
  linkIds?: string[] | null;
  first?: number | null;
  weights?: WeightsArg;
  thresholds?: ThresholdsArg;
  sourceZones?: string[] | null;
  includeKnown?: boolean | null;
}

/**
 * 补链: enterprises outside the region working in its MISSING or WEAK links (or the given ones),
 * one hit per enterprise for the most valuable link it fills, best first. Firms already in a
 * target library or project of the region are left out unless `includeKnown`.
 * Three round trips: diagnosis, candidates, enterprise records.
 */
export async function gapTargets(ctx: Context, args: TargetArgs): Promise<TargetListRecord> {
  const weights = resolveWeights(args.weights);
  const zones = resolveZones(args.sourceZones);
  const first = count(args.first, 'first', DEFAULT_FIRST, MAX_FIRST);
  if (args.linkIds && args.linkIds.length > 100) throw badInput('at most 100 linkIds', 'linkIds');
  const d = await diagnose(ctx, args);
  const rows = args.linkIds?.length ? chainLinks(d, args.linkIds, (i) => `linkIds.${i}`) : d.gaps;
  const targets = new Map(rows.map((r) => [r.link.key, gapTarget(r)]));
  const candidates = await readCandidates(
    ctx.executor,
    (await ctx.viewer.scope()).param,
    candidateParams(d, [...targets.keys()], zones, {
      withExternal: true,
      anchorsOnly: false,
      withLocal: false,
    }),
  );
  const eligible = candidates.filter((c) => args.includeKnown || (!c.inLibrary && !c.inProject));
  const ranked = eligible.map((c) => hitFor(c, bestTarget(c, targets), { weights })).sort(compareHits);
  return {
    totalCount: ranked.length,
    hits: await withEnterprises(ctx, ranked.slice(0, first)),
    weights,
    sourceZones: zones,
  };
}

/** The top `n` hits of each target link among the candidates, in the order of `rows`. */
export function perLink(
  rows: LinkDiagnosisRecord[],
  candidates: CandidateRow[],
  n: number,
  s: Scoring,
  target: (r: LinkDiagnosisRecord) => Target = gapTarget,
): { diagnosis: LinkDiagnosisRecord; hits: PendingHit[] }[] {
  return rows.map((r) => {
    const t = target(r);
    const hits = candidates
      .filter((c) => c.links.includes(r.link.key))
      .map((c) => hitFor(c, t, s))
      .sort(compareHits)
      .slice(0, n);
    return { diagnosis: r, hits };
  });
}

export async function resolveGroups(
  ctx: Context,
  groups: { diagnosis: LinkDiagnosisRecord; hits: PendingHit[] }[],
): Promise<LinkTargetsRecord[]> {
  const all = await withEnterprises(
    ctx,
    groups.flatMap((g, gi) => g.hits.map((h) => ({ ...h, gi }))),
  );
  return groups.map((g, gi) => ({
    diagnosis: g.diagnosis,
    hits: all.filter((h) => h.gi === gi).map(({ gi: _gi, ...h }) => h),
  }));
}

/**
 * 强链: for each WEAK link and each STRONG link without an anchor, anchors from elsewhere and
 * local firms that could expand (flagged `local`), best first.
 * Three round trips: diagnosis, candidates, enterprise records.
 */
export async function strengthenTargets(
  ctx: Context,
  args: ChainRegionArgs & {
    first?: number | null;
    thresholds?: ThresholdsArg;
    weights?: WeightsArg;
    sourceZones?: string[] | null;
  },
): Promise<LinkTargetsRecord[]> {
  const weights = resolveWeights(args.weights);
  const zones = resolveZones(args.sourceZones);
  const first = count(args.first, 'first', DEFAULT_PER_LINK, MAX_PER_LINK);
  const d = await diagnose(ctx, args);
  const rows = [
    ...d.gaps.filter((g) => g.status === 'WEAK'),
    ...d.links.filter((l) => l.status === 'STRONG' && l.anchorCount === 0),
  ];
  const candidates = await readCandidates(
    ctx.executor,
    (await ctx.viewer.scope()).param,
    candidateParams(
      d,
      rows.map((r) => r.link.key),
      zones,
      { withExternal: true, anchorsOnly: true, withLocal: true },
    ),
  );
  return resolveGroups(ctx, perLink(rows, candidates, first, { weights }));
}

/**
 * 延链: links SUPPLIES-adjacent to the region's STRONG links, outside the chain or missing in
 * it, ranked by how many strong links they touch, then by relatedness, each with its best
 * candidates outside the region. Four round trips: diagnosis, options, candidates, records.
 */
export async function extensionOptions(
  ctx: Context,
  args: ChainRegionArgs & {
    first?: number | null;
    perOption?: number | null;
    thresholds?: ThresholdsArg;
    weights?: WeightsArg;
    sourceZones?: string[] | null;
  },
): Promise<ExtensionOptionRecord[]> {
  const weights = resolveWeights(args.weights);
  const zones = resolveZones(args.sourceZones);
  const first = count(args.first, 'first', DEFAULT_FIRST, MAX_FIRST);
  const perOption = count(args.perOption, 'perOption', DEFAULT_PER_LINK, MAX_PER_LINK);
  const d = await diagnose(ctx, args);
  const strong = d.links.filter((l) => l.status === 'STRONG');
  const linkByKey = new Map(d.links.map((l) => [l.link.key, l]));
  const rows = await readExtension(ctx.executor, d.region.level, {
    regionCode: d.region.code,
    strongLinkIds: strong.map((l) => l.link.key),
    chainLinkIds: d.links.map((l) => l.link.key),
    missingLinkIds: d.links.filter((l) => l.status === 'MISSING').map((l) => l.link.key),
    strongMinCount: d.thresholds.strongMinCount,
    anchorTags: ANCHOR_TAGS,
  });
  const options = rows
    .map((row) => {
      const present = new Set(row.units.filter((u) => u !== d.region.code));
      const strongUnits = new Map<string, Set<string>>();
      for (const [sid, unit] of row.strongUnits) {
        if (!strongUnits.has(sid)) strongUnits.set(sid, new Set());
        strongUnits.get(sid)!.add(unit);
      }
      let denominator = 0;
      let numerator = 0;
      for (const sid of row.touched) {
        const units = strongUnits.get(sid) ?? new Set<string>();
        denominator += units.size;
        for (const u of units) if (present.has(u)) numerator += 1;
      }
      const inChain = linkByKey.has(row.link.key);
      return {
        link: row.link,
        chain: row.chain,
        inChain,
        touches: row.touched
          .map((id) => linkByKey.get(id)!.link)
          .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || cmp(a.key, b.key)),
        relatedness: denominator > 0 ? Math.round((numerator / denominator) * 1e6) / 1e6 : 0,
        strongRegions: denominator,
        localCount: row.localCount,
        nationalCount: row.national,
      };
    })
    .sort(
      (a, b) =>
        b.touches.length - a.touches.length || b.relatedness - a.relatedness || cmp(a.link.key, b.link.key),
    )
    .slice(0, first);
  const candidates = await readCandidates(
    ctx.executor,
    (await ctx.viewer.scope()).param,
    candidateParams(
      d,
      options.map((o) => o.link.key),
      zones,
      { withExternal: true, anchorsOnly: false, withLocal: false },
    ),
  );
  const targetOf = (o: (typeof options)[number]): Target => {
    const inChain = linkByKey.get(o.link.key);
    return inChain?.gap
      ? gapTarget(inChain)
      : { link: o.link, gap: null, severity: EXTENSION_SEVERITY, label: `延链：${o.link.name}` };
  };
  const groups = options.map((o) => ({
    option: o,
    hits: candidates
      .filter((c) => c.links.includes(o.link.key))
      .map((c) => hitFor(c, targetOf(o), { weights }))
      .sort(compareHits)
      .slice(0, perOption),
  }));
  const resolved = await withEnterprises(
    ctx,
    groups.flatMap((g, gi) => g.hits.map((h) => ({ ...h, gi }))),
  );
  return groups.map((g, gi) => ({
    ...g.option,
    candidates: resolved.filter((h) => h.gi === gi).map(({ gi: _gi, ...h }) => h),
  }));
}
