import type { Context } from '../core/context.js';
import { keyOf } from '../core/relay.js';
import type { ChainRecord, LinkRecord } from './chain.model.js';
import { allChains } from './chain.store.js';

/** Every industry chain, by name. */
export function listChains(ctx: Context): Promise<ChainRecord[]> {
  return allChains(ctx.executor);
}

/** A chain by id or global id. */
export function chainById(ctx: Context, id: string): Promise<ChainRecord | null> {
  return ctx.loaders.chain.load(keyOf('Chain', id));
}

/** A link by id or global id. */
export function linkById(ctx: Context, id: string): Promise<LinkRecord | null> {
  return ctx.loaders.link.load(keyOf('Link', id));
}
