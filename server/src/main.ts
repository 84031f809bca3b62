#!/usr/bin/env node
import { createLogger, loadConfigOrExit, migrate, openDatabase } from '@chainmap/graph';
import { startApp } from './app.js';

/**
 * `node server/dist/main.js`: connect to Neo4j (starting the embedded one when NEO4J_URI is
 * unset), apply migrations, serve. SIGINT/SIGTERM drain in-flight requests, then close the driver.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL, 'api');
  const db = await openDatabase(config, logger);
  await migrate(db.executor, logger);
  const app = await startApp({ config, logger, executor: db.executor });
  logger.info(`ChainMap API on ${app.url}/graphql${config.SERVE_WEB ? `, explorer on ${app.url}/` : ''}`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    await app.stop();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`ChainMap API failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
