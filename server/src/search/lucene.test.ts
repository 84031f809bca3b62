import { describe, expect, it } from 'vitest';
import { luceneQuery, searchTerms } from './lucene.js';

describe('luceneQuery', () => {
  it('phrases Chinese terms so their bigrams must be adjacent', () => {
    expect(luceneQuery('宁德时代')).toBe('"宁德时代"');
    expect(luceneQuery('咸宁  电池')).toBe('"咸宁" AND "电池"');
  });

  it('matches one Chinese character at either end of a bigram', () => {
    expect(luceneQuery('宁')).toBe('(宁* OR *宁)');
  });

  it('lets a Latin word match as a prefix, case-insensitively', () => {
    expect(luceneQuery('BYD')).toBe('(byd OR byd*)');
    expect(luceneQuery('ＴＣＬ科技')).toBe('"tcl科技"');
  });

  it('escapes query syntax instead of interpreting it', () => {
    expect(luceneQuery('a"b')).toBe('"a\\"b"');
    expect(luceneQuery('*:*')).toBeNull();
    expect(luceneQuery('(')).toBeNull();
    expect(luceneQuery('   ')).toBeNull();
  });

  it('keeps at most five terms of thirty characters', () => {
    expect(searchTerms('a b c d e f g')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(searchTerms('x'.repeat(40))[0]).toHaveLength(30);
  });
});
