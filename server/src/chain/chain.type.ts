import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.type.js';

export const LinkStage = { UPSTREAM: 'UPSTREAM', MIDSTREAM: 'MIDSTREAM', DOWNSTREAM: 'DOWNSTREAM' } as const;

registerEnumType(LinkStage, {
  name: 'LinkStage',
  description: 'Where a link sits on its chain.',
  valuesConfig: {
    UPSTREAM: { description: '上游 upstream: resources, materials, components.' },
    MIDSTREAM: { description: '中游 midstream: core manufacturing.' },
    DOWNSTREAM: { description: '下游 downstream: end products, applications, services.' },
  },
});

@ObjectType({
  implements: Node,
  description: '产业链 industry chain: a key industry a region develops, made of links (环节).',
})
export class Chain extends Node {
  @Field(() => String, { description: 'Domain key: the chain id, e.g. `nev`.' })
  key!: string;

  @Field(() => String, { description: 'Name, e.g. 新能源汽车.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the chain covers.' })
  description!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version, raised by every change (for optimistic updates).',
  })
  version!: number | null;
}

@ObjectType({
  implements: Node,
  description: '环节 link of an industry chain: one segment, upstream, midstream or downstream.',
})
export class Link extends Node {
  @Field(() => String, { description: 'Domain key: the link id, e.g. `nev.cathode`.' })
  key!: string;

  @Field(() => String, { description: 'Name, e.g. 正极材料.' })
  name!: string;

  @Field(() => LinkStage, { description: '上游/中游/下游 stage on the chain.' })
  stage!: string;

  @Field(() => Boolean, { description: '关键环节 key link: one the chain cannot do without.' })
  isKey!: boolean;

  @Field(() => String, { nullable: true, description: 'What the link covers and why it matters.' })
  description!: string | null;

  @Field(() => [String], { description: 'Shenwan 2021 (申万) industry codes the link maps to.' })
  shenwan!: string[];

  @Field(() => [String], { description: 'GB/T 4754 national industry codes the link maps to.' })
  gbt4754!: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Version, raised by every change (for optimistic updates).',
  })
  version!: number | null;
}
