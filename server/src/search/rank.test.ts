import { describe, expect, it } from 'vitest';
import { rankHits, type Candidate } from './rank.js';

const c = (
  over: Partial<Candidate<string>> & Pick<Candidate<string>, 'kind' | 'key'>,
): Candidate<string> => ({
  names: [over.key],
  node: over.key,
  match: 'FULLTEXT',
  lucene: 1,
  ...over,
});

describe('rankHits', () => {
  it('puts an exact name first, then names that start with the query', () => {
    const hits = rankHits(
      '咸宁',
      [
        c({ kind: 'ENTERPRISE', key: '咸宁南玻', lucene: 3 }),
        c({ kind: 'REGION', key: '421200', names: ['咸宁市', '咸宁'], lucene: 1 }),
        c({ kind: 'ENTERPRISE', key: '湖北咸宁光电', lucene: 2 }),
      ],
      10,
    );
    expect(hits.map((h) => [h.node, h.matchedBy, h.score])).toEqual([
      ['421200', 'EXACT', 1],
      ['咸宁南玻', 'PREFIX', 0.8],
      ['湖北咸宁光电', 'FULLTEXT', 0.567],
    ]);
  });

  it('keeps one hit per entity, with its best score', () => {
    const hits = rankHits(
      '宁德',
      [
        c({ kind: 'ENTERPRISE', key: 'e1', names: ['宁德时代'], lucene: 2 }),
        c({ kind: 'ENTERPRISE', key: 'e1', names: ['宁德时代'], match: 'CONTAINS' }),
      ],
      10,
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ matchedBy: 'PREFIX', score: 0.8 });
  });

  it('limits each kind separately, so chains are not crowded out by enterprises', () => {
    const many = Array.from({ length: 5 }, (_, i) => c({ kind: 'ENTERPRISE', key: `新能源${i}`, lucene: 5 }));
    const hits = rankHits(
      '新能源',
      [...many, c({ kind: 'CHAIN', key: 'nev', names: ['新能源汽车'], lucene: 1 })],
      2,
    );
    expect(hits.filter((h) => h.kind === 'ENTERPRISE')).toHaveLength(2);
    expect(hits.map((h) => h.kind)).toContain('CHAIN');
  });

  it('puts a city before a county of the same initials', () => {
    const hits = rankHits(
      'xn',
      [
        c({
          kind: 'REGION',
          key: '141029',
          names: ['乡宁县', '乡宁'],
          match: 'PINYIN',
          exact: true,
          tier: 2,
        }),
        c({
          kind: 'REGION',
          key: '421200',
          names: ['咸宁市', '咸宁'],
          match: 'PINYIN',
          exact: true,
          tier: 1,
        }),
      ],
      10,
    );
    expect(hits.map((h) => h.node)).toEqual(['421200', '141029']);
  });

  it('ranks exact pinyin initials above a prefix of them, and ties by shorter name', () => {
    const hits = rankHits(
      'xn',
      [
        c({ kind: 'CHAIN', key: 'nev', names: ['新能源汽车'], match: 'PINYIN', exact: false }),
        c({ kind: 'REGION', key: '421200', names: ['咸宁市', '咸宁'], match: 'PINYIN', exact: true }),
        c({ kind: 'REGION', key: '630100', names: ['西宁市', '西宁'], match: 'PINYIN', exact: true }),
      ],
      10,
    );
    expect(hits.map((h) => [h.node, h.score])).toEqual([
      ['421200', 0.75],
      ['630100', 0.75],
      ['nev', 0.5],
    ]);
  });
});
