import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../core/order.js';

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
