import { describe, expect, it } from 'vitest';
import { inBatches, isTransient, runPool, withRetry } from './batches.js';

describe('inBatches', () => {
  it('calls fn on consecutive slices and reports progress', async () => {
    const seen: number[][] = [];
    const progress: number[] = [];
    await inBatches(
      [1, 2, 3, 4, 5],
      2,
      async (b) => seen.push(b),
      (done) => progress.push(done),
    );
    expect(seen).toEqual([[1, 2], [3, 4], [5]]);
    expect(progress).toEqual([2, 4, 5]);
  });
});

describe('runPool', () => {
  it('keeps at most `concurrency` tasks in flight and rethrows the first failure', async () => {
    let running = 0;
    let peak = 0;
    const task = (fail: boolean) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (fail) throw new Error('boom');
      return 1;
    };
    let sum = 0;
    await runPool([task(false), task(false), task(false), task(false)], 2, (r) => (sum += r));
    expect(peak).toBe(2);
    expect(sum).toBe(4);
    await expect(runPool([task(false), task(true), task(false)], 2)).rejects.toThrow('boom');
  });
});

describe('withRetry', () => {
  const transient = Object.assign(new Error('outdated'), {
    neo4jCode: 'Neo.TransientError.Transaction.Outdated',
  });

  it('runs again after a transient failure, not after any other', async () => {
    let calls = 0;
    const retried: number[] = [];
    const r = await withRetry(
      async () => {
        if (++calls < 3) throw transient;
        return 'ok';
      },
      5,
      (_, attempt) => retried.push(attempt),
    );
    expect(r).toBe('ok');
    expect(retried).toEqual([1, 2]);
    calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(new Error('bad query'))))).rejects.toThrow(
      'bad query',
    );
    expect(calls).toBe(1);
    expect(isTransient(transient)).toBe(true);
    expect(isTransient({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' })).toBe(false);
  });

  it('gives up after the last attempt', async () => {
    let calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(transient)), 2)).rejects.toBe(transient);
    expect(calls).toBe(2);
  });
});
