import type { CypherQuery, Executor } from '@chainmap/graph';
import DataLoader from 'dataloader';
import type { z } from 'zod';

/** Extra parameters of a batch query, resolved per batch (e.g. the viewer's `$scope`). */
export type BatchParams = () => Promise<Record<string, unknown>>;
const NO_PARAMS: BatchParams = () => Promise.resolve({});

/**
 * A per-request DataLoader for a one-to-one lookup: one `UNWIND $keys AS key` query per batch,
 * rows carrying `key` and `value`; results come back in key order, `null` where nothing matched.
 */
export function oneLoader<T>(
  executor: Executor,
  query: CypherQuery,
  model: z.ZodType<T>,
  params: BatchParams = NO_PARAMS,
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const rows = await executor.read(query, { ...(await params()), keys: [...keys] });
    const byKey = new Map<string, T>();
    for (const row of rows) if (row.value != null) byKey.set(row.key as string, model.parse(row.value));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/**
 * A per-request DataLoader for a one-to-many relation: rows carry `key` and `values` (a list);
 * a key with no row gets an empty list.
 */
export function manyLoader<T>(
  executor: Executor,
  query: CypherQuery,
  model: z.ZodType<T>,
  params: BatchParams = NO_PARAMS,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await executor.read(query, { ...(await params()), keys: [...keys] });
    const byKey = new Map<string, T[]>();
    for (const row of rows)
      byKey.set(
        row.key as string,
        (row.values as unknown[]).map((v) => model.parse(v)),
      );
    return keys.map((k) => byKey.get(k) ?? []);
  });
}
