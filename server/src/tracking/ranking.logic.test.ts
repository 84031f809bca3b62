import { describe, expect, it } from 'vitest';
import { kpiLine, type KpiLine, type KpiMetric } from './kpi.logic.js';
import {
  composite,
  periodAsOf,
  periodEnd,
  periodLabel,
  periodOf,
  rankByScore,
  withMovement,
} from './ranking.logic.js';

const lines = (rates: Partial<Record<KpiMetric, [number, number]>>): KpiLine[] =>
  Object.entries(rates).map(([m, [target, actual]]) => kpiLine(m as KpiMetric, target, actual, 1));

describe('periods', () => {
  it('ends months, quarters and halves on their last day', () => {
    expect(periodEnd(2024, 'MONTH', 2)).toBe('2024-02-29');
    expect(periodEnd(2026, 'QUARTER', 3)).toBe('2026-09-30');
    expect(periodEnd(2026, 'HALF_YEAR', 1)).toBe('2026-06-30');
    expect(periodOf(2026, 'QUARTER', '2026-11-21')).toBe(4);
    expect(periodOf(2026, 'MONTH', '2027-01-05')).toBe(12);
    expect(periodAsOf(2026, 'MONTH', 11, '2026-11-21')).toBe('2026-11-21');
    expect(periodAsOf(2026, 'MONTH', 10, '2026-11-21')).toBe('2026-10-31');
    expect(periodLabel(2026, 'HALF_YEAR', 2)).toBe('2026年下半年');
  });
});

describe('composite score', () => {
  it('weights capped completion rates over the metrics with a target, plus the export bonus', () => {
    // All six weighted metrics fully done: 100; 2 export projects: +4.
    const full = composite(
      lines({
        anchorProjects: [1, 1],
        projects10e: [2, 2],
        projects1e: [10, 10],
        industrialShare: [0.7, 0.7],
        newStarts1e: [10, 10],
        fundsInPlace: [100, 100],
        exportProjects10e: [0, 2],
      }),
    );
    expect(full).toEqual({ score: 104, bonus: 4 });
    // Only funds (25) and 10e (20) have targets: (25×1.2 + 20×0.5) / 45 × 100 = 88.89 (funds capped at 120%).
    expect(composite(lines({ fundsInPlace: [10, 30], projects10e: [2, 1], projects1e: [0, 5] })).score).toBe(
      88.89,
    );
    expect(composite(lines({ projects1e: [0, 3] })).score).toBeNull();
  });
});

describe('ranking with ties', () => {
  it('shares a rank on equal scores, skips the next, orders ties by code, unscored last', () => {
    const ranked = rankByScore([
      { code: '421281', score: 80 },
      { code: '421221', score: 95.5 },
      { code: '4212Z01', score: null },
      { code: '421202', score: 80 },
      { code: '421223', score: 60 },
      { code: '421222', score: null },
    ]);
    expect(ranked.map((r) => [r.item.code, r.rank])).toEqual([
      ['421221', 1],
      ['421202', 2],
      ['421281', 2],
      ['421223', 4],
      ['421222', null],
      ['4212Z01', null],
    ]);
  });

  it('is the same whatever order the regions come in', () => {
    const items = [
      { code: 'b', score: 50 },
      { code: 'a', score: 50 },
      { code: 'c', score: 50 },
    ];
    const one = rankByScore(items).map((r) => [r.item.code, r.rank]);
    const two = rankByScore([...items].reverse()).map((r) => [r.item.code, r.rank]);
    expect(one).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
    expect(two).toEqual(one);
  });

  it('reports the movement since the previous period', () => {
    const now = rankByScore([
      { code: 'a', score: 90 },
      { code: 'b', score: 70 },
      { code: 'c', score: 70 },
    ]);
    const before = rankByScore([
      { code: 'a', score: 40 },
      { code: 'b', score: 60 },
      { code: 'c', score: 80 },
    ]);
    expect(withMovement(now, before).map((r) => [r.item.code, r.rank, r.previousRank, r.change])).toEqual([
      ['a', 1, 3, 2],
      ['b', 2, 2, 0],
      ['c', 2, 1, -1],
    ]);
    expect(withMovement(now, null).every((r) => r.change === null)).toBe(true);
  });
});
