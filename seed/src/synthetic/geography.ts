import { WeightedSampler } from './random.js';

// Where synthetic firms are registered: every county-level division and development zone of
// mainland China, weighted so that the relocation source zones (京津冀, 长三角, 粤港澳, 成渝),
// provincial capitals and urban districts hold most firms, with each chain leaning toward the
// provinces known for it.

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'ZONE';

/** The part of `RegionSet` (seed/src/regions) the generator reads. */
export interface SyntheticRegions {
  regions: readonly {
    code: string;
    name: string;
    shortName: string;
    level: RegionLevel;
    parentCode?: string;
    virtual?: boolean;
  }[];
  sourceZones: readonly { code: string; name: string; members: readonly string[] }[];
}

/** A place a firm can be registered in, with the names a company name may start with. */
export interface Leaf {
  code: string;
  /** 6-digit GB/T 2260 code for the credit code: the region's own, or its city's for a catalogue zone (4212Z01). */
  division: string;
  cityCode: string;
  provinceCode: string;
  /** Dense indices, for sorting firms by place. */
  cityIndex: number;
  provinceIndex: number;
  cityName: string;
  countyName?: string;
  provinceName: string;
}

/** The four source zones the documents name for 产业转移, weighted most. */
const MAIN_SOURCE_ZONES = new Set(['JJJ', 'CSJ', 'YGA', 'CY']);
const MAIN_SOURCE_ZONE_NAMES = /京津冀|长三角|粤港澳|成渝/;

/** Provincial capitals, sub-provincial and other big industrial cities. */
const BIG_CITIES = new Set([
  '110100',
  '120100',
  '310100',
  '500100',
  '130100',
  '140100',
  '150100',
  '210100',
  '210200',
  '220100',
  '230100',
  '320100',
  '320200',
  '320500',
  '330100',
  '330200',
  '340100',
  '350100',
  '360100',
  '370100',
  '370200',
  '410100',
  '420100',
  '430100',
  '440100',
  '440300',
  '441900',
  '440600',
  '450100',
  '460100',
  '510100',
  '520100',
  '530100',
  '540100',
  '610100',
  '620100',
  '630100',
  '640100',
  '650100',
]);

/** Relative industrial weight of provinces outside the big source zones (by 2-digit prefix). */
const PROVINCE_FACTOR: Record<string, number> = {
  '15': 0.6,
  '21': 1.2,
  '22': 0.7,
  '23': 0.6,
  '35': 1.4,
  '36': 1.0,
  '37': 1.5,
  '41': 1.1,
  '42': 1.1,
  '43': 1.0,
  '45': 0.7,
  '46': 0.4,
  '52': 0.6,
  '53': 0.6,
  '54': 0.15,
  '61': 0.9,
  '62': 0.4,
  '63': 0.25,
  '64': 0.35,
  '65': 0.4,
};

/** Provinces each chain clusters in (2-digit prefixes), weighted ×3 for that chain. */
const CHAIN_PROVINCES: Record<string, readonly string[]> = {
  bio: ['31', '32', '11', '33', '44', '37'],
  eit: ['44', '32', '50', '51', '35', '31'],
  emer: ['11', '32', '37', '44'],
  env: ['32', '11', '44', '33'],
  food: ['37', '41', '44', '51', '13'],
  health: ['46', '53', '51', '44', '33'],
  ic: ['31', '32', '11', '44', '34'],
  ieq: ['32', '44', '37', '31', '43', '33'],
  nev: ['31', '44', '32', '34', '50', '33'],
  nm: ['36', '15', '32', '43', '45', '37'],
  pack: ['44', '33', '32', '35'],
  pv: ['32', '33', '34', '65', '15', '51'],
  tea: ['35', '53', '33', '43', '42', '52'],
  tex: ['33', '32', '35', '44', '37'],
};

export class Geography {
  readonly leaves: Leaf[] = [];
  /** Leaf indices by seed-place city code: its counties, zones and the city itself. */
  readonly placeLeaves = new Map<string, number[]>();
  private readonly baseWeights: Float64Array;
  private readonly samplers = new Map<string, WeightedSampler>();

  constructor(input: SyntheticRegions, placeCodes: readonly string[]) {
    type R = SyntheticRegions['regions'][number];
    const byCode = new Map<string, R>(input.regions.map((r) => [r.code, r]));
    const children = new Map<string, R[]>();
    for (const r of input.regions) {
      if (!r.parentCode) continue;
      let list = children.get(r.parentCode);
      if (!list) children.set(r.parentCode, (list = []));
      list.push(r);
    }
    const up = (r: R, level: RegionLevel): R | undefined => {
      for (let x: R | undefined = r; x; x = x.parentCode ? byCode.get(x.parentCode) : undefined)
        if (x.level === level) return x;
      return undefined;
    };
    const places = new Set(placeCodes);
    for (const code of placeCodes)
      if (!byCode.has(code)) throw new Error(`synthetic: seed place ${code} is not a known region`);
    const cityIndex = new Map<string, number>();
    const provinceIndex = new Map<string, number>();

    const zoneFactor = new Map<string, number>();
    for (const z of input.sourceZones) {
      const f = MAIN_SOURCE_ZONES.has(z.code) || MAIN_SOURCE_ZONE_NAMES.test(z.name) ? 4 : 1.6;
      for (const m of z.members) zoneFactor.set(m, Math.max(zoneFactor.get(m) ?? 1, f));
    }

    const weights: number[] = [];
    const addLeaf = (r: R, weight: number): number | undefined => {
      const city = r.level === 'CITY' ? r : up(r, 'CITY');
      const province = up(r, 'PROVINCE');
      if (!city || !province) return undefined;
      const cityName = city.virtual ? r.shortName : city.shortName;
      const division = /^\d{6}$/.test(r.code) ? r.code : city.code;
      if (!cityIndex.has(city.code)) cityIndex.set(city.code, cityIndex.size);
      if (!provinceIndex.has(province.code)) provinceIndex.set(province.code, provinceIndex.size);
      this.leaves.push({
        code: r.code,
        division,
        cityCode: city.code,
        provinceCode: province.code,
        cityIndex: cityIndex.get(city.code)!,
        provinceIndex: provinceIndex.get(province.code)!,
        cityName,
        ...(r.level === 'COUNTY' && r.shortName !== cityName ? { countyName: r.shortName } : {}),
        provinceName: province.shortName,
      });
      weights.push(weight);
      return this.leaves.length - 1;
    };

    const sorted = [...input.regions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const r of sorted) {
      if (r.level === 'PROVINCE') continue;
      // Mainland only: 71 台湾, 81 香港, 82 澳门 have no subdivisions and no credit codes.
      if (Number(r.code.slice(0, 2)) >= 71) continue;
      const city = r.level === 'CITY' ? r : up(r, 'CITY');
      if (city && places.has(city.code)) {
        const idx = addLeaf(r, 0);
        if (idx !== undefined) {
          let list = this.placeLeaves.get(city.code);
          if (!list) this.placeLeaves.set(city.code, (list = []));
          list.push(idx);
        }
        continue;
      }
      // A city is a place of its own only when it has no counties (东莞, 中山, 儋州, 嘉峪关).
      if (r.level === 'CITY' && (children.get(r.code) ?? []).some((c) => c.level === 'COUNTY')) continue;
      addLeaf(r, this.leafWeight(r, city, zoneFactor));
    }
    this.baseWeights = Float64Array.from(weights);
  }

  private leafWeight(
    r: { code: string; name: string; level: RegionLevel },
    city: { code: string } | undefined,
    zoneFactor: Map<string, number>,
  ): number {
    const province = `${r.code.slice(0, 2)}0000`;
    let w: number;
    if (r.level === 'CITY')
      w = 8; // a city without counties (东莞, 中山) stands for a whole city
    else if (r.level === 'ZONE') w = 2;
    else if (r.name.endsWith('区')) w = 1.5;
    else if (r.name.endsWith('市')) w = 1.2;
    else w = 0.6;
    w *= Math.max(
      zoneFactor.get(province) ?? 1,
      city ? (zoneFactor.get(city.code) ?? 1) : 1,
      zoneFactor.get(r.code) ?? 1,
    );
    if (city && BIG_CITIES.has(city.code)) w *= 2.5;
    w *= PROVINCE_FACTOR[r.code.slice(0, 2)] ?? 1;
    return w;
  }

  /** A sampler of leaves for national firms of a chain (seed places excluded: their firms come from the profile). */
  samplerFor(chainId: string): WeightedSampler {
    let s = this.samplers.get(chainId);
    if (!s) {
      const boost = new Set(CHAIN_PROVINCES[chainId] ?? []);
      const w = this.baseWeights.map((x, i) =>
        boost.has(this.leaves[i]!.provinceCode.slice(0, 2)) ? x * 3 : x,
      );
      s = new WeightedSampler(w);
      this.samplers.set(chainId, s);
    }
    return s;
  }
}
