import { describe, expect, it } from 'vitest';
import { normalizeStockCode } from './stock-code.js';

describe('normalizeStockCode', () => {
  it('accepts the usual spellings of one code', () => {
    for (const s of [
      '600373',
      '600373.SH',
      '600373.sh',
      'sh600373',
      'SH600373',
      'SH.600373',
      ' 600373.SS ',
    ]) {
      expect(normalizeStockCode(s), s).toBe('600373.SH');
    }
  });

  it('infers the exchange of a bare code from its leading digits', () => {
    expect(normalizeStockCode('000001')).toBe('000001.SZ');
    expect(normalizeStockCode('300750')).toBe('300750.SZ');
    expect(normalizeStockCode('688981')).toBe('688981.SH');
    expect(normalizeStockCode('900901')).toBe('900901.SH');
    expect(normalizeStockCode('830799')).toBe('830799.BJ');
    expect(normalizeStockCode('920001')).toBe('920001.BJ');
  });

  it('keeps an explicit exchange even when the digits suggest another', () => {
    expect(normalizeStockCode('sz000001')).toBe('000001.SZ');
    expect(normalizeStockCode('430047.BJ')).toBe('430047.BJ');
  });

  it('rejects what is not a stock code', () => {
    for (const s of ['', '60037', '6003733', 'abc', '600373.HK', 'hk600373', '100000', '宁德时代']) {
      expect(normalizeStockCode(s), s).toBeNull();
    }
  });
});
