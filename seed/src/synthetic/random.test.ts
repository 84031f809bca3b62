import { describe, expect, it } from 'vitest';
import { hash53, KeySet, Rng, WeightedSampler } from './random.js';

describe('Rng', () => {
  it('is deterministic per seed and label, and differs between them', () => {
    const draw = (seed: number | string, label = '') => {
      const r = new Rng(seed, label);
      return Array.from({ length: 8 }, () => r.next32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw('42')).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42, 'names')).not.toEqual(draw(42, 'ties'));
  });

  it('draws uniform numbers, normals and log-normals with the right moments', () => {
    const r = new Rng(7);
    const n = 50_000;
    let sum = 0;
    let sumN = 0;
    let sumN2 = 0;
    const logs: number[] = [];
    for (let i = 0; i < n; i++) {
      const u = r.next();
      if (u < 0 || u >= 1) throw new Error(`next() gave ${u}`);
      sum += u;
      const z = r.normal();
      sumN += z;
      sumN2 += z * z;
      logs.push(r.logNormal(2, 0.5));
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumN / n).toBeCloseTo(0, 1);
    expect(sumN2 / n).toBeCloseTo(1, 1);
    logs.sort((a, b) => a - b);
    expect(logs[n / 2]).toBeGreaterThan(1.9);
    expect(logs[n / 2]).toBeLessThan(2.1);
  });

  it('int stays within its bounds and reaches both', () => {
    const r = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('WeightedSampler', () => {
  it('samples in proportion to the weights and never a zero weight', () => {
    const s = new WeightedSampler([1, 0, 3]);
    const r = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[s.sample(r)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.8);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.2);
  });
});

describe('KeySet', () => {
  it('remembers keys through growth', () => {
    const s = new KeySet(4);
    for (let i = 0; i < 10_000; i++) expect(s.add(`企业${i}`)).toBe(true);
    for (let i = 0; i < 10_000; i += 97) expect(s.add(`企业${i}`)).toBe(false);
    expect(s.size).toBe(10_000);
  });

  it('hash53 is stable', () => {
    expect(hash53('咸宁')).toBe(hash53('咸宁'));
    expect(hash53('咸宁')).not.toBe(hash53('咸安'));
  });
});
