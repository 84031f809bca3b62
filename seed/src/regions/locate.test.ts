import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLocator } from './locate.js';
import type { LocateResult } from './locate.js';
import { buildRegions } from './regions.js';

const set = buildRegions();
const locate = createLocator(set);

const fullNames: string[] = readFileSync(new URL('../../data/chainkg/company.json', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { fullname: string }).fullname);

const where = (name: string): Pick<LocateResult, 'provinceCode' | 'cityCode' | 'countyCode'> => {
  const { provinceCode, cityCode, countyCode } = locate(name);
  return { provinceCode, cityCode, countyCode };
};

describe('createLocator on real company names', () => {
  // Full names as they appear in company.json; places checked by hand against each company's seat.
  it.each([
    ['邵阳维克液压股份有限公司', '430000', '430500', undefined], // 湖南 邵阳
    ['深圳市鸿富瀚科技股份有限公司', '440000', '440300', undefined],
    ['纽威数控装备（苏州）股份有限公司', '320000', '320500', undefined],
    ['北京同益中新材料科技股份有限公司', '110000', '110100', undefined],
    ['株洲华锐精密工具股份有限公司', '430000', '430200', undefined],
    ['青岛冠中生态股份有限公司', '370000', '370200', undefined],
    ['宸展光电（厦门）股份有限公司', '350000', '350200', undefined],
    ['嘉必优生物技术（武汉）股份有限公司', '420000', '420100', undefined],
    ['宁德时代新能源科技股份有限公司', '350000', '350900', undefined],
    ['上海浦东发展银行股份有限公司', '310000', '310100', '310115'],
    ['广州白云山医药集团股份有限公司', '440000', '440100', '440111'],
    ['江苏江阴农村商业银行股份有限公司', '320000', '320200', '320281'],
    ['宜宾五粮液股份有限公司', '510000', '511500', undefined],
    ['泸州老窖股份有限公司', '510000', '510500', undefined],
    ['重庆市涪陵榨菜集团股份有限公司', '500000', '500100', '500102'],
    ['新疆天山水泥股份有限公司', '650000', '650100', '650102'],
    ['广西柳州医药股份有限公司', '450000', '450200', undefined],
    ['湖北宜昌交运集团股份有限公司', '420000', '420500', undefined],
    ['中山大洋电机股份有限公司', '440000', '442000', undefined],
    ['东莞怡合达自动化股份有限公司', '440000', '441900', undefined],
    ['优德精密工业(昆山)股份有限公司', '320000', '320500', '320583'],
    ['长春百克生物科技股份公司', '220000', '220100', undefined],
    ['创业黑马(北京)科技股份有限公司', '110000', '110100', undefined],
    ['云南罗平锌电股份有限公司', '530000', '530300', '530324'],
    ['河南中原高速公路股份有限公司', '410000', '410100', '410102'],
    ['山东省章丘鼓风机股份有限公司', '370000', '370100', '370114'],
    ['常熟市天银机电股份有限公司', '320000', '320500', '320581'],
  ])('%s → %s %s %s', (name, provinceCode, cityCode, countyCode) => {
    expect(fullNames).toContain(name);
    expect(where(name)).toEqual({ provinceCode, cityCode, countyCode });
    expect(locate(name).status).toBe('resolved');
  });

  it('stops at the province when the name says no more', () => {
    expect(locate('湖南华联瓷业股份有限公司')).toEqual({
      status: 'resolved',
      provinceCode: '430000',
      regionCode: '430000',
      matched: '湖南',
    });
    expect(where('内蒙古伊利实业集团股份有限公司')).toEqual({ provinceCode: '150000' });
    // 吉林 is both the province and one of its cities: only the province is certain.
    expect(where('吉林化纤股份有限公司')).toEqual({ provinceCode: '220000' });
    // 海南 is the province and 海南藏族自治州 (Qinghai): the province outranks the prefecture.
    expect(where('海南海药股份有限公司')).toEqual({ provinceCode: '460000' });
  });

  it('leaves 中国… and brand-first names unresolved', () => {
    expect(locate('中国石油化工股份有限公司')).toEqual({ status: 'unresolved' });
    expect(locate('贝因美股份有限公司')).toEqual({ status: 'unresolved' });
    // A bare county name at the head is a brand as often as a place (东方市, Hainan): not taken.
    expect(locate('东方电气股份有限公司')).toEqual({
      status: 'unresolved',
      matched: '东方',
      candidates: ['469007'],
    });
    expect(locate('潜江永安药业股份有限公司').status).toBe('unresolved');
  });

  it('reads every name of company.json well under a second, with these outcomes', () => {
    const started = performance.now();
    const results = fullNames.map(locate);
    expect(performance.now() - started).toBeLessThan(500);
    const count = (status: string) => results.filter((r) => r.status === status).length;
    // Per row (4654). An independent prefix-and-parenthesis reimplementation resolves 3130, plus the 3
    // names whose parentheses hold a bare county (昆山 ×2, 平潭) that it does not read.
    expect(count('resolved')).toBe(3133);
    expect(count('ambiguous')).toBe(7); // 新华 ×5, 新城, 宝山
    expect(count('unresolved')).toBe(1514);
  });

  it('keeps every result consistent with the hierarchy', () => {
    for (const name of fullNames) {
      const r = locate(name);
      if (r.status !== 'resolved') {
        expect(r.provinceCode).toBeUndefined();
        continue;
      }
      expect(r.regionCode).toBe(r.countyCode ?? r.cityCode ?? r.provinceCode);
      if (r.cityCode) expect(set.byCode.get(r.cityCode)!.parentCode).toBe(r.provinceCode);
      if (r.countyCode) expect(set.byCode.get(r.countyCode)!.parentCode).toBe(r.cityCode);
    }
  });
});

describe('createLocator rules', () => {
  it('reads a province followed by a city of that province as both', () => {
    expect(locate('广东省深圳市某某科技有限公司')).toMatchObject({
      provinceCode: '440000',
      cityCode: '440300',
      matched: '广东省深圳市',
    });
    expect(where('湖北咸宁某某有限公司')).toEqual({ provinceCode: '420000', cityCode: '421200' });
    // 东方 is not in Zhejiang: the province stands alone.
    expect(where('浙江东方集团股份有限公司')).toEqual({ provinceCode: '330000' });
  });

  it('implies the province from a city and the city from a county', () => {
    expect(where('咸宁市某某有限公司')).toEqual({ provinceCode: '420000', cityCode: '421200' });
    expect(where('咸安区某某有限公司')).toEqual({
      provinceCode: '420000',
      cityCode: '421200',
      countyCode: '421202',
    });
  });

  it('reads places in full-width and half-width parentheses', () => {
    expect(where('某某装备（苏州）股份有限公司')).toEqual(where('某某装备(苏州)股份有限公司'));
    expect(where('某某装备（苏州）股份有限公司')).toEqual({ provinceCode: '320000', cityCode: '320500' });
    // A province at the head refined by a city in parentheses.
    expect(locate('江苏某某(无锡)有限公司')).toMatchObject({ cityCode: '320200', matched: '江苏(无锡)' });
  });

  it('leaves a shared name ambiguous unless a preceding province or city settles it', () => {
    expect(locate('通州某某有限公司')).toEqual({
      status: 'ambiguous',
      matched: '通州',
      candidates: ['110112', '320612'],
    });
    expect(where('北京通州某某有限公司')).toEqual({
      provinceCode: '110000',
      cityCode: '110100',
      countyCode: '110112',
    });
    expect(where('南通通州某某有限公司')).toEqual({
      provinceCode: '320000',
      cityCode: '320600',
      countyCode: '320612',
    });
    expect(where('北京朝阳某某有限公司')).toMatchObject({ countyCode: '110105' });
    expect(where('长春朝阳某某有限公司')).toMatchObject({ countyCode: '220104' });
    expect(locate('新华某某有限公司')).toMatchObject({
      status: 'ambiguous',
      candidates: ['130105', '130902', '410402'],
    });
  });

  it('ranks a prefecture-level city above urban districts of the same short name', () => {
    // 朝阳 alone: 朝阳市 (Liaoning) rather than the 朝阳区 of Beijing or Changchun.
    expect(where('朝阳某某有限公司')).toEqual({ provinceCode: '210000', cityCode: '211300' });
  });

  it('completes a 直辖市 with its single city', () => {
    expect(locate('上海某某有限公司')).toMatchObject({
      provinceCode: '310000',
      cityCode: '310100',
      regionCode: '310100',
    });
    expect(where('重庆某某有限公司')).toEqual({ provinceCode: '500000', cityCode: '500100' });
  });

  it('takes a county at the head when written with its suffix', () => {
    expect(where('东方市某某有限公司')).toEqual({
      provinceCode: '460000',
      cityCode: '469000',
      countyCode: '469007',
    });
  });
});
