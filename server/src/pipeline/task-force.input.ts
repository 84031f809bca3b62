import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { flag, name, newKey, nonNegative, ref, refList, regionRef, version } from '../core/inputs.js';

// Inputs of the task-force mutations (people, 招商专班, chain leaders, members), with zod schemas.

@InputType({ description: 'A new person: a chain leader (链长) or task-force member.' })
export class CreatePersonInput {
  @Field(() => String, { nullable: true, description: 'Their id; generated (`p-…`) when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Title, e.g. 副市长.' })
  title?: string | null;
}

export const CreatePersonSchema = z.object({
  id: newKey.nullish(),
  name: name(50),
  title: name(100).nullish(),
});

@InputType({ description: 'Changes to a person; fields left out keep their value.' })
export class UpdatePersonInput {
  @Field(() => ID, { description: 'The person (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the person has changed since.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New title; null clears it.' })
  title?: string | null;
}

export const UpdatePersonSchema = z.object({
  id: ref('Person'),
  version,
  name: name(50).optional(),
  title: name(100).nullish(),
});

@InputType({ description: 'A person to delete.' })
export class DeletePersonInput {
  @Field(() => ID, { description: 'The person (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the person has changed since.' })
  version!: number;
}

export const DeletePersonSchema = z.object({ id: ref('Person'), version });

@InputType({ description: 'A new task force (招商专班) for one chain in one region.' })
export class CreateTaskForceInput {
  @Field(() => String, { nullable: true, description: 'Its id; generated (`tf-…`) when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Name, e.g. 咸宁市大健康产业链招商专班.' })
  name!: string;

  @Field(() => ID, { description: '产业链 the chain it works (FOR_CHAIN).' })
  chainId!: string;

  @Field(() => String, { description: '地区 the region it works for (FOR_REGION), e.g. 421200.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: '牵头单位 lead department.' })
  leadDepartment?: string | null;

  @Field(() => Float, { nullable: true, description: '专项经费 dedicated budget, 万元.' })
  budget?: number | null;

  @Field(() => ID, { nullable: true, description: '链长 the person who leads it (LEADS).' })
  leaderId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Members (MEMBER_OF).' })
  memberIds?: string[] | null;
}

export const CreateTaskForceSchema = z.object({
  id: newKey.nullish(),
  name: name(),
  chainId: ref('Chain'),
  regionCode: regionRef,
  leadDepartment: name().nullish(),
  budget: nonNegative('a budget in 万元').nullish(),
  leaderId: ref('Person').nullish(),
  memberIds: refList('Person')
    .nullish()
    .transform((m) => m ?? []),
});

@InputType({
  description:
    'Changes to a task force; fields left out keep their value. A new chain or region is carried to its libraries and projects.',
})
export class UpdateTaskForceInput {
  @Field(() => ID, { description: 'The task force (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the task force has changed since.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string;

  @Field(() => ID, { nullable: true, description: 'New chain.' })
  chainId?: string;

  @Field(() => String, { nullable: true, description: 'New region.' })
  regionCode?: string;

  @Field(() => String, { nullable: true, description: 'Lead department; null clears it.' })
  leadDepartment?: string | null;

  @Field(() => Float, { nullable: true, description: 'Budget, 万元; null clears it.' })
  budget?: number | null;
}

export const UpdateTaskForceSchema = z.object({
  id: ref('TaskForce'),
  version,
  name: name().optional(),
  chainId: ref('Chain').optional(),
  regionCode: regionRef.optional(),
  leadDepartment: name().nullish(),
  budget: nonNegative('a budget in 万元').nullish(),
});

@InputType({ description: 'A task force to delete.' })
export class DeleteTaskForceInput {
  @Field(() => ID, { description: 'The task force (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the task force has changed since.' })
  version!: number;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Also delete its target libraries. Without it, a task force that owns libraries is refused with CONFLICT.',
  })
  cascade?: boolean | null;
}

export const DeleteTaskForceSchema = z.object({
  id: ref('TaskForce'),
  version,
  cascade: flag()
    .nullish()
    .transform((v) => v ?? false),
});

@InputType({ description: '链长 who leads a task force (replaces the current leader).' })
export class SetChainLeaderInput {
  @Field(() => ID, { description: 'The task force.' })
  taskForceId!: string;

  @Field(() => ID, { description: 'The person who leads it from now on.' })
  personId!: string;

  @Field(() => Int, {
    description: 'The version of the task force you read; CONFLICT if it has changed since.',
  })
  version!: number;
}

export const SetChainLeaderSchema = z.object({
  taskForceId: ref('TaskForce'),
  personId: ref('Person'),
  version,
});

@InputType({ description: 'A person and a task force they join or leave (MEMBER_OF).' })
export class TaskForceMemberInput {
  @Field(() => ID, { description: 'The task force.' })
  taskForceId!: string;

  @Field(() => ID, { description: 'The person.' })
  personId!: string;
}

export const TaskForceMemberSchema = z.object({ taskForceId: ref('TaskForce'), personId: ref('Person') });
