import { parseArgs } from 'node:util';
import { startLocalNeo4j } from './local-neo4j.js';

const USAGE = `usage: node graph/dist/cli.js neo4j [--port N] [--data DIR] [--heap 2g] [--pagecache 2g]

Runs the local Neo4j in the foreground until Ctrl-C.
Defaults come from NEO4J_BOLT_PORT, NEO4J_DATA_DIR, NEO4J_HEAP and NEO4J_PAGECACHE.`;

/**
 * `chainmap neo4j`: runs the local Neo4j in the foreground, for developers who want the database
 * up while they restart the server or seed repeatedly. Prints the Bolt URI when ready and shuts
 * Neo4j down cleanly on SIGINT/SIGTERM. Resolves to the process exit code.
 */
export async function neo4jCommand(args: string[]): Promise<number> {
  let values: { port?: string; data?: string; heap?: string; pagecache?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        heap: { type: 'string' },
        pagecache: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const env = process.env;
  const portText = values.port ?? env['NEO4J_BOLT_PORT'];
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && !Number.isInteger(port)) {
    console.error(`invalid port '${portText}'\n${USAGE}`);
    return 2;
  }

  let neo4j;
  try {
    neo4j = await startLocalNeo4j({
      port,
      dataDir: values.data ?? env['NEO4J_DATA_DIR'],
      heap: values.heap ?? env['NEO4J_HEAP'],
      pageCache: values.pagecache ?? env['NEO4J_PAGECACHE'],
      onLog: (line) => console.error(`[neo4j] ${line}`),
    });
  } catch (error) {
    console.error(`cannot start Neo4j: ${(error as Error).message}`);
    return 1;
  }
  console.log(
    `Neo4j ${neo4j.version} ready: ${neo4j.uri} (no auth; data ${neo4j.dataDir}). Ctrl-C stops it.`,
  );

  const running = neo4j;
  return new Promise<number>((resolve) => {
    // The JVM could die on its own (out of memory, killed); notice it rather than hang.
    const watch = setInterval(() => {
      try {
        process.kill(running.pid, 0);
      } catch {
        finish(1, 'Neo4j exited unexpectedly; see its logs in the data folder');
      }
    }, 1000);
    const onSignal = (): void => finish(0);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);

    function finish(code: number, message?: string): void {
      clearInterval(watch);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (message) console.error(message);
      void running.stop().then(() => resolve(code));
    }
  });
}
