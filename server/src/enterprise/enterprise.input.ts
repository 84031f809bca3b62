import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { z } from 'zod';
import { count, name, newKey, nonNegative, ref, regionRef, share, version } from '../core/inputs.js';
import { OrderDirection } from '../core/order.js';
import { ASSIGNMENT_SOURCES, ENTERPRISE_TAGS } from './enterprise.model.js';
import { AssignmentSource } from './enterprise.type.js';
import { normalizeStockCode } from './stock-code.js';

export const EnterpriseOrderField = { NAME: 'NAME', REVENUE: 'REVENUE', ID: 'ID' } as const;

registerEnumType(EnterpriseOrderField, {
  name: 'EnterpriseOrderField',
  description: 'What to sort enterprises by; ties are broken by id, so pages are stable.',
  valuesConfig: {
    NAME: { description: 'Short name (by character code).' },
    REVENUE: { description: 'Revenue (营业收入); firms without revenue come last either way.' },
    ID: { description: 'Enterprise id.' },
  },
});

@InputType({ description: 'Filters on enterprises within a scope (a region or a link); all must hold.' })
export class EnterpriseScopeFilter {
  @Field(() => String, {
    nullable: true,
    description: '产业链 chain id (or global id): firms on any of its links.',
  })
  chainId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '环节 link id (or global id): firms on it or on any of its sub-links.',
  })
  linkId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tags the firm must all carry, e.g. ["上市公司"].' })
  tags?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Lowest revenue, 亿元 (inclusive).' })
  revenueMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest revenue, 亿元 (inclusive).' })
  revenueMax?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Text in the name or full name (Chinese full-text, e.g. 宁德 or 电池); several words must all match.',
  })
  text?: string | null;
}

@InputType({ description: 'Filters on enterprises; all given must hold.' })
export class EnterpriseFilter extends EnterpriseScopeFilter {
  @Field(() => String, {
    nullable: true,
    description: '地区 region code (or global id): firms in that region and every region within it.',
  })
  regionCode?: string | null;
}

@InputType({ description: 'How to order enterprises.' })
export class EnterpriseOrder {
  @Field(() => EnterpriseOrderField, { defaultValue: 'NAME', description: 'Sort key.' })
  field!: keyof typeof EnterpriseOrderField;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Direction.' })
  direction!: OrderDirection;
}

// ---------------------------------------------------------------------------------------------
// Mutation inputs, each with its zod schema.

export const EnterpriseRelationType = { SUPPLIES_TO: 'SUPPLIES_TO', INVESTS_IN: 'INVESTS_IN' } as const;

registerEnumType(EnterpriseRelationType, {
  name: 'EnterpriseRelationType',
  description: 'A tie between two enterprises.',
  valuesConfig: {
    SUPPLIES_TO: { description: '供货 the first firm supplies the second.' },
    INVESTS_IN: { description: '投资 the first firm holds shares in the second (with `share`).' },
  },
});

const stockCode = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const code = normalizeStockCode(v);
    if (!code) ctx.addIssue({ code: 'custom', message: 'is not a stock code (e.g. 300750, 600373.SH)' });
    return code ?? v;
  });
const creditCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(
    z
      .string()
      .regex(
        /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
        'must be an 18-character unified social credit code (统一社会信用代码)',
      ),
  );
const tags = z
  .array(z.enum(ENTERPRISE_TAGS, { error: `must be one of ${ENTERPRISE_TAGS.join(', ')}` }), {
    error: 'must be a list of tags',
  })
  .transform((t) => [...new Set(t)]);
const industryCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be a six-digit Shenwan 2021 code');

@InputType({ description: 'A new enterprise.' })
export class CreateEnterpriseInput {
  @Field(() => String, { nullable: true, description: 'Its id; generated (`ent-…`) when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Short name (简称).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Registered full name (全称).' })
  fullName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Stock code in any usual spelling (`300750`, `sz300750`); stored as `300750.SZ`. Unique.',
  })
  stockCode?: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (18 characters). Unique.' })
  creditCode?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Categories, among ${ENTERPRISE_TAGS.join(', ')}.`,
  })
  tags?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Revenue (营业收入), 亿元.' })
  revenue?: number | null;

  @Field(() => Int, { nullable: true, description: 'Employees.' })
  employees?: number | null;

  @Field(() => String, { nullable: true, description: 'Shenwan 2021 level-3 industry code (IN_INDUSTRY).' })
  industryCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '地区 the most precise region it is in (LOCATED_IN), e.g. 421281 or 4212Z01.',
  })
  regionCode?: string | null;
}

export const CreateEnterpriseSchema = z.object({
  id: newKey.nullish(),
  name: name(),
  fullName: name(200).nullish(),
  stockCode: stockCode.nullish(),
  creditCode: creditCode.nullish(),
  tags: tags.nullish().transform((t) => t ?? []),
  revenue: nonNegative('revenue in 亿元').nullish(),
  employees: count().nullish(),
  industryCode: industryCode.nullish(),
  regionCode: regionRef.nullish(),
});

@InputType({ description: 'Changes to an enterprise; fields left out keep their value, null clears.' })
export class UpdateEnterpriseInput {
  @Field(() => ID, { description: 'The enterprise (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the enterprise has changed since.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New short name (cannot be cleared).' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'Stock code (unique).' })
  stockCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Unified social credit code (unique).' })
  creditCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Categories, replacing the old ones.' })
  tags?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Revenue, 亿元.' })
  revenue?: number | null;

  @Field(() => Int, { nullable: true, description: 'Employees.' })
  employees?: number | null;

  @Field(() => String, { nullable: true, description: 'Shenwan level-3 industry code.' })
  industryCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'New location (LOCATED_IN); its province, city and county codes are rewritten from the region tree. Null: location unknown.',
  })
  regionCode?: string | null;
}

export const UpdateEnterpriseSchema = z.object({
  id: ref('Enterprise'),
  version,
  name: name().optional(),
  fullName: name(200).nullish(),
  stockCode: stockCode.nullish(),
  creditCode: creditCode.nullish(),
  tags: tags.nullish().transform((t) => (t === null ? [] : t)),
  revenue: nonNegative('revenue in 亿元').nullish(),
  employees: count().nullish(),
  industryCode: industryCode.nullish(),
  regionCode: regionRef.nullish(),
});

@InputType({ description: 'An enterprise to delete.' })
export class DeleteEnterpriseInput {
  @Field(() => ID, { description: 'The enterprise (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the enterprise has changed since.' })
  version!: number;
}

export const DeleteEnterpriseSchema = z.object({ id: ref('Enterprise'), version });

@InputType({ description: 'Place an enterprise on a link (OPERATES_IN), or change how it is placed.' })
export class AssignEnterpriseInput {
  @Field(() => ID, { description: 'The enterprise.' })
  enterpriseId!: string;

  @Field(() => ID, { description: 'The link.' })
  linkId!: string;

  @Field(() => AssignmentSource, {
    nullable: true,
    defaultValue: 'MANUAL',
    description: 'How it was assigned (default MANUAL).',
  })
  source?: string | null;

  @Field(() => Float, { nullable: true, defaultValue: 1, description: 'Confidence, 0–1 (default 1).' })
  confidence?: number | null;
}

export const AssignEnterpriseSchema = z.object({
  enterpriseId: ref('Enterprise'),
  linkId: ref('Link'),
  source: z
    .enum(ASSIGNMENT_SOURCES)
    .nullish()
    .transform((v) => v ?? 'MANUAL'),
  confidence: z
    .number()
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .nullish()
    .transform((v) => v ?? 1),
});

@InputType({ description: 'An enterprise to take off a link.' })
export class UnassignEnterpriseInput {
  @Field(() => ID, { description: 'The enterprise.' })
  enterpriseId!: string;

  @Field(() => ID, { description: 'The link.' })
  linkId!: string;
}

export const UnassignEnterpriseSchema = z.object({ enterpriseId: ref('Enterprise'), linkId: ref('Link') });

@InputType({ description: 'A tie from one enterprise to another.' })
export class EnterpriseRelationInput {
  @Field(() => ID, { description: 'The supplier, or the investor.' })
  fromId!: string;

  @Field(() => ID, { description: 'The customer, or the firm invested in.' })
  toId!: string;

  @Field(() => EnterpriseRelationType, { description: 'Which tie.' })
  type!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'INVESTS_IN only: the share held, above 0 and at most 1; null when unknown.',
  })
  share?: number | null;
}

export const EnterpriseRelationSchema = z
  .object({
    fromId: ref('Enterprise'),
    toId: ref('Enterprise'),
    type: z.enum(['SUPPLIES_TO', 'INVESTS_IN']),
    share: share().nullish(),
  })
  .superRefine((r, ctx) => {
    if (r.fromId === r.toId)
      ctx.addIssue({ code: 'custom', path: ['toId'], message: 'a firm cannot be tied to itself' });
    if (r.type !== 'INVESTS_IN' && r.share != null)
      ctx.addIssue({ code: 'custom', path: ['share'], message: 'only an INVESTS_IN tie has a share' });
  });

@InputType({ description: 'A tie between two enterprises to remove.' })
export class EnterpriseRelationKeyInput {
  @Field(() => ID, { description: 'The supplier, or the investor.' })
  fromId!: string;

  @Field(() => ID, { description: 'The customer, or the firm invested in.' })
  toId!: string;

  @Field(() => EnterpriseRelationType, { description: 'Which tie.' })
  type!: string;
}

export const EnterpriseRelationKeySchema = z.object({
  fromId: ref('Enterprise'),
  toId: ref('Enterprise'),
  type: z.enum(['SUPPLIES_TO', 'INVESTS_IN']),
});
