/**
 * Run `fn` over consecutive slices of `rows`, one slice at a time, so that each slice is one
 * write transaction of the enterprise writer. `onProgress` gets the number of rows done after
 * each slice. Returns the results of every call, in order.
 */
export async function inBatches<T, R>(
  rows: readonly T[],
  size: number,
  fn: (batch: T[], index: number) => Promise<R>,
  onProgress?: (done: number, total: number) => void,
): Promise<R[]> {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`batch size must be a positive integer (got ${size})`);
  const out: R[] = [];
  for (let start = 0, i = 0; start < rows.length; start += size, i++) {
    const batch = rows.slice(start, start + size);
    out.push(await fn(batch, i));
    onProgress?.(Math.min(start + size, rows.length), rows.length);
  }
  return out;
}

/**
 * Run async tasks with at most `concurrency` in flight, started in the order the iterator
 * yields them. Used to keep two write transactions busy on a two-core machine while the
 * generator prepares the next batch. The first failure stops new tasks and is rethrown once
 * the tasks already running have settled.
 */
export async function runPool<T>(
  tasks: Iterable<() => Promise<T>> | AsyncIterable<() => Promise<T>>,
  concurrency: number,
  onResult?: (result: T) => void,
): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for await (const task of tasks) {
    if (failure) break;
    const p: Promise<void> = task().then(
      (r) => {
        onResult?.(r);
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
    const tracked = p.finally(() => running.delete(tracked));
    running.add(tracked);
    if (running.size >= concurrency) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}

/** Whether a failed write may succeed if run again: Neo4j's transient errors (deadlocks, outdated reads). */
export function isTransient(e: unknown): boolean {
  const code =
    (e as { neo4jCode?: unknown; code?: unknown } | null)?.neo4jCode ??
    (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.includes('TransientError');
}

/**
 * Run `fn` again after a transient failure, up to `attempts` times with a growing pause. The
 * driver retries transient errors only within its `maxTransactionRetryTime` (5 s here), less
 * than a large batch takes; concurrent batches that touch the same dense nodes (a region, a
 * link) occasionally fail with `Neo.TransientError.Transaction.Outdated` or a deadlock.
 * Each attempt is a whole transaction, so a failed one left nothing behind.
 */
export async function withRetry<T>(
  fn: () => Promise<T>,
  attempts = 5,
  onRetry?: (e: unknown, attempt: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= attempts || !isTransient(e)) throw e;
      onRetry?.(e, attempt);
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** (attempt - 1)));
    }
  }
}
