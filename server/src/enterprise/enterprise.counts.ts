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
    // One presence per chain and region asked; a link the graph does not know counts 0.
    const presences = new Map<string, Promise<Map<string, number> | null>>();
    const withoutChain: number[] = [];
    await Promise.all(
      cached.map(async (i) => {
        const { linkId, regionCode } = keys[i]! as { linkId: string; regionCode: string };
        if (!chains.has(linkId)) return void (out[i] = 0);
        const chainId = chains.get(linkId);
        if (!chainId) return void withoutChain.push(i);
        const pk = `${chainId}\u0000${regionCode}`;
        let counts = presences.get(pk);
        if (!counts)
          presences.set(
            pk,
            (counts = presenceAt(executor, cache, chainId, regionCode, bookmark).then(
              (p) => p && new Map(p.local.map((l) => [l.id, l.count])),
            )),
          );
        // No presence: the region (or the chain, since the first read) is unknown, so none there.
        out[i] = (await counts)?.get(linkId) ?? 0;
      }),
    );
    await countByCypher(withoutChain);
  };

  await Promise.all([countByCypher(rest), fromPresence()]);
  return out;
}
