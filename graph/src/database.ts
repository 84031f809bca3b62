import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from './config.js';
import { Executor, type QueryEvent } from './executor.js';
import type { Logger } from './logger.js';
import { runningLocalNeo4j, startLocalNeo4j, type LocalNeo4j } from './launcher/local-neo4j.js';

/**
 * A driver tuned to fail fast: when Neo4j is down a request gets an error within seconds
 * instead of waiting for the driver's one-minute defaults.
 */
export function createDriver(config: Pick<Config, 'NEO4J_USER' | 'NEO4J_PASSWORD'>, uri: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxTransactionRetryTime: 5_000,
    maxConnectionPoolSize: 100,
    userAgent: 'chainmap',
  });
}

export interface Database {
  uri: string;
  driver: Driver;
  executor: Executor;
  /** The embedded Neo4j this process started, if any. */
  local?: LocalNeo4j;
  /** Close the driver, then stop the embedded Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * Connect to the configured Neo4j, or, when NEO4J_URI is unset, to the embedded one already
 * running on the data folder, or else start the embedded one from graph/launcher and connect to
 * that. Waits until the server answers.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  opts: { observer?: (e: QueryEvent) => void; startLocal?: boolean; fresh?: boolean } = {},
): Promise<Database> {
  let local: LocalNeo4j | undefined;
  let uri = config.NEO4J_URI;
  if (!uri) {
    if (opts.startLocal === false) throw new Error('NEO4J_URI is not set');
    // `npm start` (or `npm run neo4j`) may already run it on this data folder: use that one (a
    // command-line tool run beside the product) rather than refuse; it is not ours to stop.
    const running = opts.fresh ? undefined : await runningLocalNeo4j(config.NEO4J_DATA_DIR);
    if (running) {
      logger.info(
        { pid: running.pid },
        `NEO4J_URI is unset: using the embedded Neo4j running on ${running.uri}`,
      );
      uri = running.uri;
    }
  }
  if (!uri) {
    logger.info('NEO4J_URI is unset: starting the embedded Neo4j (graph/launcher)');
    local = await startLocalNeo4j({
      port: config.NEO4J_BOLT_PORT,
      ...(config.NEO4J_DATA_DIR ? { dataDir: config.NEO4J_DATA_DIR } : {}),
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      ...(opts.fresh ? { fresh: true } : {}),
      onLog: (line) => logger.info(line),
    });
    uri = local.uri;
  }
  const driver = createDriver(config, uri);
  try {
    await driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
  } catch (e) {
    await driver.close();
    await local?.stop();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(e as Error).message}`, { cause: e });
  }
  const executor = new Executor(driver, {
    database: config.NEO4J_DATABASE,
    timeoutMs: config.NEO4J_TX_TIMEOUT_MS,
    logger,
    ...(opts.observer ? { observer: opts.observer } : {}),
  });
  return {
    uri,
    driver,
    executor,
    ...(local ? { local } : {}),
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}

/** For command-line entry points: say why the database cannot be opened and exit 1 instead of throwing. */
export async function openDatabaseOrExit(config: Config, logger: Logger): Promise<Database> {
  try {
    return await openDatabase(config, logger);
  } catch (e) {
    process.stderr.write(`cannot open the database: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
