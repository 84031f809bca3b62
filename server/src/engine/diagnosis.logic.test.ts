import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './engine.defaults.js';
import { brokenLinks, compareGaps, gapKind, linkStatus, locationQuotient, share } from './diagnosis.logic.js';

describe('locationQuotient', () => {
  it('is the local share of the link over its national share', () => {
    // 3 of 6 local firms, 5 of 20 national: 0.5 / 0.25 = 2.
    expect(locationQuotient(3, 6, 5, 20)).toBe(2);
    expect(locationQuotient(0, 6, 5, 20)).toBe(0);
  });

  it('is undefined when the region has no enterprise in the chain', () => {
    expect(locationQuotient(0, 0, 5, 20)).toBeNull();
    expect(locationQuotient(0, 4, 0, 20)).toBeNull();
  });
});

describe('linkStatus', () => {
  const t = DEFAULT_THRESHOLDS;
  it('is MISSING without a local firm', () => expect(linkStatus(0, 0, null, t)).toBe('MISSING'));
  it('is STRONG with an anchor, whatever the count', () => expect(linkStatus(1, 1, 0.1, t)).toBe('STRONG'));
  it('is STRONG with enough firms at a high enough quotient', () =>
    expect(linkStatus(3, 0, 1, t)).toBe('STRONG'));
  it('is WEAK with too few firms or too low a quotient', () => {
    expect(linkStatus(2, 0, 5, t)).toBe('WEAK');
    expect(linkStatus(10, 0, 0.99, t)).toBe('WEAK');
  });
  it('follows the thresholds given', () => {
    expect(linkStatus(2, 0, 5, { strongMinCount: 2, strongMinQuotient: 1 })).toBe('STRONG');
    expect(linkStatus(3, 0, 2, { strongMinCount: 3, strongMinQuotient: 2.5 })).toBe('WEAK');
  });
});

describe('gapKind', () => {
  it('names each kind of gap', () => {
    expect(gapKind('STRONG', false, true)).toBeNull();
    expect(gapKind('WEAK', false, true)).toBe('WEAK_KEY');
    expect(gapKind('WEAK', false, false)).toBe('WEAK');
    expect(gapKind('MISSING', true, true)).toBe('BROKEN_KEY');
    expect(gapKind('MISSING', true, false)).toBe('BROKEN');
    expect(gapKind('MISSING', false, true)).toBe('MISSING_KEY');
    expect(gapKind('MISSING', false, false)).toBe('MISSING');
  });

  it('orders gaps by severity, then upstream first, then id', () => {
    const gaps = [
      { gap: 'WEAK' as const, stage: 'UPSTREAM', id: 'a' },
      { gap: 'BROKEN' as const, stage: 'DOWNSTREAM', id: 'b' },
      { gap: 'BROKEN_KEY' as const, stage: 'DOWNSTREAM', id: 'c' },
      { gap: 'BROKEN' as const, stage: 'UPSTREAM', id: 'd' },
      { gap: 'MISSING_KEY' as const, stage: 'UPSTREAM', id: 'e' },
      { gap: 'WEAK_KEY' as const, stage: 'UPSTREAM', id: 'f' },
      { gap: 'MISSING' as const, stage: 'UPSTREAM', id: 'g' },
    ];
    expect(gaps.sort(compareGaps).map((g) => g.id)).toEqual(['c', 'd', 'b', 'e', 'g', 'f', 'a']);
  });
});

describe('brokenLinks', () => {
  const flat = (ids: string[]) => ids.map((id) => ({ id, parentId: null }));

  it('finds a missing link between present ones, transitively', () => {
    // a → b → c → d, with a and d present: b and c are both broken.
    const links = flat(['a', 'b', 'c', 'd']);
    const edges = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ] as const;
    expect([...brokenLinks(links, edges, new Set(['a', 'd']))].sort()).toEqual(['b', 'c']);
  });

  it('needs a present link on both sides', () => {
    const links = flat(['a', 'b', 'c']);
    const edges = [
      ['a', 'b'],
      ['b', 'c'],
    ] as const;
    expect(brokenLinks(links, edges, new Set(['a'])).size).toBe(0);
    expect(brokenLinks(links, edges, new Set(['c'])).size).toBe(0);
    expect([...brokenLinks(links, edges, new Set(['a', 'c']))]).toEqual(['b']);
  });

  it('lifts edges over sub-links, but not to siblings', () => {
    // raw → m.a → part; m.a and m.b are sub-links of m; raw and part present.
    const links = [
      { id: 'raw', parentId: null },
      { id: 'm', parentId: null },
      { id: 'm.a', parentId: 'm' },
      { id: 'm.b', parentId: 'm' },
      { id: 'part', parentId: null },
    ];
    const edges = [
      ['raw', 'm.a'],
      ['m.a', 'part'],
    ] as const;
    // m gathers m.a's edges; m.b has none of its own and does not inherit its sibling's.
    expect([...brokenLinks(links, edges, new Set(['raw', 'part']))].sort()).toEqual(['m', 'm.a']);
    // A sub-link inherits its parent's edges.
    const parentEdges = [
      ['raw', 'm'],
      ['m', 'part'],
    ] as const;
    expect([...brokenLinks(links, parentEdges, new Set(['raw', 'part']))].sort()).toEqual([
      'm',
      'm.a',
      'm.b',
    ]);
  });

  it("does not count a link's own parent as its neighbour", () => {
    // m is present through m.b; m.a is missing; m.a's only neighbours are via its parent.
    const links = [
      { id: 'm', parentId: null },
      { id: 'm.a', parentId: 'm' },
      { id: 'm.b', parentId: 'm' },
      { id: 'x', parentId: null },
    ];
    const edges = [['m.b', 'x']] as const;
    expect(brokenLinks(links, edges, new Set(['m', 'm.b'])).size).toBe(0);
  });
});

describe('share', () => {
  it('is a fraction, or null when there is nothing to count', () => {
    expect(share(2, 5)).toBe(0.4);
    expect(share(0, 0)).toBeNull();
  });
});
