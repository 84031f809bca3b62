import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cypher, type Executor } from './executor.js';
import type { Logger } from './logger.js';

/** `graph/migrations`, found the same way from `graph/src` (tests) and `graph/dist` (runtime). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

const FILE_RE = /^(\d{4})-([a-z0-9-]+)\.cypher$/;

/** Split a migration file into statements: `;` at the end of a line ends one; `//` lines are comments. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Read `NNNN-name.cypher` files in order; a badly named file is an error, not silently skipped. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cypher')).sort();
  const seen = new Set<string>();
  const out: Migration[] = [];
  for (const file of files) {
    const m = FILE_RE.exec(file);
    if (!m) throw new Error(`Migration file ${file} must be named NNNN-lowercase-name.cypher`);
    if (seen.has(m[1]!)) throw new Error(`Two migrations share the number ${m[1]} (${file})`);
    seen.add(m[1]!);
    const text = await readFile(`${dir}/${file}`, 'utf8');
    out.push({
      id: file.replace(/\.cypher$/, ''),
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    });
  }
  return out;
}

const appliedQ = cypher('migrationsApplied', 'MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum');
const recordQ = cypher(
  'migrationRecord',
  'MERGE (m:Migration {id: $id}) ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime() RETURN m.id AS id',
);

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

/**
 * Apply every migration not yet recorded in the graph, in order; record each as a
 * `(:Migration {id, checksum, appliedAt})` node so it runs once. Statements must be idempotent
 * (`IF NOT EXISTS`), so two processes migrating at once, or a crash between a statement and its
 * record, are harmless. A recorded migration whose file has changed is an error: migrations are
 * append-only.
 */
export async function migrate(
  executor: Executor,
  logger?: Logger,
  dir = MIGRATIONS_DIR,
): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  const applied = new Map(
    (await executor.read(appliedQ)).map((r) => [r.id as string, r.checksum as string] as const),
  );
  const result: MigrateResult = { applied: [], skipped: [] };
  for (const m of migrations) {
    const prior = applied.get(m.id);
    if (prior !== undefined) {
      if (prior !== m.checksum) {
        throw new Error(
          `Migration ${m.id} was changed after it was applied. Migrations are append-only: restore it and add a new one.`,
        );
      }
      result.skipped.push(m.id);
      continue;
    }
    logger?.info({ migration: m.id, statements: m.statements.length }, 'applying migration');
    for (const [i, text] of m.statements.entries()) {
      // Schema statements cannot share a transaction with data writes: one transaction each.
      await executor.write(cypher(`${m.id}#${i + 1}`, text));
    }
    await executor.write(recordQ, { id: m.id, checksum: m.checksum });
    result.applied.push(m.id);
  }
  await executor.write(cypher('awaitIndexes', 'CALL db.awaitIndexes(300)'));
  return result;
}
