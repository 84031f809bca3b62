import type { Context } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { keyOf } from '../core/relay.js';
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
} from './diagnosis.logic.js';
import { resolveThresholds, type ThresholdsArg } from './engine.args.js';
import type { GapKind, Thresholds } from './engine.defaults.js';
import type { DiagnosisRow, NationalRow } from './engine.model.js';
import type { DiagnosisRecord, LinkDiagnosisRecord } from './engine.records.js';
import { readChainShape, readNational } from './engine.store.js';
import { presenceAt } from './presence.service.js';

// 招什么: a chain diagnosed in a region (docs/method.md). One small round trip while the figures
// are cached at the database's current state, two steps when they are not.

/** Turn what `chainShape`, `localPresence` and `chainNational` read into link rows, statuses, broken links, coverage and gaps. */
export function buildDiagnosis(
  row: DiagnosisRow,
  national: NationalRow,
  thresholds: Thresholds,
): Omit<DiagnosisRecord, 'chain' | 'region'> {
  const nationalCounts = new Map(national.counts.map((c) => [c.id, c.count]));
  const local = new Map(row.local.map((l) => [l.id, l]));

  const base = row.links.map(({ link, parentId }) => {
    const here = local.get(link.key);
    const localCount = here?.count ?? 0;
    const anchorCount = here?.anchors ?? 0;
    const nationalCount = nationalCounts.get(link.key) ?? 0;
    const quotient = locationQuotient(localCount, row.localTotal, nationalCount, national.total);
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
    nationalTotal: national.total,
  };
}

export interface ChainRegionArgs {
  chainId: string;
  regionCode: string;
}

/** 招什么: one chain in one region, link by link. See {@link diagnoseAt}. */
export async function diagnose(
  ctx: Context,
  args: ChainRegionArgs & { thresholds?: ThresholdsArg },
): Promise<DiagnosisRecord> {
  return (await diagnoseAt(ctx, args)).diagnosis;
}

/**
 * 招什么, with the bookmark of the database state it was read at (what the engine's cache is
 * stamped with). One small round trip (`chainShape`, which fixes that state) while the region's
 * presence on the chain and the chain's national figures are cached at that state; after a
 * commit, one more step reading whichever of them is not (`localPresence` ∥ `chainNational`).
 */
export async function diagnoseAt(
  ctx: Context,
  args: ChainRegionArgs & { thresholds?: ThresholdsArg },
): Promise<{ diagnosis: DiagnosisRecord; bookmark: string }> {
  const thresholds = resolveThresholds(args.thresholds);
  const chainId = keyOf('Chain', args.chainId);
  const regionCode = keyOf('Region', args.regionCode);
  const executor = ctx.executor;
  const { row: shape, bookmark } = await readChainShape(executor, { chainId, regionCode });
  if (!shape.chain) throw notFound('Chain', args.chainId);
  if (!shape.region) throw notFound('Region', args.regionCode);
  const [presence, national] = await Promise.all([
    presenceAt(executor, ctx.engineCache, chainId, regionCode, bookmark),
    ctx.engineCache.load('national', chainId, bookmark, () => readNational(executor, chainId)),
  ]);
  // Deleted between the reads: as if it had never been found.
  if (!national || !presence)
    throw notFound(national ? 'Region' : 'Chain', national ? args.regionCode : args.chainId);
  const row = { ...shape, ...presence };
  return {
    diagnosis: { chain: shape.chain, region: shape.region, ...buildDiagnosis(row, national, thresholds) },
    bookmark,
  };
}
