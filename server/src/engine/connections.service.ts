import type { Context } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { keyOf } from '../core/relay.js';
import { count } from './engine.args.js';
import { DEFAULT_FIRST, MAX_HOPS, MAX_PATHS } from './engine.defaults.js';
import type { ConnectionPathRecord } from './engine.records.js';
import { readConnections } from './engine.store.js';

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
