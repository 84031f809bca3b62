import type { Executor } from '@chainmap/graph';
import { presenceKey, type EngineCache } from './engine.cache.js';
import { ANCHOR_TAGS, ANCHORS_PER_LINK } from './engine.defaults.js';
import type { LocalPresenceRow } from './engine.model.js';
import { readLocalPresence } from './engine.store.js';

/**
 * A region's presence on a chain (per link: its firms there, anchors, revenue; `localPresence`)
 * at the database state `bookmark` names: from the engine's cache when it holds it at that
 * state, else read once however many requests ask meanwhile. Null when the chain or the region is
 * unknown. The diagnosis (招什么) and a chain's links counted in a region share the entry.
 */
export function presenceAt(
  executor: Executor,
  cache: EngineCache,
  chainId: string,
  regionCode: string,
  bookmark: string,
): Promise<LocalPresenceRow | null> {
  return cache.load('local', presenceKey(chainId, regionCode), bookmark, () =>
    readLocalPresence(executor, {
      chainId,
      regionCode,
      anchorTags: ANCHOR_TAGS,
      anchorCap: ANCHORS_PER_LINK,
    }),
  );
}
