import type { Executor, Logger, QueryEvent } from '@chainmap/graph';
import { randomUUID } from 'node:crypto';
import { EngineCache } from '../engine/engine.cache.js';
import { createLoaders, type Loaders } from './loaders.js';

/**
 * Everything a resolver may use during one request. Built fresh per request; nothing is shared
 * but the engine's cache, whose entries are only served at the database state they were read at.
 */
export interface Context {
  requestId: string;
  executor: Executor;
  loaders: Loaders;
  logger: Logger;
  /** The engine's bookmark-stamped figures, shared by every request of this server. */
  engineCache: EngineCache;
}

export interface ContextDeps {
  executor: Executor;
  logger: Logger;
  /** Called for each Cypher query a request runs (tests count round trips with it). */
  onQuery?: (requestId: string, e: QueryEvent) => void;
  /** The engine's cache; without one, each context factory keeps its own. */
  engineCache?: EngineCache;
}

/** Apollo's context factory: a request-scoped executor and a new set of DataLoaders per request. */
export function createContextFactory(deps: ContextDeps) {
  const engineCache = deps.engineCache ?? new EngineCache();
  return async ({
    req,
  }: {
    req: { headers: Record<string, string | string[] | undefined> };
  }): Promise<Context> => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
    const onQuery = deps.onQuery;
    const executor = deps.executor.scoped({
      metadata: { requestId },
      ...(onQuery ? { observer: (e: QueryEvent) => onQuery(requestId, e) } : {}),
    });
    return {
      requestId,
      executor,
      loaders: createLoaders(executor),
      logger: deps.logger.child({ requestId }),
      engineCache,
    };
  };
}
