/**
 * Every default of the investment-map engine (招商地图), in one place. docs/method.md gives the
 * formulas these numbers feed; a request may override the thresholds, the score weights and the
 * source zones.
 */

/** When a present link counts as STRONG (see `linkStatus`). */
export interface Thresholds {
  /** Local enterprises a link needs (with a location quotient ≥ `strongMinQuotient`) to be STRONG without an anchor. */
  strongMinCount: number;
  /** Lowest location quotient for the count rule. */
  strongMinQuotient: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  strongMinCount: 3,
  strongMinQuotient: 1,
});

/** Tags that make an enterprise an anchor (链主/龙头): leaders, listed companies, the 500 lists, central SOEs. */
export const ANCHOR_TAGS: readonly string[] = [
  'LEADER',
  'LISTED',
  'CHINA_500',
  'GLOBAL_500',
  'PRIVATE_500',
  'CENTRAL_SOE',
];

/**
 * How much a tag says about a firm's strength, 0–1; a firm takes the value of its strongest tag.
 * Tags not listed count 0.
 */
export const TAG_STRENGTH: Readonly<Record<string, number>> = Object.freeze({
  GLOBAL_500: 1,
  CHINA_500: 0.9,
  CENTRAL_SOE: 0.8,
  PRIVATE_500: 0.8,
  LEADER: 0.7,
  LISTED: 0.6,
  SPECIALIZED_SME: 0.4,
  HIGH_TECH: 0.3,
  FOREIGN: 0.2,
  EXPORT_ORIENTED: 0.1,
});

/** Chinese names of the tags, for explanations and exports. */
export const TAG_LABEL: Readonly<Record<string, string>> = Object.freeze({
  GLOBAL_500: '世界500强',
  CHINA_500: '中国500强',
  PRIVATE_500: '民企500强',
  LISTED: '上市公司',
  CENTRAL_SOE: '央企',
  LEADER: '行业龙头',
  HIGH_TECH: '高新技术企业',
  SPECIALIZED_SME: '专精特新"小巨人"',
  FOREIGN: '外资',
  EXPORT_ORIENTED: '外向型',
});

/** Revenue (亿元) at which the revenue part of strength saturates at 1 (log scale below it). */
export const REVENUE_SATURATION = 1000;
/** Ties (SUPPLIES_TO / INVESTS_IN) with local firms at which the ties factor saturates. */
export const TIES_SATURATION = 3;
/** Strong local links touched through SUPPLIES at which the supply-fit factor saturates. */
export const SUPPLY_FIT_SATURATION = 2;

/** The kinds of gap, most severe first (断链 > 缺链 > 弱链; a key link before the others). */
export const GAP_KINDS = ['BROKEN_KEY', 'BROKEN', 'MISSING_KEY', 'MISSING', 'WEAK_KEY', 'WEAK'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** The value of filling each kind of gap (the `gap` factor), 0–1. */
export const GAP_SEVERITY: Readonly<Record<GapKind, number>> = Object.freeze({
  BROKEN_KEY: 1,
  BROKEN: 0.85,
  MISSING_KEY: 0.7,
  MISSING: 0.55,
  WEAK_KEY: 0.4,
  WEAK: 0.25,
});
/** The `gap` factor of a link that is no gap: a STRONG link being strengthened (强链) or a link reached by 延链. */
export const STRENGTHEN_SEVERITY = 0.2;
export const EXTENSION_SEVERITY = 0.3;

/** The factors of a target's score and their default weights (they sum to 1, so scores are 0–1). */
export interface Weights {
  strength: number;
  gap: number;
  ties: number;
  supplyFit: number;
  sourceZone: number;
}

export const FACTORS = [
  'strength',
  'gap',
  'ties',
  'supplyFit',
  'sourceZone',
] as const satisfies readonly (keyof Weights)[];

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  strength: 0.35,
  gap: 0.25,
  ties: 0.15,
  supplyFit: 0.15,
  sourceZone: 0.1,
});

/** Source zones preferred by default (`SourceZone.code`): 长三角, 粤港澳大湾区, 京津冀. */
export const DEFAULT_SOURCE_ZONES: readonly string[] = ['CSJ', 'YGA', 'JJJ'];

/** Page sizes. */
export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 200;
/** Targets listed per gap (招谁) in the investment map, and candidates per 延链 option. */
export const DEFAULT_PER_LINK = 5;
export const MAX_PER_LINK = 50;
/** Local anchors listed per link in a diagnosis. */
export const ANCHORS_PER_LINK = 20;
/** Paths returned by `connections`. */
export const MAX_HOPS = 3;
export const MAX_PATHS = 50;
/** Sub-link depth the engine follows (PART_OF), as the read API does. */
export const LINK_DEPTH = 4;
