import { createLogger, Executor, createDriver, type QueryEvent } from '@chainmap/graph';
import { startApp, type EngineCache } from '@chainmap/server';
import { testConfig } from './db.js';
import { ensureTestUsers, tokenFor, TEST_USERS, type TestUserName } from './users.js';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type Gql = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GqlResponse<T>>;

export interface TestApi {
  url: string;
  /**
   * POST a GraphQL request as the API's default user (ADMIN unless `startTestApi` said
   * otherwise); returns the HTTP status and the parsed body.
   */
  gql: Gql;
  /** The same, as another test user (support/users.ts), or anonymously (null). */
  as(user: TestUserName | null): Gql;
  /** A valid token of a test user. */
  token(user: TestUserName): Promise<string>;
  /** The Cypher round trips of the last `gql` call, by query name. */
  lastQueries(): QueryEvent[];
  stop(): Promise<void>;
}

/**
 * The real API on a random port, against the run's Neo4j, with the test users (support/users.ts)
 * in the graph. Requests go as `opts.as` (default the ADMIN test user; null: anonymous).
 */
export async function startTestApi(
  overrides: Record<string, string> = {},
  opts: { as?: TestUserName | null; engineCache?: EngineCache } = {},
): Promise<TestApi> {
  const config = testConfig({
    // Generous limits: suites send many requests; the limits have their own tests.
    API_LIMIT_PER_TOKEN: '1000000',
    SIGNIN_LIMIT_PER_ADDRESS: '100000',
    SIGNIN_LIMIT_PER_USER: '100000',
    ...overrides,
  });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'test-api');
  const driver = createDriver(config, config.NEO4J_URI!);
  const executor = new Executor(driver, { database: config.NEO4J_DATABASE, timeoutMs: 30_000, logger });
  const byRequest = new Map<string, QueryEvent[]>();
  const app = await startApp({
    config,
    logger,
    executor,
    onQuery: (id, e) => byRequest.set(id, [...(byRequest.get(id) ?? []), e]),
    ...(opts.engineCache ? { engineCache: opts.engineCache } : {}),
  });
  let last = '';
  let counter = 0;
  await ensureTestUsers(executor);
  const tokens = new Map<TestUserName, string>();
  const token = async (user: TestUserName) => {
    let t = tokens.get(user);
    if (!t) tokens.set(user, (t = await tokenFor(config, TEST_USERS[user])));
    return t;
  };
  const as =
    (user: TestUserName | null): Gql =>
    async (query, variables, headers = {}) => {
      last = `test-${++counter}`;
      const auth: Record<string, string> = user ? { authorization: `Bearer ${await token(user)}` } : {};
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          'x-request-id': last,
          ...auth,
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GqlResponse, 'status'>;
      return { status: res.status, ...body } as GqlResponse<never>;
    };
  return {
    url: app.url,
    gql: as(opts.as === undefined ? 'admin' : opts.as),
    as,
    token,
    lastQueries: () => byRequest.get(last) ?? [],
    async stop() {
      await app.stop();
      await driver.close();
    },
  };
}
