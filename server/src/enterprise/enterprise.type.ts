import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { LinkRecord } from '../chain/chain.model.js';
import { Link } from '../chain/chain.type.js';
import { PageInfo } from '../core/connection.js';
import { Node } from '../node/node.type.js';
import type { EnterpriseRecord } from './enterprise.model.js';

export const AssignmentSource = {
  INDUSTRY_CODE: 'INDUSTRY_CODE',
  MANUAL: 'MANUAL',
  IMPORT: 'IMPORT',
} as const;

registerEnumType(AssignmentSource, {
  name: 'AssignmentSource',
  description: 'How an enterprise came to be placed on a link.',
  valuesConfig: {
    INDUSTRY_CODE: { description: "Assigned from the firm's Shenwan (申万) industry." },
    MANUAL: { description: 'Placed by a person.' },
    IMPORT: { description: 'Taken from an imported file.' },
  },
});

@ObjectType({
  implements: Node,
  description: '企业 enterprise: a firm on the map, listed (上市公司) or not, real or synthetic.',
})
export class Enterprise extends Node {
  @Field(() => String, { description: 'Domain key: the enterprise id.' })
  key!: string;

  @Field(() => String, { description: 'Short name (简称), e.g. 宁德时代.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Registered full name (全称).' })
  fullName!: string | null;

  @Field(() => String, { nullable: true, description: 'Stock code with exchange suffix, e.g. `600373.SH`.' })
  stockCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '统一社会信用代码 unified social credit code (18 characters).',
  })
  creditCode!: string | null;

  @Field(() => [String], {
    description: 'Categories such as 上市公司, 世界500强, 专精特新"小巨人", 高新技术企业.',
  })
  tags!: string[];

  @Field(() => Float, { nullable: true, description: 'Revenue (营业收入) in 亿元.' })
  revenue!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of employees.' })
  employees!: number | null;

  @Field(() => String, { nullable: true, description: 'Shenwan 2021 (申万) level-3 industry code.' })
  industryCode!: string | null;

  @Field(() => Boolean, { description: 'True for a generated (synthetic) firm, not a real one.' })
  synthetic!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Version, raised by every change (for optimistic updates).',
  })
  version!: number | null;
}

@ObjectType({ description: "An enterprise's place on a link (OPERATES_IN), with how it was assigned." })
export class EnterpriseLink {
  @Field(() => Link, { description: '环节 the link the enterprise works in.' })
  link!: LinkRecord;

  @Field(() => AssignmentSource, { nullable: true, description: 'How the assignment was made.' })
  source!: string | null;

  @Field(() => Float, { nullable: true, description: 'Confidence of the assignment, 0–1.' })
  confidence!: number | null;
}

@ObjectType({
  description: 'An equity tie (INVESTS_IN) seen from one end: the firm at the other end and the share.',
})
export class Investment {
  @Field(() => Enterprise, { description: 'The firm at the other end of the tie.' })
  enterprise!: EnterpriseRecord;

  @Field(() => Float, { nullable: true, description: 'Share held, 0–1, where known.' })
  share!: number | null;
}

@ObjectType({ description: 'An enterprise in a connection, with its cursor.' })
export class EnterpriseEdge {
  @Field(() => Enterprise, { description: 'The enterprise.' })
  node!: EnterpriseRecord;

  @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after`.' })
  cursor!: string;
}

@ObjectType({ description: 'A page of enterprises (Relay connection).' })
export class EnterpriseConnection {
  @Field(() => [EnterpriseEdge], { description: 'The enterprises of this page, in order.' })
  edges!: EnterpriseEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits.' })
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: 'How many enterprises match, across all pages. Counted only when selected.',
  })
  totalCount!: number;
}
