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
