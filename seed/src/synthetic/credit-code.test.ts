import { describe, expect, it } from 'vitest';
import { isValidCreditCode, SYNTHETIC_ORG_PREFIX, syntheticCreditCode } from './credit-code.js';

describe('credit codes', () => {
  it('validates real codes (both check characters)', () => {
    // 贵州茅台酒股份有限公司, 国家电网有限公司, 阿里巴巴（中国）有限公司, 中国平安
    for (const code of [
      '91520000214434146R',
      '91110000710931141J',
      '91330100716105852F',
      '914403001922038216',
    ]) {
      expect(isValidCreditCode(code)).toBe(true);
    }
    expect(isValidCreditCode('91520000214434146A')).toBe(false); // wrong final check
    expect(isValidCreditCode('91520000214434156R')).toBe(false); // wrong organisation check
    expect(isValidCreditCode('9152000021443414R')).toBe(false); // too short
    expect(isValidCreditCode('91520000I14434146R')).toBe(false); // I is not in the charset
  });

  it('makes well-formed, distinct, recognisably synthetic codes', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const code = syntheticCreditCode(n % 2 ? '421221' : '310115', n);
      if (code.length !== 18 || code.slice(8, 10) !== SYNTHETIC_ORG_PREFIX || !isValidCreditCode(code))
        bad.push(code);
      seen.add(code.slice(8));
    }
    expect(bad).toEqual([]);
    // Distinct numbers give distinct codes even without the division part.
    expect(seen.size).toBe(20_000);
    expect(syntheticCreditCode('421221', 7)).toBe(syntheticCreditCode('421221', 7));
  });

  it('refuses a division that is not 6 digits', () => {
    expect(() => syntheticCreditCode('4212Z01', 1)).toThrow(/6 digits/);
  });
});
