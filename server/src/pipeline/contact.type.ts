import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ContactKind = {
  VISIT: 'VISIT',
  RECEPTION: 'RECEPTION',
  MEETING: 'MEETING',
  CALL: 'CALL',
  EVENT: 'EVENT',
} as const;

registerEnumType(ContactKind, {
  name: 'ContactKind',
  description: 'How a task force met an enterprise.',
  valuesConfig: {
    VISIT: { description: '拜访 a visit to the enterprise.' },
    RECEPTION: { description: '接待 the enterprise visiting us (来访考察).' },
    MEETING: { description: '洽谈 a negotiation meeting.' },
    CALL: { description: '电话/视频 a call.' },
    EVENT: { description: '招商活动 met at a promotion event (推介会, 展会).' },
  },
});

@ObjectType({
  description:
    '走访/洽谈记录 a contact of a task force with an enterprise: when, who, which enterprise, the note and the next step.',
})
export class Contact {
  @Field(() => String, { description: 'Domain key: the contact id.' })
  key!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When.' })
  on!: string | null;

  @Field(() => ContactKind, { description: 'Visit, reception, meeting, call or event.' })
  kind!: string;

  @Field(() => Boolean, {
    description: '赴外招商: a trip out of the region to court investors (counts for the leader’s duties).',
  })
  tripOut!: boolean;

  @Field(() => String, { nullable: true, description: 'Where, e.g. 深圳.' })
  place!: string | null;

  @Field(() => String, { nullable: true, description: 'What was said.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: '下一步 the next step agreed.' })
  nextStep!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Id of the person who made the contact (see `person`).',
  })
  personId!: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the enterprise met (see `enterprise`).' })
  enterpriseId!: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the task force it was logged for.' })
  taskForceId!: string | null;

  @Field(() => String, { nullable: true, description: 'Who logged it.' })
  by!: string | null;
}

@ObjectType({
  description:
    '领导责任目标 a leader’s duties for a year (Xianning’s plan: trips out, projects planned of a minimum size).',
})
export class DutyTarget {
  @Field(() => String, { description: 'Domain key: `duty-<person>-<year>`.' })
  key!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => String, { nullable: true, description: 'The leader (person id).' })
  personId!: string | null;

  @Field(() => Int, { nullable: true, description: '赴外招商次数 trips out to court investors.' })
  tripsOut!: number | null;

  @Field(() => Int, { nullable: true, description: '谋划项目数 projects to plan.' })
  projectsPlanned!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The size a planned project must reach, 亿元 (e.g. 30, 20, 10, 1).',
  })
  plannedMinAmount!: number | null;

  @Field(() => String, { nullable: true, description: 'The document the duties come from.' })
  source!: string | null;

  @Field(() => Int, { nullable: true, description: 'Version, raised by every change.' })
  version!: number | null;
}

@ObjectType({ description: 'A dated revision of a project’s investment amount (AmountEntry).' })
export class AmountEntry {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'From when the amount holds.' })
  on!: string | null;

  @Field(() => Float, { nullable: true, description: 'Amount, 亿元.' })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it changed.' })
  reason!: string | null;
}
