import {
  createDriver,
  createLogger,
  Executor,
  loadConfig,
  migrate,
  startLocalNeo4j,
  type LocalNeo4j,
} from '@chainmap/graph';
import { seedDefault } from '@chainmap/seed';
import { startApp, type App } from '@chainmap/server';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Newest modification time under a folder (sources of the explorer). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build web/dist unless it is newer than every source of the explorer (`npm test` builds first). */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'web/dist/index.html');
  const sources = Math.max(newest(join(ROOT, 'web/src')), statSync(join(ROOT, 'web/vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  process.stdout.write('[e2e] building the explorer (npm run build -w web)…\n');
  // NODE_ENV is 'test' under vitest, which would make Vite bundle React's development build.
  const r = spawnSync('npm', ['run', 'build', '-w', 'web', '--silent'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`the explorer build failed (exit ${r.status ?? r.signal})`);
}

export interface Stack {
  url: string;
  stop(): Promise<void>;
}

/**
 * The product as a user gets it: a fresh embedded Neo4j on its own port, migrations, the default
 * seed (with fewer synthetic firms, for time), and the API serving the built explorer.
 */
export async function startStack(
  opts: {
    port?: number;
    enterprises?: number;
    /** More data for a test, written after the default seed. */
    prepare?: (executor: Executor) => Promise<void>;
  } = {},
): Promise<Stack> {
  const port = opts.port ?? Number(process.env.E2E_NEO4J_BOLT_PORT ?? 7696);
  const logger = createLogger(process.env.E2E_LOG_LEVEL ?? 'warn', 'e2e');
  const started = Date.now();
  const say = (msg: string) =>
    process.stdout.write(`[e2e] ${msg} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  let neo4j: LocalNeo4j | undefined;
  let app: App | undefined;
  let driver: ReturnType<typeof createDriver> | undefined;
  try {
    neo4j = await startLocalNeo4j({
      port,
      dataDir: join(ROOT, '.data/neo4j-e2e'),
      heap: process.env.E2E_NEO4J_HEAP ?? '1g',
      pageCache: process.env.E2E_NEO4J_PAGECACHE ?? '512m',
      fresh: true,
      onLog: () => {},
    });
    say(`Neo4j ready at ${neo4j.uri}`);
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      NEO4J_URI: neo4j.uri,
      HOST: '127.0.0.1',
      PORT: '0',
      SERVE_WEB: 'true',
    });
    driver = createDriver(config, neo4j.uri);
    const executor = new Executor(driver, { database: config.NEO4J_DATABASE, timeoutMs: 300_000, logger });
    await migrate(executor, logger);
    await seedDefault(executor, { enterprises: opts.enterprises ?? 5000, quiet: true, logger });
    await opts.prepare?.(executor);
    say('default seed loaded');
    const apiExecutor = new Executor(driver, {
      database: config.NEO4J_DATABASE,
      timeoutMs: config.NEO4J_TX_TIMEOUT_MS,
      logger,
    });
    app = await startApp({ config, logger, executor: apiExecutor });
    say(`API and explorer on ${app.url}`);
  } catch (e) {
    await app?.stop();
    await driver?.close();
    await neo4j?.stop();
    throw e;
  }
  const [a, d, n] = [app, driver, neo4j];
  return {
    url: a.url,
    async stop() {
      await a.stop();
      await d.close();
      await n.stop();
    },
  };
}
