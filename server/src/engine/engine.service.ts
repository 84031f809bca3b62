import { z } from 'zod';
import type { ChainRecord, LinkRecord } from '../chain/chain.model.js';
import type { Context } from '../core/context.js';
import { badInput, fromZod, notFound } from '../core/errors.js';
import { keyOf } from '../core/relay.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import {
  PROJECT_STAGES,
  type PersonRecord,
  type ProjectRecord,
  type TaskForceRecord,
} from '../pipeline/pipeline.model.js';
import type { RegionRecord } from '../region/region.model.js';
import {
  ANCHOR_TAGS,
  ANCHORS_PER_LINK,
  DEFAULT_FIRST,
  DEFAULT_PER_LINK,
  DEFAULT_SOURCE_ZONES,
  DEFAULT_THRESHOLDS,
  DEFAULT_WEIGHTS,
  EXTENSION_SEVERITY,
  MAX_FIRST,
  MAX_HOPS,
  MAX_PATHS,
  MAX_PER_LINK,
  STRENGTHEN_SEVERITY,
  type GapKind,
  type Thresholds,
  type Weights,
} from './engine.defaults.js';
import type { CandidateRow, DiagnosisRow, OrganisationRow } from './engine.model.js';
import {
  readCandidates,
  readConnections,
  readDiagnosis,
  readExtension,
  readOrganisation,
  type CandidateParams,
} from './engine.store.js';
import {
  brokenLinks,
  cmp,
  compareGaps,
  gapKind,
  gapSeverity,
  linkStatus,
  locationQuotient,
  share,
  stageOrder,
  type LinkStatus,
} from './diagnosis.logic.js';
import { compareHits, isAnchor, scoreCandidate, type Factor } from './score.logic.js';

// The investment-map engine (招商地图): 招什么 (diagnosis), 招谁 (targets), 到哪招 (source
// regions), 谁来招 (organisation), 强链 and 延链. Each entry point runs a small, fixed number of
// queries (docs/method.md lists them); the logic between them is pure (diagnosis.logic.ts,
// score.logic.ts).

// ---------------------------------------------------------------------------------------------
// Records handed to the resolvers (and to the export).

export interface LinkDiagnosisRecord {
  link: LinkRecord;
  parentId: string | null;
  status: LinkStatus;
  broken: boolean;
  gap: GapKind | null;
  severity: number;
  localCount: number;
  anchorCount: number;
  revenue: number | null;
  locationQuotient: number | null;
  nationalCount: number;
  anchors: EnterpriseRecord[];
}

export interface DiagnosisRecord {
  chain: ChainRecord;
  region: RegionRecord;
  thresholds: Thresholds;
  links: LinkDiagnosisRecord[];
  gaps: LinkDiagnosisRecord[];
  coverage: number | null;
  keyCoverage: number | null;
  localTotal: number;
  nationalTotal: number;
}

export interface TargetHitRecord {
  enterprise: EnterpriseRecord;
  link: LinkRecord;
  gap: GapKind | null;
  score: number;
  factors: Factor[];
  local: boolean;
  inLibrary: boolean;
  inProject: boolean;
  sourceZones: string[];
}

export interface TargetListRecord {
  totalCount: number;
  hits: TargetHitRecord[];
  weights: Weights;
  sourceZones: string[];
}

export interface LinkTargetsRecord {
  diagnosis: LinkDiagnosisRecord;
  hits: TargetHitRecord[];
}

export interface ExtensionOptionRecord {
  link: LinkRecord;
  chain: ChainRecord | null;
  inChain: boolean;
  touches: LinkRecord[];
  relatedness: number;
  strongRegions: number;
  localCount: number;
  nationalCount: number;
  candidates: TargetHitRecord[];
}

export interface SourceRegionLinkRecord {
  link: LinkRecord;
  count: number;
  anchorCount: number;
}

export interface SourceRegionRecord {
  region: RegionRecord;
  score: number;
  candidateCount: number;
  anchorCount: number;
  revenue: number | null;
  links: SourceRegionLinkRecord[];
}

export interface ConnectionStepRecord {
  from: EnterpriseRecord;
  to: EnterpriseRecord;
  type: 'SUPPLIES_TO' | 'INVESTS_IN';
  share: number | null;
}

export interface ConnectionPathRecord {
  target: EnterpriseRecord;
  hops: number;
  nodes: EnterpriseRecord[];
  steps: ConnectionStepRecord[];
}

export interface MapTaskForceRecord {
  taskForce: TaskForceRecord;
  leader: PersonRecord | null;
  region: RegionRecord;
  memberCount: number;
  libraryCount: number;
  targetCount: number;
}

export interface MapProjectRecord {
  project: ProjectRecord;
  enterprise: EnterpriseRecord | null;
  region: RegionRecord;
  links: LinkRecord[];
}

export interface MapOrganisationRecord {
  taskForces: MapTaskForceRecord[];
  targetCount: number;
  projectCount: number;
  projectAmount: number;
  stages: { stage: string; count: number; amount: number }[];
  projects: MapProjectRecord[];
}

export interface InvestmentMapRecord {
  chain: ChainRecord;
  region: RegionRecord;
  generatedAt: string;
  diagnosis: DiagnosisRecord;
  targets: LinkTargetsRecord[];
  weights: Weights;
  sourceZones: string[];
  sourceRegions: SourceRegionRecord[];
  organisation: MapOrganisationRecord;
}

// ---------------------------------------------------------------------------------------------
// Arguments: checked here with zod, every problem reported with its field.

const ThresholdsModel = z.object({
  strongMinCount: z.number().int().min(1).max(1_000_000).nullish(),
  strongMinQuotient: z.number().min(0).max(1_000).nullish(),
});
const WeightsModel = z
  .object({
    strength: z.number().min(0).max(100).nullish(),
    gap: z.number().min(0).max(100).nullish(),
    ties: z.number().min(0).max(100).nullish(),
    supplyFit: z.number().min(0).max(100).nullish(),
    sourceZone: z.number().min(0).max(100).nullish(),
  })
  .nullish();
const ZonesModel = z.array(z.string().trim().min(1).max(20)).max(20).nullish();

export type ThresholdsArg = z.input<typeof ThresholdsModel> | null | undefined;
export type WeightsArg = z.input<typeof WeightsModel>;

function parse<T>(model: z.ZodType<T>, value: unknown, field: string): T {
  const r = model.safeParse(value);
  if (!r.success) throw fromZod(r.error, field);
  return r.data;
}

/** The thresholds of a request: defaults, overridden field by field. */
export function resolveThresholds(arg: ThresholdsArg): Thresholds {
  const t = parse(ThresholdsModel, arg ?? {}, 'thresholds');
  return {
    strongMinCount: t.strongMinCount ?? DEFAULT_THRESHOLDS.strongMinCount,
    strongMinQuotient: t.strongMinQuotient ?? DEFAULT_THRESHOLDS.strongMinQuotient,
  };
}

/** The score weights of a request: defaults, overridden field by field; they must not all be 0. */
export function resolveWeights(arg: WeightsArg): Weights {
  const w = parse(WeightsModel, arg, 'weights') ?? {};
  const out: Weights = {
    strength: w.strength ?? DEFAULT_WEIGHTS.strength,
    gap: w.gap ?? DEFAULT_WEIGHTS.gap,
    ties: w.ties ?? DEFAULT_WEIGHTS.ties,
    supplyFit: w.supplyFit ?? DEFAULT_WEIGHTS.supplyFit,
    sourceZone: w.sourceZone ?? DEFAULT_WEIGHTS.sourceZone,
  };
  if (Object.values(out).every((v) => v === 0))
    throw badInput('at least one weight must be above 0', 'weights');
  return out;
}

function resolveZones(arg: string[] | null | undefined): string[] {
  const zones = parse(ZonesModel, arg, 'sourceZones');
  return zones ? [...new Set(zones)] : [...DEFAULT_SOURCE_ZONES];
}

function count(value: number | null | undefined, field: string, fallback: number, max: number): number {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badInput(`${field} must be between 1 and ${max} (got ${value})`, field);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// 招什么: the diagnosis.

/** Turn what `diagnoseChain` read into link rows, statuses, broken links, coverage and gaps. */
export function buildDiagnosis(
  row: DiagnosisRow,
  thresholds: Thresholds,
): Omit<DiagnosisRecord, 'chain' | 'region'> {
  const subtree = new Map(row.subtreeCounts.map((s) => [s.id, s.count]));
  const hasSubLinks = new Set(row.links.map((l) => l.parentId).filter((p): p is string => p !== null));
  const local = new Map(row.local.map((l) => [l.id, l]));

  const base = row.links.map(({ link, parentId, degree }) => {
    const here = local.get(link.key);
    const localCount = here?.count ?? 0;
    const anchorCount = here?.anchors ?? 0;
    // A link without sub-links: its national count is its OPERATES_IN degree.
    const nationalCount = hasSubLinks.has(link.key) ? (subtree.get(link.key) ?? 0) : degree;
    const quotient = locationQuotient(localCount, row.localTotal, nationalCount, row.nationalTotal);
    return {
      link,
      parentId,
      status: linkStatus(localCount, anchorCount, quotient, thresholds),
      localCount,
      anchorCount,
      revenue: here?.revenue ?? null,
      locationQuotient: quotient === null ? null : Math.round(quotient * 1e6) / 1e6,
      nationalCount,
      anchors: here?.anchorList ?? [],
    };
  });

  const present = new Set(base.filter((b) => b.status !== 'MISSING').map((b) => b.link.key));
  const broken = brokenLinks(
    base.map((b) => ({ id: b.link.key, parentId: b.parentId })),
    row.edges,
    present,
  );
  const links: LinkDiagnosisRecord[] = base
    .map((b) => {
      const isBroken = broken.has(b.link.key);
      const gap = gapKind(b.status, isBroken, b.link.isKey);
      return { ...b, broken: isBroken, gap, severity: gapSeverity(gap) };
    })
    .sort((a, b) => stageOrder(a.link.stage) - stageOrder(b.link.stage) || cmp(a.link.key, b.link.key));

  const gaps = links
    .filter((l): l is LinkDiagnosisRecord & { gap: GapKind } => l.gap !== null)
    .sort((a, b) =>
      compareGaps(
        { gap: a.gap, stage: a.link.stage, id: a.link.key },
        { gap: b.gap, stage: b.link.stage, id: b.link.key },
      ),
    );
  const key = links.filter((l) => l.link.isKey);
  return {
    thresholds,
    links,
    gaps,
    coverage: share(present.size, links.length),
    keyCoverage: share(key.filter((l) => l.status !== 'MISSING').length, key.length),
    localTotal: row.localTotal,
    nationalTotal: row.nationalTotal,
  };
}

export interface ChainRegionArgs {
  chainId: string;
  regionCode: string;
}

/** 招什么: one chain in one region, link by link. One round trip. */
export async function diagnose(
  ctx: Context,
  args: ChainRegionArgs & { thresholds?: ThresholdsArg },
): Promise<DiagnosisRecord> {
  const thresholds = resolveThresholds(args.thresholds);
  const chainId = keyOf('Chain', args.chainId);
  const regionCode = keyOf('Region', args.regionCode);
  const row = await readDiagnosis(ctx.executor, {
    chainId,
    regionCode,
    anchorTags: ANCHOR_TAGS,
    anchorCap: ANCHORS_PER_LINK,
  });
  if (!row.chain) throw notFound('Chain', args.chainId);
  if (!row.region) throw notFound('Region', args.regionCode);
  return { chain: row.chain, region: row.region, ...buildDiagnosis(row, thresholds) };
}

// ---------------------------------------------------------------------------------------------
// 招谁: scoring candidates.

const GAP_LABEL: Record<GapKind, string> = {
  BROKEN_KEY: '补断链·关键环节',
  BROKEN: '补断链',
  MISSING_KEY: '补缺链·关键环节',
  MISSING: '补缺链',
  WEAK_KEY: '强弱链·关键环节',
  WEAK: '强弱链',
};

interface Target {
  link: LinkRecord;
  gap: GapKind | null;
  severity: number;
  label: string;
}

function gapTarget(d: LinkDiagnosisRecord): Target {
  return {
    link: d.link,
    gap: d.gap,
    severity: d.gap ? d.severity : STRENGTHEN_SEVERITY,
    label: `${d.gap ? GAP_LABEL[d.gap] : d.status === 'STRONG' ? '强链' : '环节'}：${d.link.name}`,
  };
}

interface Scoring {
  weights: Weights;
}

interface PendingHit extends Omit<TargetHitRecord, 'enterprise'> {
  id: string;
}

/** Score a candidate for one target link. */
function hitFor(c: CandidateRow, t: Target, s: Scoring): PendingHit {
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
async function withEnterprises<T extends { id: string }>(
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

function candidateParams(
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
function chainLinks(d: DiagnosisRecord, linkIds: string[], field: string): LinkDiagnosisRecord[] {
  const byKey = new Map(d.links.map((l) => [l.link.key, l]));
  const chosen = linkIds.map((id, i) => {
    const row = byKey.get(keyOf('Link', id));
    if (!row) throw badInput(`"${id}" is not a link of chain ${d.chain.key}`, `${field}.${i}`);
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
  const rows = args.linkIds?.length ? chainLinks(d, args.linkIds, 'linkIds') : d.gaps;
  const targets = new Map(rows.map((r) => [r.link.key, gapTarget(r)]));
  const candidates = await readCandidates(
    ctx.executor,
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
function perLink(
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

async function resolveGroups(
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

// ---------------------------------------------------------------------------------------------
// 到哪招: source regions.

/**
 * Group candidates by province or city: distinct candidates, anchors among them, revenue, and
 * counts per target link. Heat = candidates + anchors. Best first; ties by revenue, then code.
 */
export function groupSourceRegions(
  candidates: CandidateRow[],
  rows: LinkDiagnosisRecord[],
  level: 'PROVINCE' | 'CITY',
): {
  code: string;
  score: number;
  candidateCount: number;
  anchorCount: number;
  revenue: number | null;
  links: SourceRegionLinkRecord[];
}[] {
  const groups = new Map<string, CandidateRow[]>();
  for (const c of candidates) {
    const code = level === 'PROVINCE' ? c.provinceCode : c.cityCode;
    if (!code) continue;
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code)!.push(c);
  }
  return [...groups.entries()]
    .map(([code, cs]) => {
      const anchorCount = cs.filter((c) => isAnchor(c.tags)).length;
      const known = cs.filter((c) => c.revenue != null);
      return {
        code,
        score: cs.length + anchorCount,
        candidateCount: cs.length,
        anchorCount,
        revenue: known.length ? Math.round(known.reduce((s, c) => s + c.revenue!, 0) * 1e6) / 1e6 : null,
        links: rows
          .map((r) => {
            const inLink = cs.filter((c) => c.links.includes(r.link.key));
            return {
              link: r.link,
              count: inLink.length,
              anchorCount: inLink.filter((c) => isAnchor(c.tags)).length,
            };
          })
          .filter((l) => l.count > 0),
      };
    })
    .sort((a, b) => b.score - a.score || (b.revenue ?? 0) - (a.revenue ?? 0) || cmp(a.code, b.code));
}

async function withRegions(
  ctx: Context,
  groups: ReturnType<typeof groupSourceRegions>,
): Promise<SourceRegionRecord[]> {
  const loaded = await ctx.loaders.region.loadMany(groups.map((g) => g.code));
  return groups.flatMap(({ code: _code, ...g }, i) => {
    const region = loaded[i];
    return region && !(region instanceof Error) ? [{ ...g, region }] : [];
  });
}

/**
 * 到哪招: provinces or cities ranked by the candidates there for one gap link or every gap, with
 * counts per link. Three round trips: diagnosis, candidates, region records.
 */
export async function sourceRegions(
  ctx: Context,
  args: ChainRegionArgs & {
    linkId?: string | null;
    level?: 'PROVINCE' | 'CITY' | null;
    thresholds?: ThresholdsArg;
  },
): Promise<SourceRegionRecord[]> {
  const d = await diagnose(ctx, args);
  const rows = args.linkId ? chainLinks(d, [args.linkId], 'linkId') : d.gaps;
  const candidates = await readCandidates(
    ctx.executor,
    candidateParams(
      d,
      rows.map((r) => r.link.key),
      [],
      { withExternal: true, anchorsOnly: false, withLocal: false },
    ),
  );
  return withRegions(ctx, groupSourceRegions(candidates, rows, args.level ?? 'PROVINCE'));
}

// ---------------------------------------------------------------------------------------------
// Who can introduce us.

/**
 * The shortest SUPPLIES_TO / INVESTS_IN paths (either direction, at most `maxHops`, ≤ 3) from an
 * enterprise to firms in the region: one per firm reached, shortest first, then by firm id.
 * One round trip.
 */
export async function connections(
  ctx: Context,
  args: { enterpriseId: string; regionCode: string; maxHops?: number | null; first?: number | null },
): Promise<ConnectionPathRecord[]> {
  const maxHops = count(args.maxHops, 'maxHops', MAX_HOPS, MAX_HOPS);
  const first = count(args.first, 'first', DEFAULT_FIRST, MAX_PATHS);
  const enterpriseId = keyOf('Enterprise', args.enterpriseId);
  const row = await readConnections(ctx.executor, {
    enterpriseId,
    regionCode: keyOf('Region', args.regionCode),
    maxHops,
    rowLimit: 1000,
  });
  if (!row) throw notFound('Enterprise', args.enterpriseId);
  if (!row.regionFound) throw notFound('Region', args.regionCode);
  const seen = new Set<string>();
  const out: ConnectionPathRecord[] = [];
  for (const p of row.paths) {
    if (seen.has(p.target) || out.length >= first) continue;
    seen.add(p.target);
    const byId = new Map(p.nodes.map((n) => [n.key, n]));
    out.push({
      target: p.nodes.at(-1)!,
      hops: p.hops,
      nodes: p.nodes,
      steps: p.steps.map((s) => ({
        from: byId.get(s.from)!,
        to: byId.get(s.to)!,
        type: s.type,
        share: s.share,
      })),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 谁来招 and the whole map.

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
 * regions for all gaps), 谁来招 (task forces, chain leaders, libraries, pipeline). Five queries
 * in three steps: diagnosis ∥ organisation, then candidates, then enterprise ∥ region records.
 */
export async function investmentMap(ctx: Context, args: MapArgs): Promise<InvestmentMapRecord> {
  const weights = resolveWeights(args.weights);
  const zones = resolveZones(args.sourceZones);
  const perGap = count(args.perGap, 'perGap', DEFAULT_PER_LINK, MAX_PER_LINK);
  const [d, org] = await Promise.all([
    diagnose(ctx, args),
    readOrganisation(ctx.executor, {
      chainId: keyOf('Chain', args.chainId),
      regionCode: keyOf('Region', args.regionCode),
    }),
  ]);
  const candidates = await readCandidates(
    ctx.executor,
    candidateParams(
      d,
      d.gaps.map((g) => g.link.key),
      zones,
      { withExternal: true, anchorsOnly: false, withLocal: false },
    ),
  );
  const eligible = candidates.filter((c) => args.includeKnown || (!c.inLibrary && !c.inProject));
  const [targets, regions] = await Promise.all([
    resolveGroups(ctx, perLink(d.gaps, eligible, perGap, { weights })),
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
