import type { Region, RegionSet } from './regions.js';

export type LocateStatus = 'resolved' | 'ambiguous' | 'unresolved';

/** Where a company is registered, as far as its full name tells. */
export interface LocateResult {
  /**
   * `resolved`: at least the province is known; `ambiguous`: the name starts with (or holds in
   * parentheses) a place name shared by several regions and nothing settles which; `unresolved`:
   * no place name where one is expected (中国…, brand-first names).
   */
  status: LocateStatus;
  provinceCode?: string;
  cityCode?: string;
  countyCode?: string;
  /** The most precise of the three. */
  regionCode?: string;
  /** The text that was read as a place: 广东省深圳市, 苏州, 朝阳. */
  matched?: string;
  /**
   * For `ambiguous`: the codes of the regions the name could mean. For `unresolved`: the county
   * whose bare name starts the company's name (东方电气 → 469007 东方市), not taken as a place.
   */
  candidates?: string[];
}

interface Entry {
  region: Region;
  /** 0 province, 1 city, 2 county or county-level city, 3 urban district (…区). */
  tier: number;
  provinceCode: string;
  cityCode?: string;
  countyCode?: string;
}

interface Match {
  text: string;
  entries: Entry[];
}

interface Reading {
  matched?: string;
  /** The most precise place read. */
  best?: Entry;
  /** A shared name that nothing settled. */
  ambiguous?: Entry[];
  /** A bare county-level name at the head, taken for a brand. */
  brand?: Entry;
}

const tierOf = (r: Region): number => {
  if (r.level === 'PROVINCE') return 0;
  if (r.level === 'CITY') return 1;
  // An urban district is rarely named on its own (北京朝阳, not 朝阳); 林区 and 特区 are counties.
  return /(?<![林特])区$/.test(r.name) ? 3 : 2;
};

const normalise = (s: string): string => s.trim().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');

/**
 * Builds a locator that reads a company's province, city and county from its full registered
 * name (湖南华联瓷业股份有限公司 → 湖南省; 深圳市鸿富瀚科技股份有限公司 → 广东省/深圳市;
 * 纽威数控装备（苏州）股份有限公司 → 江苏省/苏州市).
 *
 * A name is read from its start, and otherwise from a parenthesised place. The longest full or
 * short region name wins; a following name of a region inside the first refines it (湖北 + 宜昌).
 * When a name is shared, a preceding province or city settles it (北京朝阳 → 朝阳区 of Beijing);
 * otherwise a province outranks a city, a city a county, and a county an urban district
 * (海南 → 海南省, not 海南藏族自治州; 中山 → 中山市; 朝阳 → 朝阳市 of Liaoning), and places of
 * the same rank stay `ambiguous` (通州, 新华). It never guesses beyond that.
 */
export function createLocator(set: RegionSet): (fullName: string) => LocateResult {
  const index = new Map<string, Entry[]>();
  for (const region of set.regions) {
    if (region.level === 'ZONE' || region.virtual) continue;
    const entry = entryOf(set, region);
    for (const key of new Set([region.name, region.shortName])) {
      if (key.length < 2) continue;
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  const lengths = [...new Set([...index.keys()].map((k) => k.length))].sort((a, b) => b - a);
  /** Cities of each province, to complete a 直辖市 (one city) from its province. */
  const citiesOf = new Map<string, Region[]>();
  for (const r of set.regions) {
    if (r.level !== 'CITY' || !r.parentCode) continue;
    const list = citiesOf.get(r.parentCode);
    if (list) list.push(r);
    else citiesOf.set(r.parentCode, [r]);
  }

  /** The longest region name at `pos`, restricted to regions inside `within` when given. */
  const matchAt = (text: string, pos: number, within?: Entry): Match | undefined => {
    for (const len of lengths) {
      if (pos + len > text.length) continue;
      const key = text.slice(pos, pos + len);
      const entries = index.get(key);
      if (!entries) continue;
      const inside = within ? entries.filter((e) => isInside(e, within)) : entries;
      if (inside.length > 0) return { text: key, entries: inside };
    }
    return undefined;
  };

  /**
   * Reads a place from `pos` on: a first name, then names inside it. At the head of a company's
   * name, a bare county-level name (东方, 兴业, 紫金) is as often a brand as a place, so it is kept
   * only with its suffix (常熟市…) or after a province or city (江苏江阴…).
   */
  const readFrom = (text: string, pos: number, bareCounty: boolean): Reading => {
    const first = matchAt(text, pos);
    if (!first) return {};
    const chosen = choose(first.entries);
    if (!chosen) return { matched: first.text, ambiguous: first.entries };
    if (!bareCounty && chosen.tier >= 2 && chosen.region.name !== first.text) {
      return { matched: first.text, brand: chosen };
    }
    let best = chosen;
    let matched = first.text;
    let at = pos + first.text.length;
    for (;;) {
      const next = matchAt(text, at, best);
      const inner = next && choose(next.entries);
      if (!next || !inner) break;
      best = inner;
      matched += next.text;
      at += next.text.length;
    }
    return { best, matched };
  };

  const result = (entry: Entry, matched: string): LocateResult => {
    let { cityCode } = entry;
    if (!cityCode && !entry.countyCode) {
      const only = citiesOf.get(entry.provinceCode);
      if (only?.length === 1) cityCode = only[0]!.code; // 北京 → 北京市 (110100)
    }
    return {
      status: 'resolved',
      provinceCode: entry.provinceCode,
      ...(cityCode ? { cityCode } : {}),
      ...(entry.countyCode ? { countyCode: entry.countyCode } : {}),
      regionCode: entry.countyCode ?? cityCode ?? entry.provinceCode,
      matched,
    };
  };

  return (fullName: string): LocateResult => {
    const text = normalise(fullName);
    const head = readFrom(text, 0, false);

    // A place in parentheses: 纽威数控装备(苏州)股份有限公司, 中粮生物化学(安徽)股份有限公司.
    let paren: Reading = {};
    for (const m of text.matchAll(/\(([^()]+)\)/g)) {
      const read = readFrom(m[1]!, 0, true);
      if (read.best || read.ambiguous) {
        paren = read;
        break;
      }
    }

    if (head.best) {
      // The head names a province and the parenthesis a place inside it: take the finer one.
      if (paren.best && isInside(paren.best, head.best)) {
        return result(paren.best, `${head.matched}(${paren.matched})`);
      }
      return result(head.best, head.matched!);
    }
    if (paren.best) {
      // A parenthesised place settles a shared head name that lies inside it.
      const settled = head.ambiguous?.filter((e) => isInside(e, paren.best!));
      if (settled?.length === 1) return result(settled[0]!, `${head.matched}(${paren.matched})`);
      return result(paren.best, paren.matched!);
    }
    const shared = head.ambiguous ? head : paren.ambiguous ? paren : undefined;
    if (shared) {
      return {
        status: 'ambiguous',
        matched: shared.matched!,
        candidates: shared.ambiguous!.map((e) => e.region.code),
      };
    }
    if (head.brand) {
      return { status: 'unresolved', matched: head.matched!, candidates: [head.brand.region.code] };
    }
    return { status: 'unresolved' };
  };
}

function entryOf(set: RegionSet, region: Region): Entry {
  const entry: Entry = { region, tier: tierOf(region), provinceCode: region.code };
  for (let r: Region | undefined = region; r; r = r.parentCode ? set.byCode.get(r.parentCode) : undefined) {
    if (r.level === 'PROVINCE') entry.provinceCode = r.code;
    else if (r.level === 'CITY') entry.cityCode = r.code;
    else if (r.level === 'COUNTY') entry.countyCode = r.code;
  }
  return entry;
}

/** Whether `e` lies strictly inside `outer`. */
function isInside(e: Entry, outer: Entry): boolean {
  if (e.region.code === outer.region.code) return false;
  const code = outer.region.code;
  return e.provinceCode === code || e.cityCode === code || e.countyCode === code;
}

/** One reading of a shared name: the single entry of the best rank, if there is one. */
function choose(entries: Entry[]): Entry | undefined {
  const top = Math.min(...entries.map((e) => e.tier));
  const best = entries.filter((e) => e.tier === top);
  return best.length === 1 ? best[0] : undefined;
}
