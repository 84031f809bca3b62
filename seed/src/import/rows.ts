import { z } from 'zod';
import { normaliseStockCode } from '../chainkg/normalize.js';

/** Enterprise tags (categories the seed documents count). */
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

const empty = (v: unknown) => (v === '' || v === null ? undefined : v);
const optText = z.preprocess(empty, z.string().trim().min(1).max(200).optional());
const optNumber = z.preprocess(empty, z.coerce.number().finite().nonnegative().optional());
const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/, 'ids are 1–80 letters, digits, . _ : -');

/** CSV gives tags as `LISTED|HIGH_TECH` (or commas); JSON Lines as an array. */
const tags = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[|,;]/)
          .map((t) => t.trim())
          .filter(Boolean)
      : (v ?? []),
  z.array(z.enum(ENTERPRISE_TAGS)),
);

/** 统一社会信用代码: 18 characters of digits and capitals (I, O, S, V, Z never used). */
const creditCode = z.preprocess(
  empty,
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
      'a unified social credit code has 18 characters',
    )
    .optional(),
);

const stockCode = z.preprocess(
  empty,
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const n = normaliseStockCode(v);
      if (!n) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a stock code like 600373 or 600373.SH` });
        return z.NEVER;
      }
      return n.stockCode;
    }),
);

export const EnterpriseImportRow = z.strictObject({
  id,
  name: z.string().trim().min(2).max(100),
  fullName: optText,
  stockCode,
  creditCode,
  tags,
  revenue: optNumber,
  employees: z.preprocess(empty, z.coerce.number().int().nonnegative().optional()),
  industryCode: z.preprocess(
    empty,
    z
      .string()
      .regex(/^\d{6}$/, 'a Shenwan code has 6 digits')
      .optional(),
  ),
  regionCode: z.preprocess(
    empty,
    z
      .string()
      .regex(/^\d{6}$|^\d{4}Z\d{2}$/, 'a region code like 421202 or 4212Z01')
      .optional(),
  ),
});

export const AssignmentImportRow = z.strictObject({
  enterpriseId: id,
  linkId: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/, 'a link id like nev.battery'),
  source: z.preprocess(empty, z.enum(['INDUSTRY_CODE', 'MANUAL', 'IMPORT']).default('IMPORT')),
  confidence: z.preprocess(empty, z.coerce.number().min(0).max(1).default(1)),
});

export const RelationImportRow = z.strictObject({
  fromId: id,
  toId: id,
  type: z.enum(['SUPPLIES_TO', 'INVESTS_IN']),
  share: z.preprocess(empty, z.coerce.number().min(0).max(1).optional()),
});

export const IMPORT_KINDS = {
  enterprises: EnterpriseImportRow,
  assignments: AssignmentImportRow,
  relations: RelationImportRow,
} as const;
export type ImportKind = keyof typeof IMPORT_KINDS;
