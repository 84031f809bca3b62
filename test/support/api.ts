import { createLogger, Executor, createDriver, type QueryEvent } from '@chainmap/graph';
import { startApp } from '@chainmap/server';
import { testConfig } from './db.js';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  url: string;
  /** POST a GraphQL request; returns the HTTP status and the parsed body. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  /** The Cypher round trips of the last `gql` call, by query name. */
  lastQueries(): QueryEvent[];
  stop(): Promise<void>;
}

/** The real API on a random port, against the run's Neo4j. */
export async function startTestApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const config = testConfig(overrides);
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'test-api');
  const driver = createDriver(config, config.NEO4J_URI!);
  const executor = new Executor(driver, { database: config.NEO4J_DATABASE, timeoutMs: 30_000, logger });
  const byRequest = new Map<string, QueryEvent[]>();
  const app = await startApp({
    config,
    logger,
    executor,
    onQuery: (id, e) => byRequest.set(id, [...(byRequest.get(id) ?? []), e]),
  });
  let last = '';
  let counter = 0;
  return {
    url: app.url,
    async gql(query, variables, headers = {}) {
      last = `test-${++counter}`;
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          'x-request-id': last,
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GqlResponse, 'status'>;
      return { status: res.status, ...body } as GqlResponse<never>;
    },
    lastQueries: () => byRequest.get(last) ?? [],
    async stop() {
      await app.stop();
      await driver.close();
    },
  };
}
