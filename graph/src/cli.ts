#!/usr/bin/env node
import { loadConfigOrExit } from './config.js';
import { openDatabase } from './database.js';
import { neo4jCommand } from './launcher/cli.js';
import { createLogger } from './logger.js';
import { migrate } from './migrate.js';

const USAGE = `usage: node graph/dist/cli.js <command>
  neo4j [--port N] [--data DIR] [--heap 2g] [--pagecache 2g]   run the embedded Neo4j in the foreground
  migrate                                                     apply pending migrations (graph/migrations)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'neo4j':
      return neo4jCommand(args);
    case 'migrate': {
      const config = loadConfigOrExit();
      const logger = createLogger(config.LOG_LEVEL, 'migrate');
      const db = await openDatabase(config, logger);
      try {
        const r = await migrate(db.executor, logger);
        logger.info({ applied: r.applied, alreadyApplied: r.skipped.length }, 'migrations done');
        return 0;
      } finally {
        await db.close();
      }
    }
    default:
      process.stderr.write(`${command ? `unknown command: ${command}\n` : ''}${USAGE}\n`);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
