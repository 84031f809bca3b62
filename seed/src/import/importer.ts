import { DbError, type Executor } from '@chainmap/graph';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import {
  writeAssignments,
  writeEnterprises,
  writeRelations,
  type AssignmentRow,
  type EnterpriseRow,
  type RelationRow,
} from '../load/enterprises.store.js';
import { beginImport, finishImport, type ImportSummary } from '../load/imports.js';
import { createProgress } from '../progress.js';
import { formatOf, readCsv, readJsonLines } from './read.js';
import { IMPORT_KINDS, type ImportKind } from './rows.js';

export interface Rejection {
  file: string;
  line: number;
  reason: string;
}

export interface ImportResult extends ImportSummary {
  importId: string;
  kind: ImportKind;
  file: string;
  /** Every rejected row, up to `maxRejections` (all of them are counted in `rejected`). */
  rejections: Rejection[];
  /** References to enterprises, links or regions the graph does not have. */
  missing: number;
}

export interface ImportOptions {
  file: string;
  kind: ImportKind;
  format?: 'csv' | 'jsonl';
  batchSize?: number;
  quiet?: boolean;
  maxRejections?: number;
}

type Row<K extends ImportKind> = z.output<(typeof IMPORT_KINDS)[K]>;

/**
 * Import enterprises, enterprise–link assignments or enterprise relations from CSV or JSON Lines.
 * Every row is validated (zod); a bad row is rejected with its file, line and reason while good
 * rows load. Rows are written in batches, each one write transaction through the enterprise
 * writer, which MERGEs on ids: re-running never duplicates, and re-running after an interruption
 * completes the job (a batch is all or nothing). The run is recorded as an `(:Import)` node with
 * its summary.
 */
export async function importFile(executor: Executor, opts: ImportOptions): Promise<ImportResult> {
  const { file, kind } = opts;
  const schema = IMPORT_KINDS[kind];
  if (!schema) throw new Error(`unknown import kind "${kind}": use enterprises, assignments or relations`);
  const size = (await stat(file)).size;
  const name = basename(file);
  const format = opts.format ?? formatOf(file);
  const batchSize = opts.batchSize ?? 2_000;
  const maxRejections = opts.maxRejections ?? 1_000;
  const importId = await beginImport(executor, `import-${kind}`, name);
  const result: ImportResult = {
    importId,
    kind,
    file: name,
    read: 0,
    created: 0,
    updated: 0,
    rejected: 0,
    unresolved: 0,
    missing: 0,
    rejections: [],
  };
  const reject = (line: number, reason: string) => {
    result.rejected++;
    if (result.rejections.length < maxRejections) result.rejections.push({ file: name, line, reason });
  };
  // Progress by bytes is unknown for streamed parsers; approximate by rows against a size guess.
  const progress = createProgress(
    `import ${kind}`,
    Math.max(1, Math.round(size / 120)),
    opts.quiet ? { quiet: true } : {},
  );
  let batch: { line: number; row: Row<ImportKind> }[] = [];
  const seenInFile = new Map<string, number>();

  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await writeBatch(batch);
    } catch (e) {
      // A unique value taken by another record (stock or credit code) fails the whole batch and
      // rolls it back; write its rows one by one so only the offending rows are rejected.
      if (!(e instanceof DbError && e.code === 'CONFLICT') || batch.length === 1) throw e;
      for (const one of batch) {
        try {
          await writeBatch([one]);
        } catch (e1) {
          if (!(e1 instanceof DbError && e1.code === 'CONFLICT')) throw e1;
          reject(one.line, `conflicts with an existing record: ${e1.message.split('\n')[0]}`);
        }
      }
    }
    batch = [];
  };

  const writeBatch = async (batch: { line: number; row: Row<ImportKind> }[]) => {
    const sourceRows = (line: number) => [`${name}:${line}`];
    const w = { importId };
    if (kind === 'enterprises') {
      const rows = batch.map(({ line, row }) => ({
        ...(row as EnterpriseRow),
        sourceRows: sourceRows(line),
      }));
      const r = await writeEnterprises(executor, rows, w);
      result.created += r.created;
      result.updated += r.updated;
      result.unresolved += r.unresolvedRegion;
    } else if (kind === 'assignments') {
      const rows = batch.map(({ line, row }) => ({
        ...(row as AssignmentRow),
        sourceRows: sourceRows(line),
      }));
      const r = await writeAssignments(executor, rows, w);
      result.created += r.created;
      result.updated += r.updated;
      result.missing += r.missing;
    } else {
      const rows = batch.map(({ line, row }) => ({ ...(row as RelationRow), sourceRows: sourceRows(line) }));
      const r = await writeRelations(executor, rows, w);
      result.created += r.created;
      result.updated += r.updated;
      result.missing += r.missing;
    }
  };

  try {
    const rows = format === 'csv' ? readCsv(file) : readJsonLines(file);
    for await (const raw of rows) {
      result.read++;
      progress.update(result.read);
      if ('error' in raw) {
        reject(raw.line, raw.error);
        continue;
      }
      const parsed = schema.safeParse(raw.value);
      if (!parsed.success) {
        reject(
          raw.line,
          parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '),
        );
        continue;
      }
      const key = rowKey(kind, parsed.data);
      const earlier = seenInFile.get(key);
      if (earlier !== undefined) {
        reject(raw.line, `duplicate of line ${earlier} (${key}); the first one is kept`);
        continue;
      }
      seenInFile.set(key, raw.line);
      batch.push({ line: raw.line, row: parsed.data });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    progress.stop();
    await finishImport(executor, importId, 'COMPLETE', summaryOf(result), {
      rejections: result.rejections.slice(0, 100),
    });
    return result;
  } catch (e) {
    progress.stop();
    await finishImport(executor, importId, 'FAILED', summaryOf(result), {
      error: (e as Error).message,
    }).catch(() => undefined);
    throw e;
  }
}

function rowKey(kind: ImportKind, row: Record<string, unknown>): string {
  if (kind === 'enterprises') return String(row.id);
  if (kind === 'assignments') return `${String(row.enterpriseId)}→${String(row.linkId)}`;
  return `${String(row.fromId)}-${String(row.type)}→${String(row.toId)}`;
}

function summaryOf(r: ImportResult): ImportSummary {
  return {
    read: r.read,
    created: r.created,
    updated: r.updated,
    rejected: r.rejected,
    unresolved: r.unresolved,
  };
}
