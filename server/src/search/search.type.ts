import { createUnionType, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Chain, Link } from '../chain/chain.type.js';
import { Enterprise } from '../enterprise/enterprise.type.js';
import type { Typed } from '../node/node.type.js';
import { Region } from '../region/region.type.js';
import type { SearchNodeRecord } from './search.store.js';

export const SearchKind = {
  REGION: 'REGION',
  CHAIN: 'CHAIN',
  LINK: 'LINK',
  ENTERPRISE: 'ENTERPRISE',
} as const;

registerEnumType(SearchKind, {
  name: 'SearchKind',
  description: 'What a search hit is; group hits by it (地区 / 产业链 / 环节 / 企业).',
  valuesConfig: {
    REGION: { description: '地区 region.' },
    CHAIN: { description: '产业链 industry chain.' },
    LINK: { description: '环节 link.' },
    ENTERPRISE: { description: '企业 enterprise.' },
  },
});

export const SearchMatch = {
  EXACT: 'EXACT',
  PREFIX: 'PREFIX',
  FULLTEXT: 'FULLTEXT',
  CONTAINS: 'CONTAINS',
  PINYIN: 'PINYIN',
} as const;

registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'How a hit matched what was typed.',
  valuesConfig: {
    EXACT: { description: 'A name (or the stock code) is exactly the query.' },
    PREFIX: { description: 'A name starts with the query.' },
    FULLTEXT: { description: 'Chinese full-text match in the name or full name.' },
    CONTAINS: { description: 'A name contains the query (one-character queries).' },
    PINYIN: { description: 'The pinyin initials (拼音首字母) start with the query, e.g. xn → 咸宁.' },
  },
});

export const SearchNode = createUnionType({
  name: 'SearchNode',
  description: 'Anything search can find.',
  types: () => [Region, Chain, Link, Enterprise] as const,
  resolveType: (value) => (value as unknown as Typed).__typename,
});

@ObjectType({ description: 'One search hit: the entity, what it is, how well and how it matched.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance, 0–1 (1 = exact name); comparable within one response.' })
  score!: number;

  @Field(() => SearchKind, { description: 'The type of `node`, for grouping.' })
  kind!: string;

  @Field(() => SearchMatch, { description: 'How it matched.' })
  matchedBy!: string;

  @Field(() => SearchNode, { description: 'The entity found.' })
  node!: SearchNodeRecord;
}
