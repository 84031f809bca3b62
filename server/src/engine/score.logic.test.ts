import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from './engine.defaults.js';
import {
  compareHits,
  isAnchor,
  rankScore,
  revenueValue,
  scoreCandidate,
  strengthValue,
  tagValue,
  type CandidateFeatures,
} from './score.logic.js';

const firm = (over: Partial<CandidateFeatures> = {}): CandidateFeatures => ({
  id: 'e1',
  name: '甲',
  tags: [],
  revenue: null,
  local: false,
  ties: [],
  supplyFit: [],
  zones: [],
  ...over,
});

describe('strength', () => {
  it('takes the strongest tag', () => {
    expect(tagValue(['LISTED', 'GLOBAL_500'])).toBe(1);
    expect(tagValue(['HIGH_TECH'])).toBe(0.3);
    expect(tagValue(['UNKNOWN'])).toBe(0);
  });

  it('puts revenue on a log scale that saturates at 1000 亿元', () => {
    expect(revenueValue(null)).toBe(0);
    expect(revenueValue(0)).toBe(0);
    expect(revenueValue(1000)).toBeCloseTo(1, 12);
    expect(revenueValue(5000)).toBe(1);
    expect(revenueValue(100)).toBeCloseTo(Math.log10(101) / Math.log10(1001), 12);
  });

  it('is the mean of the two', () => {
    expect(strengthValue(['LEADER'], 100)).toBeCloseTo(
      0.5 * 0.7 + 0.5 * (Math.log10(101) / Math.log10(1001)),
      12,
    );
  });

  it('knows the anchor tags', () => {
    expect(isAnchor(['HIGH_TECH'])).toBe(false);
    expect(isAnchor(['HIGH_TECH', 'CENTRAL_SOE'])).toBe(true);
  });
});

describe('scoreCandidate', () => {
  const gap = { severity: 1, label: '补断链·关键环节：正极材料' };

  it('adds up weighted factors, and the contributions sum to the score', () => {
    const s = scoreCandidate(
      firm({
        tags: ['GLOBAL_500', 'LISTED'],
        revenue: 800,
        ties: ['乙'],
        supplyFit: ['部件'],
        zones: ['长三角'],
      }),
      gap,
      DEFAULT_WEIGHTS,
    );
    const strength = 0.5 * 1 + 0.5 * (Math.log10(801) / Math.log10(1001));
    const expected = 0.35 * strength + 0.25 * 1 + 0.15 * (1 / 3) + 0.15 * (1 / 2) + 0.1 * 1;
    expect(s.score).toBeCloseTo(expected, 5);
    expect(s.factors.map((f) => f.name)).toEqual(['strength', 'gap', 'ties', 'supplyFit', 'sourceZone']);
    expect(s.factors.reduce((x, f) => x + f.contribution, 0)).toBeCloseTo(s.score, 9);
    for (const f of s.factors) expect(f.contribution).toBeCloseTo(f.weight * f.value, 5);
    expect(s.factors.find((f) => f.name === 'sourceZone')!.detail).toBe('位于长三角');
  });

  it('saturates ties and supply fit', () => {
    const s = scoreCandidate(
      firm({ ties: ['a', 'b', 'c', 'd'], supplyFit: ['x', 'y', 'z'] }),
      gap,
      DEFAULT_WEIGHTS,
    );
    expect(s.factors.find((f) => f.name === 'ties')!.value).toBe(1);
    expect(s.factors.find((f) => f.name === 'supplyFit')!.value).toBe(1);
  });

  it('gives a local firm no source-zone credit', () => {
    const s = scoreCandidate(firm({ local: true, zones: ['长三角'] }), gap, DEFAULT_WEIGHTS);
    expect(s.factors.find((f) => f.name === 'sourceZone')!.value).toBe(0);
  });

  it('follows the weights given', () => {
    const w = { strength: 0, gap: 1, ties: 0, supplyFit: 0, sourceZone: 0 };
    expect(
      scoreCandidate(firm({ tags: ['GLOBAL_500'], revenue: 999 }), { severity: 0.55, label: '' }, w).score,
    ).toBe(0.55);
  });
});

describe('compareHits', () => {
  it('ranks by score, then by id', () => {
    const hits = [
      { id: 'b', score: 0.5 },
      { id: 'a', score: 0.5 },
      { id: 'c', score: 0.9 },
    ];
    expect(hits.sort(compareHits).map((h) => h.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('rankScore (the ranking of every candidate)', () => {
  it('is exactly the explained score, for every mix of factors and weights', () => {
    const weightSets = [
      DEFAULT_WEIGHTS,
      { strength: 1, gap: 0, ties: 0, supplyFit: 0, sourceZone: 0 },
      { strength: 0.1, gap: 0.7, ties: 0.3, supplyFit: 0.05, sourceZone: 2 },
    ];
    const names = ['甲', '乙', '丙', '丁', '戊'];
    let checked = 0;
    for (const weights of weightSets)
      for (const tags of [[], ['HIGH_TECH'], ['LISTED', 'GLOBAL_500'], ['UNKNOWN']])
        for (const revenue of [null, 0, 0.57, 3, 999.99, 12000])
          for (const ties of [0, 1, 2, 5])
            for (const fit of [0, 1, 3])
              for (const zones of [[], ['长三角']])
                for (const local of [false, true])
                  for (const severity of [1, 0.55, 0.2]) {
                    const f = firm({
                      tags,
                      revenue,
                      local,
                      ties: names.slice(0, ties),
                      supplyFit: names.slice(0, fit),
                      zones,
                    });
                    const explained = scoreCandidate(f, { severity, label: 'x' }, weights).score;
                    const ranked = rankScore(
                      {
                        strength: strengthValue(tags, revenue),
                        ties,
                        supplyFit: fit,
                        inZone: zones.length > 0,
                        local,
                      },
                      severity,
                      weights,
                    );
                    expect(ranked).toBe(explained);
                    checked++;
                  }
    expect(checked).toBe(3 * 4 * 6 * 4 * 3 * 2 * 2 * 3);
  });
});
