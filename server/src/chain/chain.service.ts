import type { Context } from '../core/context.js';
import { keyOf } from '../core/relay.js';
import type { ChainRecord, LinkRecord } from './chain.model.js';
import { allChains } from './chain.store.js';

/** Every industry chain, by name. */
export function listChains(ctx: Context): Promise<ChainRecord[]> {
  return allChains(ctx.executor);
}

/**
 * A chain by id or global id. When the client also selected its links, they come in the same
 * query and wait in the `chainLinks` loader (a chain's link counts then cost one more round trip,
 * not two).
 */
export async function chainById(
  ctx: Context,
  id: string,
  wants: { links: boolean } = { links: false },
): Promise<ChainRecord | null> {
  const key = keyOf('Chain', id);
  if (!wants.links) return ctx.loaders.chain.load(key);
  const found = await ctx.loaders.chainWithLinks.load(key);
  if (!found) return null;
  ctx.loaders.chainLinks.prime(key, found.links);
  return found.chain;
}

/** A link by id or global id. */
export function linkById(ctx: Context, id: string): Promise<LinkRecord | null> {
  return ctx.loaders.link.load(keyOf('Link', id));
}
