import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { count, day, flag, freeText, nonNegative, ref, version } from '../core/inputs.js';
import { ContactKindModel } from './contact.model.js';
import { ContactKind } from './contact.type.js';

// Inputs of the tracking writes: contacts (走访/洽谈记录), leaders' duty targets, funds in place
// (到位资金) and amount revisions, with zod schemas.

@InputType({ description: '记录走访 log a contact of a task force with an enterprise.' })
export class LogContactInput {
  @Field(() => ID, { description: '招商专班 the task force it is logged for.' })
  taskForceId!: string;

  @Field(() => ID, { description: 'Who made the contact (a person).' })
  personId!: string;

  @Field(() => ID, { description: 'The enterprise met.' })
  enterpriseId!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'When (default today, China time); not in the future.',
  })
  on?: string | null;

  @Field(() => ContactKind, { description: 'Visit, reception, meeting, call or event.' })
  kind!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: '赴外招商: a trip out of the region (default false).',
  })
  tripOut?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Where.' })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'What was said.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: '下一步 the next step.' })
  nextStep?: string | null;
}

export const LogContactSchema = z.object({
  taskForceId: ref('TaskForce'),
  personId: ref('Person'),
  enterpriseId: ref('Enterprise'),
  on: day.nullish(),
  kind: ContactKindModel,
  tripOut: flag().nullish(),
  place: freeText(100).nullish(),
  note: freeText(2000).nullish(),
  nextStep: freeText(500).nullish(),
});

@InputType({ description: 'A contact logged by mistake, to delete.' })
export class DeleteContactInput {
  @Field(() => ID, { description: 'The contact id.' })
  id!: string;
}

export const DeleteContactSchema = z.object({ id: ref('Contact') });

@InputType({
  description:
    "领导责任目标 a leader's duties for a year: creates them (id `duty-<person>-<year>`), or changes them given the version you read.",
})
export class SetDutyTargetInput {
  @Field(() => ID, { description: 'The leader (person id).' })
  personId!: string;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'The version you read, when the duties exist.' })
  version?: number | null;

  @Field(() => Int, { nullable: true, description: '赴外招商次数 trips out.' })
  tripsOut?: number | null;

  @Field(() => Int, { nullable: true, description: '谋划项目数 projects to plan.' })
  projectsPlanned?: number | null;

  @Field(() => Float, { nullable: true, description: 'Minimum amount of a planned project, 亿元.' })
  plannedMinAmount?: number | null;

  @Field(() => String, { nullable: true, description: 'The document the duties come from.' })
  source?: string | null;
}

export const SetDutyTargetSchema = z.object({
  personId: ref('Person'),
  year: z.number().int('must be a year').min(2000, 'must be 2000–2100').max(2100, 'must be 2000–2100'),
  version: version.nullish(),
  tripsOut: count().nullish(),
  projectsPlanned: count().nullish(),
  plannedMinAmount: nonNegative('an amount in 亿元').nullish(),
  source: freeText(500).nullish(),
});

export const DUTY_COUNTS = ['tripsOut', 'projectsPlanned'];

@InputType({
  description:
    '到位资金 record funds that arrived for a project on a date. Entries are never changed or removed, so a report as of any date stays reproducible: correct a mistake with a negative entry.',
})
export class RecordFundsInput {
  @Field(() => ID, { description: 'The project.' })
  projectId!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the project has changed since.' })
  version!: number;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'When the funds arrived (default today); not in the future.',
  })
  on?: string | null;

  @Field(() => Float, { description: 'Amount, 亿元; negative to correct an earlier entry; not 0.' })
  amount!: number;

  @Field(() => String, { nullable: true, description: 'A note, e.g. 第二期注资 or the correction’s reason.' })
  note?: string | null;
}

export const RecordFundsSchema = z.object({
  projectId: ref('Project'),
  version,
  on: day.nullish(),
  amount: z
    .number({ error: 'must be an amount in 亿元' })
    .min(-100_000, 'must be at least -100000 亿元')
    .max(100_000, 'must be at most 100000 亿元')
    .refine((v) => v !== 0, 'must not be 0'),
  note: freeText(500).nullish(),
});

@InputType({
  description:
    '调整投资额 revise a project’s investment amount from a date on; earlier reports keep the amount they had.',
})
export class ReviseProjectAmountInput {
  @Field(() => ID, { description: 'The project.' })
  projectId!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field(() => Float, { description: 'The new amount, 亿元 (above 0).' })
  amount!: number;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'From when (default today); not in the future.',
  })
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'Why, e.g. 增资扩产.' })
  reason?: string | null;
}

export const ReviseProjectAmountSchema = z.object({
  projectId: ref('Project'),
  version,
  amount: z
    .number({ error: 'must be an amount in 亿元' })
    .gt(0, 'must be above 0 (亿元)')
    .max(100_000, 'must be at most 100000 亿元'),
  on: day.nullish(),
  reason: freeText(500).nullish(),
});
