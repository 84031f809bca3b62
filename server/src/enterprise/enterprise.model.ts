import { z } from 'zod';
import { optBool, optInt, optNum, optStr, str, strList } from '../core/models.js';
import { toGlobalId } from '../core/relay.js';
import { LinkModel } from '../chain/chain.model.js';

/**
 * The properties of an `(:Enterprise)` the API reads and their types, in the order of
 * {@link enterpriseList}: the one list both the map and the list forms come from.
 */
const ENTERPRISE_SHAPE = {
  id: str,
  name: str,
  fullName: optStr,
  stockCode: optStr,
  creditCode: optStr,
  tags: strList,
  revenue: optNum,
  employees: optInt,
  industryCode: optStr,
  synthetic: optBool,
  regionCode: optStr,
  provinceCode: optStr,
  cityCode: optStr,
  countyCode: optStr,
  version: optInt,
};
type EnterpriseProps = z.output<z.ZodObject<typeof ENTERPRISE_SHAPE>>;
const ENTERPRISE_PROPS = Object.keys(ENTERPRISE_SHAPE) as (keyof typeof ENTERPRISE_SHAPE)[];

/** `v`'s properties as a map (parsed by {@link EnterpriseModel}). */
export const enterpriseFields = (v: string) => `${v} { ${ENTERPRISE_PROPS.map((p) => `.${p}`).join(', ')} }`;

/**
 * `v`'s properties as a list, for pages of many firms: the names are not sent with every row
 * (parsed by {@link EnterpriseListModel}).
 */
export const enterpriseList = (v: string) => `[${ENTERPRISE_PROPS.map((p) => `${v}.${p}`).join(', ')}]`;

/**
 * An `(:Enterprise)` as the API hands it on: domain `key` (the graph's `id`), global `id`. The
 * denormalised `regionCode/provinceCode/cityCode/countyCode` are kept so `region`, `province`
 * and `city` resolve through the batched region loader without another hop.
 */
const toRecord = ({ id, synthetic, ...e }: EnterpriseProps) => ({
  __typename: 'Enterprise' as const,
  id: toGlobalId('Enterprise', id),
  key: id,
  synthetic: synthetic ?? false,
  ...e,
});

/** An `(:Enterprise)` read by {@link enterpriseFields}. */
export const EnterpriseModel = z.object(ENTERPRISE_SHAPE).transform(toRecord);
export type EnterpriseRecord = z.output<typeof EnterpriseModel>;

/**
 * An enterprise read by {@link enterpriseList}: the same record as {@link EnterpriseModel}'s,
 * checked position by position (a tuple, which zod compiles to far less work than an object:
 * see `compiled` in core/models.ts).
 */
export const EnterpriseListModel = z
  .tuple(ENTERPRISE_PROPS.map((p) => ENTERPRISE_SHAPE[p]) as unknown as [z.ZodType, ...z.ZodType[]])
  .transform((values) => {
    const props: Record<string, unknown> = {};
    for (let i = 0; i < ENTERPRISE_PROPS.length; i++) props[ENTERPRISE_PROPS[i]!] = values[i];
    return toRecord(props as EnterpriseProps);
  });

export const ASSIGNMENT_SOURCES = ['INDUSTRY_CODE', 'MANUAL', 'IMPORT'] as const;

/** The enterprise categories the graph stores, as the importers accept them (seed/src/import/rows.ts). */
export const ENTERPRISE_TAGS = [
  'GLOBAL_500',
  'CHINA_500',
  'PRIVATE_500',
  'LISTED',
  'CENTRAL_SOE',
  'LEADER',
  'HIGH_TECH',
  'SPECIALIZED_SME',
  'FOREIGN',
  'EXPORT_ORIENTED',
] as const;

/** `(:Enterprise)-[:OPERATES_IN {source, confidence}]->(:Link)`. */
export const EnterpriseLinkModel = z.object({
  link: LinkModel,
  source: z
    .enum(ASSIGNMENT_SOURCES)
    .nullish()
    .transform((v) => v ?? null),
  confidence: optNum,
});
export type EnterpriseLinkRecord = z.output<typeof EnterpriseLinkModel>;

/** `(:Enterprise)-[:INVESTS_IN {share}]->(:Enterprise)`, seen from either end. */
export const InvestmentModel = z.object({ enterprise: EnterpriseModel, share: optNum });
export type InvestmentRecord = z.output<typeof InvestmentModel>;
