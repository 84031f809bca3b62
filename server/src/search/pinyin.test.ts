import { describe, expect, it } from 'vitest';
import { isPinyinQuery, pinyinInitials } from './pinyin.js';

describe('pinyinInitials', () => {
  it('spells region, chain and link names by their initials', () => {
    expect(pinyinInitials('咸宁市')).toEqual(['xns']);
    expect(pinyinInitials('汉中')).toEqual(['hz']);
    expect(pinyinInitials('郴州')).toEqual(['cz']);
    expect(pinyinInitials('新能源汽车')).toEqual(['xnyqc']);
    expect(pinyinInitials('动力电池材料')).toEqual(['dldccl']);
    expect(pinyinInitials('湖北省')).toEqual(['hbs']);
  });

  it('offers the other reading of heteronyms common in names', () => {
    expect(pinyinInitials('长沙')).toContain('cs');
    expect(pinyinInitials('重庆')).toContain('cq');
    expect(pinyinInitials('厦门')).toContain('xm');
  });

  it('keeps Latin letters and digits, skips punctuation', () => {
    expect(pinyinInitials('TCL科技（集团）')).toEqual(['tclkjjt']);
    expect(pinyinInitials('5G通信')).toEqual(['5gtx']);
    expect(pinyinInitials('（）')).toEqual([]);
  });

  it('caps the number of spellings', () => {
    expect(pinyinInitials('长长长长长长').length).toBeLessThanOrEqual(8);
  });
});

describe('isPinyinQuery', () => {
  it('is 1–12 Latin letters', () => {
    expect(isPinyinQuery('xn')).toBe(true);
    expect(isPinyinQuery(' XNYQC ')).toBe(true);
    expect(isPinyinQuery('咸宁')).toBe(false);
    expect(isPinyinQuery('x1')).toBe(false);
    expect(isPinyinQuery('')).toBe(false);
  });
});
