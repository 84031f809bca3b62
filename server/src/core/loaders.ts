import type { Executor } from '@chainmap/graph';

/**
 * Per-request DataLoaders, one per relation field. Each batch runs one `UNWIND $keys` query and
 * returns results in key order. Features add their loaders here as they are built.
 */
export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(_executor: Executor) {
  return {};
}
