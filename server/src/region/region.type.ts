import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.type.js';

export const RegionLevel = { PROVINCE: 'PROVINCE', CITY: 'CITY', COUNTY: 'COUNTY', ZONE: 'ZONE' } as const;

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Where a region sits in the hierarchy: 省 → 市 → 县/区/县级市 → 开发区/园区.',
  valuesConfig: {
    PROVINCE: { description: '省 province-level division (incl. 直辖市, 自治区).' },
    CITY: { description: '市 prefecture-level city (地级市, 州, 盟).' },
    COUNTY: { description: '县/区/县级市 county-level division.' },
    ZONE: { description: '开发区/高新区/园区 development zone or park, under its city.' },
  },
});

@ObjectType({
  implements: Node,
  description:
    '地区 region: a province, city, county or development zone (GB/T 2260 codes; zones `<city4>Z<nn>`).',
})
export class Region extends Node {
  @Field(() => String, {
    description: 'Domain key: the GB/T 2260 code (e.g. `421200`) or zone code (`4212Z01`).',
  })
  code!: string;

  @Field(() => String, { description: 'Full name, e.g. 咸宁市.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name without its administrative suffix, e.g. 咸宁.' })
  shortName!: string | null;

  @Field(() => RegionLevel, { description: 'Level in the hierarchy.' })
  level!: string;
}

@ObjectType({
  implements: Node,
  description:
    '产业转移来源地 source zone: a grouping of regions industries relocate from (京津冀, 长三角…).',
})
export class SourceZone extends Node {
  @Field(() => String, { description: 'Domain key: the zone code, e.g. `JJJ` (the same as `code`).' })
  key!: string;

  @Field(() => String, { description: 'The zone code, e.g. `JJJ` 京津冀.' })
  code!: string;

  @Field(() => String, { description: 'Name, e.g. 长三角.' })
  name!: string;
}
