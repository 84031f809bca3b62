import { createLogger, Executor, createDriver, loadConfig, type Config } from '@chainmap/graph';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';

/** Config for a test process, pointed at the run's Neo4j. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    NEO4J_URI: inject('neo4jUri'),
    PORT: '0',
    SERVE_WEB: 'false',
    // Background reloads would make round-trip counts depend on timing; engine-cache tests turn it on.
    ENGINE_CACHE_REFRESH: 'false',
    ...overrides,
  });
}

export interface TestDb {
  config: Config;
  driver: Driver;
  executor: Executor;
  /** Remove every node but the migration records: each suite starts from an empty graph. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
  const config = testConfig();
  const driver = createDriver(config, config.NEO4J_URI!);
  const executor = new Executor(driver, {
    database: config.NEO4J_DATABASE,
    timeoutMs: 60_000,
    logger: createLogger('warn', 'test'),
  });
  return {
    config,
    driver,
    executor,
    async reset() {
      const session = driver.session({ database: config.NEO4J_DATABASE });
      try {
        await session.run(
          'MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
        );
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}
