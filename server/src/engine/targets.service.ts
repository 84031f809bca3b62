import type { Context } from '../core/context.js';
import { badInput } from '../core/errors.js';
import { keyOf } from '../core/relay.js';
import {
  catalogAt,
  explain,
  firmsOf,
  gatherCandidates,
  forEachCandidate,
  regionContextAt,
  scoring,
  subtree,
  rankedTop,
  scoreFor,
  type At,
  type Candidate,
  type CandidateScope,
  type Catalog,
  type Firm,
  type Ranked,
  type RegionContext,
  type Scoring,
  type Target,
} from './candidates.service.js';
import { cmp, stageOrder } from './diagnosis.logic.js';
import { diagnoseAt, type ChainRegionArgs } from './diagnosis.service.js';
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
import type {
  DiagnosisRecord,
  ExtensionOptionRecord,
  LinkDiagnosisRecord,
  LinkTargetsRecord,
  TargetListRecord,
} from './engine.records.js';
import { readExtension } from './engine.store.js';

// 招谁 (补链), 强链 and 延链: candidates scored by score.logic.ts (docs/method.md).

const GAP_LABEL: Record<GapKind, string> = {
  BROKEN_KEY: '补断链·关键环节',
  BROKEN: '补断链',
  MISSING_KEY: '补缺链·关键环节',
  MISSING: '补缺链',
  WEAK_KEY: '强弱链·关键环节',
  WEAK: '强弱链',
};

export type { Target } from './candidates.service.js';

export function gapTarget(d: LinkDiagnosisRecord): Target {
  return {
    link: d.link,
    gap: d.gap,
    severity: d.gap ? d.severity : STRENGTHEN_SEVERITY,
    label: `${d.gap ? GAP_LABEL[d.gap] : d.status === 'STRONG' ? '强链' : '环节'}：${d.link.name}`,
  };
}

/**
 * The target link a candidate is listed for: one it works in directly before a parent link it
 * fills through a sub-link; among those, the most severe gap, then upstream first, then id.
 */
function bestTarget(c: Candidate, targets: ReadonlyMap<string, Target>): Target {
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

const strongIds = (d: DiagnosisRecord) => d.links.filter((l) => l.status === 'STRONG').map((l) => l.link.key);

const NO_REGION: RegionContext = { ties: new Map(), library: new Set(), projects: new Set() };

/**
 * Everything ranking needs, from the cache or read once: the catalog, the region's context and
 * the firms of the target links, all three at once. The links' firms are asked for by the
 * subtrees the diagnosis already knows (a chain's links and their parents); a sub-link only the
 * full catalog knows (none in a well-formed catalog) is read after it.
 */
export interface Prepared {
  catalog: Catalog;
  firms: Map<string, Firm[]>;
  scoring: Scoring;
}

/** The chain's own links as a tree (parent → children), from its diagnosis. */
function chainTree(d: DiagnosisRecord): Pick<Catalog, 'children'> {
  const children = new Map<string, string[]>();
  for (const l of d.links)
    if (l.parentId) children.set(l.parentId, [...(children.get(l.parentId) ?? []), l.link.key]);
  return { children };
}

export async function prepare(
  at: At,
  d: DiagnosisRecord,
  targetIds: readonly string[],
  opts: { zones: readonly string[]; weights: Weights; region: boolean },
): Promise<Prepared> {
  const tree = chainTree(d);
  const [catalog, region, known] = await Promise.all([
    catalogAt(at),
    opts.region ? regionContextAt(at, d.region.code) : NO_REGION,
    firmsOf(
      at,
      targetIds.flatMap((t) => subtree(tree, t)),
    ),
  ]);
  const rest = targetIds.flatMap((t) => subtree(catalog, t)).filter((id) => !known.has(id));
  const firms = rest.length > 0 ? new Map([...known, ...(await firmsOf(at, rest))]) : known;
  return { catalog, firms, scoring: scoring(catalog, region, strongIds(d), opts.zones, opts.weights) };
}

export function candidatesFor(
  p: Prepared,
  d: DiagnosisRecord,
  targetIds: readonly string[],
  scope: CandidateScope,
): Candidate[] {
  return gatherCandidates(p.catalog, p.firms, targetIds, d.region.code, scope);
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
 * Every candidate is ranked in memory from cached figures (candidates.service.ts); two round trips
 * with the figures cached (diagnosis, then the hits' records), more after a commit.
 */
export async function gapTargets(ctx: Context, args: TargetArgs): Promise<TargetListRecord> {
  const weights = resolveWeights(args.weights);
  const zones = resolveZones(args.sourceZones);
  const first = count(args.first, 'first', DEFAULT_FIRST, MAX_FIRST);
  if (args.linkIds && args.linkIds.length > 100) throw badInput('at most 100 linkIds', 'linkIds');
  const { diagnosis: d, bookmark } = await diagnoseAt(ctx, args);
  const at: At = { ctx, bookmark };
  const rows = args.linkIds?.length ? chainLinks(d, args.linkIds, (i) => `linkIds.${i}`) : d.gaps;
  const targets = new Map(rows.map((r) => [r.link.key, gapTarget(r)]));
  const ids = [...targets.keys()];
  const p = await prepare(at, d, ids, { zones, weights, region: true });
  let eligible = 0;
  const best = rankedTop(first);
  const s = p.scoring;
  forEachCandidate(p.catalog, p.firms, ids, d.region.code, EXTERNAL, (firm, links, direct, isLocal) => {
    if (!args.includeKnown && (s.region.library.has(firm.id) || s.region.projects.has(firm.id))) return;
    eligible += 1;
    const t =
      links.length === 1 ? targets.get(links[0]!)! : bestTarget({ firm, links, direct, isLocal }, targets);
    const score = scoreFor(firm, isLocal, t, s);
    best.offer(score, firm.id, () => ({ candidate: { firm, links, direct, isLocal }, target: t, score }));
  });
  const [hits] = await explain(at, d.region.code, [best.items], p.scoring);
  return { totalCount: eligible, hits: hits!, weights, sourceZones: zones };
}

const EXTERNAL: CandidateScope = { withExternal: true, anchorsOnly: false, withLocal: false };

/** The top `n` candidates of each target link (ranked for that link), in the order of `targets`. */
export function perLink(
  targets: Target[],
  candidates: Iterable<Candidate>,
  n: number,
  s: Scoring,
): Ranked[][] {
  const tops = new Map(targets.map((t) => [t.link.key, { t, top: rankedTop(n) }]));
  for (const c of candidates)
    for (const l of c.links) {
      const g = tops.get(l);
      if (!g) continue;
      const score = scoreFor(c.firm, c.isLocal, g.t, s);
      g.top.offer(score, c.firm.id, () => ({ candidate: c, target: g.t, score }));
    }
  return targets.map((t) => tops.get(t.link.key)!.top.items);
}

/** Ranked groups of `rows` with their records and explanations, one query for all. */
export async function resolveGroups(
  at: At,
  d: DiagnosisRecord,
  rows: LinkDiagnosisRecord[],
  groups: Ranked[][],
  s: Scoring,
): Promise<LinkTargetsRecord[]> {
  const hits = await explain(at, d.region.code, groups, s);
  return rows.map((r, i) => ({ diagnosis: r, hits: hits[i]! }));
}

/**
 * 强链: for each WEAK link and each STRONG link without an anchor, anchors from elsewhere and
 * local firms that could expand (flagged `local`), best first.
 * Two round trips with the figures cached (diagnosis, then the hits' records), more after a commit.
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
  const { diagnosis: d, bookmark } = await diagnoseAt(ctx, args);
  const at: At = { ctx, bookmark };
  const rows = [
    ...d.gaps.filter((g) => g.status === 'WEAK'),
    ...d.links.filter((l) => l.status === 'STRONG' && l.anchorCount === 0),
  ];
  const ids = rows.map((r) => r.link.key);
  const p = await prepare(at, d, ids, { zones, weights, region: true });
  const candidates = candidatesFor(p, d, ids, { withExternal: true, anchorsOnly: true, withLocal: true });
  return resolveGroups(at, d, rows, perLink(rows.map(gapTarget), candidates, first, p.scoring), p.scoring);
}

/**
 * 延链: links SUPPLIES-adjacent to the region's STRONG links, outside the chain or missing in
 * it, ranked by how many strong links they touch, then by relatedness, each with its best
 * candidates outside the region. Three round trips with the figures cached: diagnosis, options,
 * the hits' records.
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
  const { diagnosis: d, bookmark } = await diagnoseAt(ctx, args);
  const at: At = { ctx, bookmark };
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
  const ids = options.map((o) => o.link.key);
  const p = await prepare(at, d, ids, { zones, weights, region: true });
  const targetOf = (o: (typeof options)[number]): Target => {
    const inChain = linkByKey.get(o.link.key);
    return inChain?.gap
      ? gapTarget(inChain)
      : { link: o.link, gap: null, severity: EXTENSION_SEVERITY, label: `延链：${o.link.name}` };
  };
  const groups = perLink(options.map(targetOf), candidatesFor(p, d, ids, EXTERNAL), perOption, p.scoring);
  const hits = await explain(at, d.region.code, groups, p.scoring);
  return options.map((o, i) => ({ ...o, candidates: hits[i]! }));
}
