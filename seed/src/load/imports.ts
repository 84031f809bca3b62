import { cypher, type Executor } from '@chainmap/graph';
import { randomUUID } from 'node:crypto';

/** What every importer reports at the end and stores on its `(:Import)` node. */
export interface ImportSummary {
  read: number;
  created: number;
  updated: number;
  rejected: number;
  unresolved: number;
}

const beginQ = cypher(
  'importBegin',
  `CREATE (i:Import {id: $id, kind: $kind, file: $file, startedAt: datetime(), status: 'RUNNING'})
   RETURN i.id AS id`,
);

const finishQ = cypher(
  'importFinish',
  `MATCH (i:Import {id: $id})
   SET i.finishedAt = datetime(), i.status = $status, i += $summary, i.report = $report
   RETURN i.id AS id`,
);

const lastCompleteQ = cypher(
  'importLastComplete',
  `MATCH (i:Import {kind: $kind, status: 'COMPLETE'})
   RETURN i.id AS id, i.finishedAt AS finishedAt ORDER BY i.finishedAt DESC LIMIT 1`,
);

/** Record the start of an import; every fact it writes carries the returned id. */
export async function beginImport(executor: Executor, kind: string, file: string): Promise<string> {
  const id = `${kind}-${new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}-${randomUUID().slice(0, 8)}`;
  await executor.write(beginQ, { id, kind, file });
  return id;
}

export async function finishImport(
  executor: Executor,
  id: string,
  status: 'COMPLETE' | 'FAILED',
  summary: ImportSummary,
  report: unknown = null,
): Promise<void> {
  await executor.write(finishQ, {
    id,
    status,
    summary,
    report: report == null ? null : JSON.stringify(report),
  });
}

/** The newest completed import of a kind, if any (used by `seed default --if-empty`). */
export async function lastCompleteImport(executor: Executor, kind: string): Promise<string | null> {
  const [row] = await executor.read(lastCompleteQ, { kind });
  return (row?.id as string | undefined) ?? null;
}
