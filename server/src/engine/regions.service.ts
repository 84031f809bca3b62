import type { Context } from '../core/context.js';
import { cmp } from './diagnosis.logic.js';
import { diagnose, type ChainRegionArgs } from './diagnosis.service.js';
import type { ThresholdsArg } from './engine.args.js';
import type { CandidateRow } from './engine.model.js';
import type { LinkDiagnosisRecord, SourceRegionLinkRecord, SourceRegionRecord } from './engine.records.js';
import { readCandidates } from './engine.store.js';
import { isAnchor } from './score.logic.js';
import { candidateParams, chainLinks } from './targets.service.js';

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

/** Fill in the region records of grouped source regions, one batched query. */
export async function withRegions(
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
  const rows = args.linkId ? chainLinks(d, [args.linkId], () => 'linkId') : d.gaps;
  const candidates = await readCandidates(
    ctx.executor,
    (await ctx.viewer.scope()).param,
    candidateParams(
      d,
      rows.map((r) => r.link.key),
      [],
      { withExternal: true, anchorsOnly: false, withLocal: false },
    ),
  );
  return withRegions(ctx, groupSourceRegions(candidates, rows, args.level ?? 'PROVINCE'));
}
