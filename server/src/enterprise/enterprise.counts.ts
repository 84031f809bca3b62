import type { Executor } from '@chainmap/graph';
import type { EngineCache } from '../engine/engine.cache.js';
import { catalogOf } from '../engine/candidates.service.js';
import { readLinkChains } from '../engine/engine.store.js';
import { presenceAt } from '../engine/presence.service.js';
import { enterpriseCounts, regionLinkGroups, type EnterpriseQuery } from './enterprise.store.js';

/**
 * Totals of enterprise connections (the `enterpriseCount` DataLoader's batch function).
 *
 * Two or more links counted in one region, and nothing else (a chain's links each counted in a
 * province, an analyst's everyday question), are the figures the engine already keeps for the
 * diagnosis: the region's presence on each link's chain, per link the distinct firms of its
 * subtree there, stamped with the database state it was read at (engine/engine.cache.ts). The
 * state is the one this request last observed (the read of the chain and its links, as a rule),
 * each link's chain comes from the cached link catalog at that state, and the counts from the
 * cached presence at that state; either is read once when it is not there. A request that has
 * read nothing yet makes one small round trip (`engineLinkChains`) for its links' chains and the
 * state. Any commit, by anyone, changes the state, so a count is never older than the request.
 *
 * Every other key, and links without a chain, are counted by Cypher (`enterpriseCounts`).
 */
export async function countEnterprises(
  executor: Executor,
  cache: EngineCache,
  keys: readonly EnterpriseQuery[],
): Promise<number[]> {
  const cached = regionLinkGroups(keys).flatMap(([, idx]) => idx);
  if (cached.length === 0) return enterpriseCounts(executor, keys);

  const out = new Array<number>(keys.length);
  const inCache = new Set(cached);
  const rest = [...keys.keys()].filter((i) => !inCache.has(i));
  const countByCypher = async (idx: number[]) => {
    if (idx.length === 0) return;
    const totals = await enterpriseCounts(
      executor,
      idx.map((i) => keys[i]!),
    );
    totals.forEach((t, j) => (out[idx[j]!] = t));
  };

  const fromPresence = async () => {
    // The state this request has seen (its chain and links were read first, as a rule): the
    // links' chains from the cached catalog, no round trip; else one small read for both.
    const seen = executor.observedBookmark;
    const { chains, bookmark } = seen
      ? { chains: (await catalogOf(executor, cache, seen)).chain, bookmark: seen }
      : await readLinkChains(executor, [...new Set(cached.map((i) => keys[i]!.linkId!))]);
    // The keys by chain and region, one presence each; a link the graph does not know counts 0.
    const groups = new Map<string, { chainId: string; regionCode: string; idx: number[] }>();
    const withoutChain: number[] = [];
    for (const i of cached) {
      const { linkId, regionCode } = keys[i]! as { linkId: string; regionCode: string };
      const chainId = chains.get(linkId);
      if (chainId === undefined) out[i] = 0;
      else if (chainId === null) withoutChain.push(i);
      else {
        const gk = `${chainId}\u0000${regionCode}`;
        const group = groups.get(gk);
        if (group) group.idx.push(i);
        else groups.set(gk, { chainId, regionCode, idx: [i] });
      }
    }
    await Promise.all([
      countByCypher(withoutChain),
      ...[...groups.values()].map(async ({ chainId, regionCode, idx }) => {
        const presence = await presenceAt(executor, cache, chainId, regionCode, bookmark);
        // No presence: the region (or the chain, since the first read) is unknown, so none there.
        const counts = new Map(presence?.local.map((l) => [l.id, l.count]));
        for (const i of idx) out[i] = counts.get(keys[i]!.linkId!) ?? 0;
      }),
    ]);
  };

  await Promise.all([countByCypher(rest), fromPresence()]);
  return out;
}
