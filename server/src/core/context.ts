import type { Executor, Logger, QueryEvent } from '@chainmap/graph';
import { randomUUID } from 'node:crypto';
import { EngineCache } from '../engine/engine.cache.js';
import { requestAuth } from '../auth/authenticate.js';
import type { Limiters } from '../auth/rate-limit.js';
import type { TokenSettings } from '../auth/token.js';
import { createViewer, SYSTEM_VIEWER, type Viewer } from '../auth/viewer.js';
import { createLoaders, type Loaders } from './loaders.js';

/** The settings of users and tokens a request may need (signing in, the anonymous-read switch). */
export interface AuthSettings {
  /** Public reference data is readable without signing in (ALLOW_ANONYMOUS_READ). */
  anonymousRead: boolean;
  tokens: TokenSettings;
  limiters: Limiters;
}

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
  /** Who is asking, and (on first use) what they may see. */
  viewer: Viewer;
  /** The client's address, for the sign-in limits. */
  address: string;
  auth: AuthSettings;
}

export interface ContextDeps {
  executor: Executor;
  logger: Logger;
  auth: AuthSettings;
  /** A local command line tool run with the database's own credentials: everything is in scope. */
  system?: boolean;
  /** Called for each Cypher query a request runs (tests count round trips with it). */
  onQuery?: (requestId: string, e: QueryEvent) => void;
  /** The engine's cache; without one, each context factory keeps its own. */
  engineCache?: EngineCache;
}

/**
 * Apollo's context factory: a request-scoped executor, the viewer the authentication middleware
 * found (auth/authenticate.ts), and a new set of DataLoaders per request, filtering pipeline
 * rows by the viewer's scope.
 */
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
    const { user, address } = requestAuth(req);
    const viewer = deps.system ? SYSTEM_VIEWER : createViewer(executor, user);
    return {
      requestId,
      executor,
      loaders: createLoaders(executor, async () => (await viewer.scope()).param, engineCache),
      logger: deps.logger.child({ requestId, ...(user ? { user: user.username } : {}) }),
      viewer,
      address,
      auth: deps.auth,
      engineCache,
    };
  };
}
