#!/usr/bin/env node
import { createLogger, loadConfigOrExit, migrate, openDatabase } from '@chainmap/graph';
import { parseArgs } from 'node:util';
import { loadChainkg } from './chainkg/load.js';
import { defectCounts, seedDefault, DEFAULT_SYNTHETIC_SEED } from './default-seed.js';
import { importFile } from './import/importer.js';
import { IMPORT_KINDS, type ImportKind } from './import/rows.js';
import { beginImport, finishImport } from './load/imports.js';
import { buildRegions } from './regions/regions.js';
import { loadSynthetic } from './synthetic/load.js';
import { DEV_USERS, devUsersTable, writeUsers } from './users/users.js';

const USAGE = `usage: npm run seed -- <command> [options]   (or node seed/dist/cli.js …)

  default [--if-empty] [--enterprises N]   the default data set (regions, 14 chains, 4,606 listed
                                           companies, 20,000 synthetic firms, task forces, projects)
  synthetic --enterprises N [--seed S]     add N deterministic synthetic enterprises (up to 1,000,000+)
  chainkg                                  (re)import the chainkg listed companies with a defect report
  dev-users                                create the development users that are missing and print
                                           them with their (public, development-only) passwords
  import <file> --kind enterprises|assignments|relations [--format csv|jsonl] [--batch N]
                                           import rows from CSV or JSON Lines; bad rows are reported
                                           with file, line and reason while good rows load

Neo4j: NEO4J_URI (unset: the embedded one is started), NEO4J_USER, NEO4J_PASSWORD.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'if-empty': { type: 'boolean' },
      enterprises: { type: 'string' },
      seed: { type: 'string' },
      kind: { type: 'string' },
      format: { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, file] = positionals;
  if (!command || values.help) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const int = (v: string | undefined, name: string, fallback?: number): number | undefined => {
    if (v === undefined) return fallback;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number (got "${v}")`);
    return n;
  };
  if (command === 'import') {
    if (!file)
      throw new UsageError('import needs a file: npm run seed -- import data.csv --kind enterprises');
    if (!values.kind || !(values.kind in IMPORT_KINDS)) {
      throw new UsageError(`--kind must be one of ${Object.keys(IMPORT_KINDS).join(', ')}`);
    }
    if (values.format && values.format !== 'csv' && values.format !== 'jsonl') {
      throw new UsageError('--format must be csv or jsonl');
    }
  } else if (!['default', 'synthetic', 'chainkg', 'dev-users'].includes(command)) {
    throw new UsageError(`unknown command "${command}"`);
  }

  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL, 'seed');
  const db = await openDatabase(config, logger);
  try {
    await migrate(db.executor, logger);
    const ex = db.executor;
    switch (command) {
      case 'dev-users': {
        if (config.NODE_ENV === 'production') {
          throw new UsageError('dev-users is for development only: its passwords are public');
        }
        const created = await writeUsers(ex, DEV_USERS);
        if (created.length) logger.info({ created }, 'development users created');
        process.stdout.write(`${devUsersTable()}\n`);
        return 0;
      }
      case 'default': {
        const r = await seedDefault(ex, {
          ifEmpty: values['if-empty'] ?? false,
          // The development users' passwords are public: never on a production server.
          users: config.NODE_ENV !== 'production',
          logger,
          ...(values.enterprises ? { enterprises: int(values.enterprises, 'enterprises')! } : {}),
        });
        if (!r.skipped)
          logger.info({ ...r.summary, seconds: r.seconds?.toFixed(1) }, 'default seed complete');
        return 0;
      }
      case 'synthetic': {
        const enterprises = int(values.enterprises, 'enterprises', 100_000)!;
        const r = await loadSynthetic(ex, {
          enterprises,
          seed: int(values.seed, 'seed', DEFAULT_SYNTHETIC_SEED)!,
          onProgress: progressPrinter(),
        });
        logger.info(r, 'synthetic enterprises loaded');
        return 0;
      }
      case 'chainkg': {
        const importId = await beginImport(ex, 'chainkg', 'seed/data/chainkg');
        const r = await loadChainkg(ex, { importId, regions: buildRegions() });
        await finishImport(
          ex,
          importId,
          'COMPLETE',
          {
            read: r.report.companies.rowsRead,
            created: r.created,
            updated: r.updated,
            rejected: r.report.badLines.length,
            unresolved: r.unresolvedLocations,
          },
          r.report,
        );
        logger.info(
          { companies: r.companies, assignments: r.assignments, defects: defectCounts(r.report) },
          'chainkg imported',
        );
        return 0;
      }
      default: {
        const r = await importFile(ex, {
          file: file!,
          kind: values.kind as ImportKind,
          ...(values.format ? { format: values.format as 'csv' | 'jsonl' } : {}),
          ...(values.batch ? { batchSize: int(values.batch, 'batch')! } : {}),
        });
        for (const rej of r.rejections) process.stderr.write(`${rej.file}:${rej.line}: ${rej.reason}\n`);
        process.stdout.write(
          `import ${r.kind} ${r.file}: read ${r.read}, created ${r.created}, updated ${r.updated}, ` +
            `rejected ${r.rejected}, unresolved ${r.unresolved}, missing references ${r.missing} (import ${r.importId})\n`,
        );
        return r.rejected > 0 ? 1 : 0;
      }
    }
  } finally {
    await db.close();
  }
}

class UsageError extends Error {}

function progressPrinter() {
  let last = 0;
  return (p: { phase: string; done: number; total: number; relationships: number }) => {
    const now = Date.now();
    if (now - last < 2_000 && p.done < p.total) return;
    last = now;
    process.stderr.write(`${p.phase}: ${p.done}/${p.total} (${p.relationships} relationships)\n`);
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      `${e instanceof UsageError ? `${e.message}\n\n${USAGE}` : e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
