import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { readNeo4jInfo } from './health/health.store.js';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config, Executor, Logger, QueryEvent } from '@chainmap/graph';
import express from 'express';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import proxyaddr from 'proxy-addr';
import { authenticate, authenticator } from './auth/authenticate.js';
import { authSettings } from './auth/settings.js';
import { createContextFactory, type Context } from './core/context.js';
import { createFormatError, httpError, sendHttpError } from './core/errors.js';
import { graphqlPost, sizeInBytes } from './core/graphql-post.js';
import { EngineCache } from './engine/engine.cache.js';
import { exportRouter } from './export/export.route.js';
import { buildAppSchema } from './schema.js';

/** The built explorer, served from the API's port so one command serves both. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface AppDeps {
  config: Config;
  logger: Logger;
  executor: Executor;
  onQuery?: (requestId: string, e: QueryEvent) => void;
  /** The engine's cache (server/src/engine/engine.cache.ts); one is made when not given. */
  engineCache?: EngineCache;
}

export interface App {
  server: Server;
  url: string;
  /** Stop accepting requests, let in-flight ones finish, then resolve. Does not close the driver. */
  stop(): Promise<void>;
}

/**
 * The HTTP server: GraphQL at /graphql (POST and GET, as the GraphQL-over-HTTP spec says), the
 * explorer at /. Stateless between requests, so several instances can sit behind a load balancer.
 */
export async function startApp(deps: AppDeps): Promise<App> {
  const { config, logger } = deps;
  if (config.devAuthSecret) {
    logger.warn(
      '!!! AUTH_SECRET is not set: sign-in tokens are signed with the public DEVELOPMENT key. Anyone can forge them. Never run like this outside development. !!!',
    );
  }
  const app = express();
  app.disable('x-powered-by');
  // No ETag on computed answers: express would hash every GraphQL and export body for a 304
  // that a POST never gets (static files keep serve-static's own ETags).
  app.set('etag', false);
  // Behind a reverse proxy, TRUST_PROXY tells express which X-Forwarded-For hops to believe, so
  // that per-address limits count clients rather than the proxy.
  if (config.TRUST_PROXY) {
    const tp = config.TRUST_PROXY;
    app.set('trust proxy', /^\d+$/.test(tp) ? Number(tp) : tp === 'true' ? true : tp);
  }
  // POST /graphql with a JSON body takes the lean path (core/graphql-post.ts) once Apollo has
  // started; everything else, and everything before that, goes through express.
  let lean: ((req: IncomingMessage, res: ServerResponse) => boolean) | null = null;
  const server = createServer((req, res) => {
    if (!lean?.(req, res)) app(req, res);
  });
  const schema = await buildAppSchema();
  const engineCache =
    deps.engineCache ??
    new EngineCache(
      config.ENGINE_CACHE_REFRESH ? { refresh: { logger: logger.child({ part: 'engine-cache' }) } } : {},
    );
  // Commits made by this server announce the new state to the cache at once.
  const stopListening = deps.executor.onCommit((bookmark, changes) =>
    engineCache.committed(bookmark, changes),
  );
  // Depth, alias, cost, token and directive limits: an abusive query is refused before it runs.
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST },
    // Token limit is enforced by the parser itself (parseOptions below), which answers 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: !config.introspection },
  }).protect();
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    allowBatchedHttpRequests: false,
    // The process's owner (server/src/main.ts, a test, a benchmark) decides when to stop; Apollo's
    // own SIGTERM/SIGINT handlers raced main.ts's drain and left the process running.
    stopOnTerminationSignals: false,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError((err, msg) => logger.error({ err }, msg)),
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // No @cacheControl hints are used (answers depend on the viewer and the database state):
      // without this, Apollo wraps every field resolver to collect them, on every request.
      ApolloServerPluginCacheControlDisabled(),
      config.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  await apollo.start();

  // Who is asking: `Authorization: Bearer <token>` checked (signature, expiry, issuer, audience)
  // and counted against the caller's request limit before anything else runs.
  const auth = authSettings(config);
  const contextDeps = {
    executor: deps.executor,
    logger,
    auth,
    engineCache,
    ...(deps.onQuery ? { onQuery: deps.onQuery } : {}),
  };
  // One client address for every path: express's own `trust proxy` setting (TRUST_PROXY).
  const trust = app.get('trust proxy fn') as Parameters<typeof proxyaddr>[1];
  const address = (req: IncomingMessage) => proxyaddr(req, trust) ?? 'unknown';
  const authenticated = authenticate({ tokens: auth.tokens, limiters: auth.limiters, logger, address });
  const context = createContextFactory(contextDeps);
  app.use(
    '/graphql',
    authenticated,
    express.json({ limit: config.BODY_LIMIT }),
    expressMiddleware(apollo, { context }),
  );
  lean = graphqlPost({
    apollo,
    context,
    check: authenticator(auth),
    address,
    limit: sizeInBytes(config.BODY_LIMIT),
    logger,
  });

  // Readiness for load balancers and scripts: 200 when Neo4j answers, 503 when it doesn't.
  app.get('/health', (_req, res) => {
    readNeo4jInfo(deps.executor).then(
      (neo4j) => res.json({ ok: true, neo4j }),
      () => res.status(503).json({ ok: false, neo4j: null }),
    );
  });

  // The investment map as a file: /export/investment-map.xlsx and .csv (server/src/export).
  app.use('/export', authenticated, exportRouter(contextDeps));

  if (config.SERVE_WEB && existsSync(`${WEB_DIST}index.html`)) {
    app.use(express.static(WEB_DIST, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes: any other GET that accepts HTML gets the app shell.
    app.get(/^\/(?!graphql).*/, (req, res, next) =>
      req.accepts('html') ? res.sendFile(`${WEB_DIST}index.html`) : next(),
    );
  }

  // Body too large, malformed JSON and the like: a clear JSON error, never a stack trace.
  app.use(
    (
      err: { status?: number; type?: string; message?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent) return next(err);
      const status = err.status ?? 500;
      if (status >= 500) logger.error({ err }, 'http error');
      const answer =
        status === 413
          ? httpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${config.BODY_LIMIT}`)
          : status < 500
            ? httpError(status, 'BAD_REQUEST', err.message ?? 'Bad request')
            : httpError(status, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      sendHttpError(res, answer);
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  return {
    server,
    url: `http://${host}:${port}`,
    stop: async () => {
      await apollo.stop();
      stopListening();
      await engineCache.stop();
    },
  };
}
