import { z } from 'zod';
import { optBool, optInt, optNum, optStr, str, strList } from '../core/models.js';
import { toGlobalId } from '../core/relay.js';
import { LinkModel } from '../chain/chain.model.js';

export const enterpriseFields = (v: string) =>
  `${v} { .id, .name, .fullName, .stockCode, .creditCode, .tags, .revenue, .employees, .industryCode, .synthetic, .regionCode, .provinceCode, .cityCode, .countyCode, .version }`;

/**
 * An `(:Enterprise)`: domain `key` (the graph's `id`), global `id`. The denormalised
 * `regionCode/provinceCode/cityCode/countyCode` are kept so `region`, `province` and `city`
 * resolve through the batched region loader without another hop.
 */
export const EnterpriseModel = z
  .object({
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
  })
  .transform(({ id, synthetic, ...e }) => ({
    __typename: 'Enterprise' as const,
    id: toGlobalId('Enterprise', id),
    key: id,
    synthetic: synthetic ?? false,
    ...e,
  }));
export type EnterpriseRecord = z.output<typeof EnterpriseModel>;

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
