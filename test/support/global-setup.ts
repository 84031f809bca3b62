import { createLogger, loadConfig, migrate, openDatabase, type Database } from '@chainmap/graph';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

let db: Database | undefined;

/**
 * One Neo4j for the whole integration run: the external one in NEO4J_URI if set, otherwise the
 * embedded launcher on its own port with a fresh data folder. Migrations are applied once here.
 */
export async function setup(project: TestProject): Promise<void> {
  const port = process.env.TEST_NEO4J_BOLT_PORT ?? '7697';
  // One data folder per port, so runs on different ports never share a store.
  const dataDir = fileURLToPath(new URL(`../../.data/neo4j-test-${port}`, import.meta.url));
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({
    ...process.env,
    NEO4J_BOLT_PORT: port,
    NEO4J_DATA_DIR: dataDir,
    NEO4J_HEAP: process.env.TEST_NEO4J_HEAP ?? '1g',
    NEO4J_PAGECACHE: process.env.TEST_NEO4J_PAGECACHE ?? '512m',
  });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', 'test-neo4j');
  const started = Date.now();
  db = await openDatabase(config, logger, { fresh: true });
  await migrate(db.executor, logger);
  process.stdout.write(`[int] Neo4j ready at ${db.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('neo4jUri', db.uri);
}

export async function teardown(): Promise<void> {
  await db?.close();
}
