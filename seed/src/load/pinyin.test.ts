import { describe, expect, it } from 'vitest';
import { pinyinInitials } from './pinyin.js';

describe('pinyinInitials', () => {
  it('reads place and company names, heteronyms by their context', () => {
    expect(pinyinInitials('咸宁市')).toBe('xns');
    expect(pinyinInitials('苏州恒锐新能源科技有限公司')).toBe('szhrxnykjyxgs');
    expect(pinyinInitials('长沙银行股份有限公司')).toBe('csyhgfyxgs');
    expect(pinyinInitials('重庆长安汽车股份有限公司')).toBe('cqcaqcgfyxgs');
    expect(pinyinInitials('厦门火炬高新区')).toBe('xmhjgxq');
  });

  it('keeps Latin letters and digits, skips punctuation', () => {
    expect(pinyinInitials('TCL科技集团（惠州）有限公司')).toBe('tclkjjthzyxgs');
    expect(pinyinInitials('3M中国')).toBe('3mzg');
  });
});
