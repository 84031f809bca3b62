import { describe, expect, it } from 'vitest';
import { buildPanorama, countByStatus } from './model';

const link = (
  key: string,
  stage: string,
  opts: { parent?: string; to?: string[]; isKey?: boolean } = {},
) => ({
  key,
  name: key.toUpperCase(),
  stage: stage as 'UPSTREAM',
  isKey: opts.isKey ?? false,
  parent: opts.parent ? { key: opts.parent } : null,
  suppliesTo: (opts.to ?? []).map((k) => ({ key: k })),
});

const diag = (key: string, status: string, broken = false, localCount = 0) => ({
  link: { key },
  status: status as 'STRONG',
  broken,
  gap: null,
  localCount,
  anchorCount: 0,
  locationQuotient: null,
});

describe('panorama model', () => {
  const links = [
    link('c', 'DOWNSTREAM'),
    link('a', 'UPSTREAM', { to: ['b1', 'x.other'] }),
    link('b', 'MIDSTREAM', { to: ['c'], isKey: true }),
    link('b1', 'MIDSTREAM', { parent: 'b', to: ['c', 'b2'] }),
    link('b2', 'MIDSTREAM', { parent: 'b' }),
  ];

  it('draws top links as nodes, upstream first, with sub-links inside their parent', () => {
    const m = buildPanorama(links, null);
    expect(m.nodes.map((n) => n.key)).toEqual(['a', 'b', 'c']);
    expect(m.nodes[1]!.subLinks.map((s) => s.key)).toEqual(['b1', 'b2']);
    expect(m.nodes[1]!.subLinks[0]!.depth).toBe(1);
  });

  it('lifts sub-link SUPPLIES edges to the top links, without duplicates, self-loops or other chains', () => {
    const m = buildPanorama(links, null);
    expect(m.edges.map((e) => e.id).sort()).toEqual(['a->b', 'b->c']);
  });

  it('colours each link from the diagnosis, and 未诊断 without one', () => {
    const m = buildPanorama(links, [
      diag('a', 'STRONG', false, 7),
      diag('b', 'MISSING', true),
      diag('b1', 'WEAK'),
    ]);
    expect(m.byKey.get('a')).toMatchObject({ status: 'STRONG', localCount: 7 });
    expect(m.byKey.get('b')!.status).toBe('BROKEN');
    expect(m.byKey.get('b1')!.status).toBe('WEAK');
    expect(m.byKey.get('c')).toMatchObject({ status: 'UNKNOWN', localCount: null });
    expect(countByStatus(m)).toEqual({ STRONG: 1, WEAK: 1, MISSING: 0, BROKEN: 1, UNKNOWN: 2 });
  });
});
