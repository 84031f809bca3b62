import type { Context } from '../core/context.js';
import { badInput } from '../core/errors.js';
import { fromGlobalId } from '../core/relay.js';
import type { Typed } from './node.type.js';

type Lookup = (ctx: Context, key: string) => Promise<Typed | null>;

/** How each type implementing `Node` is fetched by its domain key: its batched loader. */
const LOOKUPS: Record<string, Lookup> = {
  Region: (ctx, key) => ctx.loaders.region.load(key),
  SourceZone: (ctx, key) => ctx.loaders.sourceZone.load(key),
  Chain: (ctx, key) => ctx.loaders.chain.load(key),
  Link: (ctx, key) => ctx.loaders.link.load(key),
  Enterprise: (ctx, key) => ctx.loaders.enterprise.load(key),
  Person: (ctx, key) => ctx.loaders.person.load(key),
  TaskForce: (ctx, key) => ctx.loaders.taskForce.load(key),
  TargetLibrary: (ctx, key) => ctx.loaders.targetLibrary.load(key),
  Project: (ctx, key) => ctx.loaders.project.load(key),
  KpiTarget: (ctx, key) => ctx.loaders.kpiTarget.load(key),
};

/** The type names `node(id:)` resolves. */
export const NODE_TYPES = Object.keys(LOOKUPS);

/**
 * Any entity by global id; null when it no longer exists. An id that is not a global id of a
 * known type is the client's mistake (BAD_USER_INPUT on `field`).
 */
export function nodeById(ctx: Context, id: string, field = 'id'): Promise<Typed | null> {
  const g = fromGlobalId(id);
  const lookup = g ? LOOKUPS[g.type] : undefined;
  if (!g || !lookup) throw badInput(`"${id.slice(0, 60)}" is not a global id this API issued`, field);
  return lookup(ctx, g.key);
}

export const MAX_NODES = 100;

/** Several entities by global id, in order, null where missing; batched per type. */
export function nodesByIds(ctx: Context, ids: string[]): Promise<(Typed | null)[]> {
  if (ids.length > MAX_NODES) throw badInput(`at most ${MAX_NODES} ids at once (got ${ids.length})`, 'ids');
  return Promise.all(ids.map((id, i) => nodeById(ctx, id, `ids.${i}`)));
}
