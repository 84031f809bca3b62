import type { Context } from '../core/context.js';
import type { Candidate } from './candidates.service.js';
import { cmp } from './diagnosis.logic.js';
import { diagnoseAt, type ChainRegionArgs } from './diagnosis.service.js';
import type { ThresholdsArg } from './engine.args.js';
import { DEFAULT_WEIGHTS } from './engine.defaults.js';
import type { LinkDiagnosisRecord, SourceRegionLinkRecord, SourceRegionRecord } from './engine.records.js';
import { candidatesFor, chainLinks, prepare } from './targets.service.js';

/**
 * Group candidates by province or city: distinct candidates, anchors among them, revenue, and
 * counts per target link. Heat = candidates + anchors. Best first; ties by revenue, then code.
 */
export function groupSourceRegions(
  candidates: Candidate[],
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
  interface Group {
    candidates: number;
    anchors: number;
    revenue: number;
    known: number;
    links: Map<string, { count: number; anchors: number }>;
  }
  const groups = new Map<string, Group>();
  for (const c of candidates) {
    const code = level === 'PROVINCE' ? c.firm.provinceCode : c.firm.cityCode;
    if (!code) continue;
    let g = groups.get(code);
    if (!g) groups.set(code, (g = { candidates: 0, anchors: 0, revenue: 0, known: 0, links: new Map() }));
    const anchor = c.firm.anchor ? 1 : 0;
    g.candidates += 1;
    g.anchors += anchor;
    if (c.firm.revenue != null) {
      g.revenue += c.firm.revenue;
      g.known += 1;
    }
    for (const l of c.links) {
      const n = g.links.get(l);
      if (n) {
        n.count += 1;
        n.anchors += anchor;
      } else g.links.set(l, { count: 1, anchors: anchor });
    }
  }
  return [...groups.entries()]
    .map(([code, g]) => ({
      code,
      score: g.candidates + g.anchors,
      candidateCount: g.candidates,
      anchorCount: g.anchors,
      revenue: g.known ? Math.round(g.revenue * 1e6) / 1e6 : null,
      links: rows.flatMap((r) => {
        const n = g.links.get(r.link.key);
        return n ? [{ link: r.link, count: n.count, anchorCount: n.anchors }] : [];
      }),
    }))
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
 * counts per link. Two round trips with the figures cached: diagnosis, region records.
 */
export async function sourceRegions(
  ctx: Context,
  args: ChainRegionArgs & {
    linkId?: string | null;
    level?: 'PROVINCE' | 'CITY' | null;
    thresholds?: ThresholdsArg;
  },
): Promise<SourceRegionRecord[]> {
  const { diagnosis: d, bookmark } = await diagnoseAt(ctx, args);
  const rows = args.linkId ? chainLinks(d, [args.linkId], () => 'linkId') : d.gaps;
  const ids = rows.map((r) => r.link.key);
  const p = await prepare({ ctx, bookmark }, d, ids, { zones: [], weights: DEFAULT_WEIGHTS, region: false });
  const candidates = candidatesFor(p, d, ids, { withExternal: true, anchorsOnly: false, withLocal: false });
  return withRegions(ctx, groupSourceRegions(candidates, rows, args.level ?? 'PROVINCE'));
}
