import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { day, flag, freeText, name, newKey, ref, regionRef, version } from '../core/inputs.js';
import { ProjectStageModel } from './pipeline.model.js';
import { ProjectStage } from './pipeline.type.js';

// Inputs of the project mutations (招商项目 and its stage moves), with zod schemas.

const amount = z
  .number({ error: 'must be an amount in 亿元' })
  .gt(0, 'must be above 0 (亿元)')
  .max(100_000, 'must be at most 100000 亿元');
const linkIds = z
  .array(ref('Link'), { error: 'must be a list of link ids' })
  .min(1, 'must name at least one link the project fills')
  .max(20, 'must hold at most 20 links')
  .transform((ids) => [...new Set(ids)]);

@InputType({ description: '立项 a new project; it starts at 线索 (LEAD), dated today.' })
export class CreateProjectInput {
  @Field(() => String, { nullable: true, description: 'Its id; generated (`pj-…`) when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Name, e.g. 宁德时代赤壁动力电池项目.' })
  name!: string;

  @Field(() => ID, { description: '企业 the investing enterprise (BY).' })
  enterpriseId!: string;

  @Field(() => String, { description: '地区 where it lands (IN_REGION), e.g. 421281.' })
  regionCode!: string;

  @Field(() => [ID], { description: '环节 the links it fills or strengthens (FILLS), at least one.' })
  linkIds!: string[];

  @Field(() => ID, {
    description: '招商专班 the task force handling it (HANDLED_BY); its chain is the project’s.',
  })
  taskForceId!: string;

  @Field(() => Float, { description: 'Investment amount, 亿元 (above 0).' })
  amount!: number;

  @Field(() => Boolean, { description: '工业项目 an industrial project.' })
  industrial!: boolean;

  @Field(() => Boolean, { description: '外向型 export-oriented.' })
  exportOriented!: boolean;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Planned start of production (计划投产).' })
  plannedProductionOn?: string | null;
}

export const CreateProjectSchema = z.object({
  id: newKey.nullish(),
  name: name(200),
  enterpriseId: ref('Enterprise'),
  regionCode: regionRef,
  linkIds,
  taskForceId: ref('TaskForce'),
  amount,
  industrial: flag(),
  exportOriented: flag(),
  plannedProductionOn: day.nullish(),
});

@InputType({
  description:
    'Changes to a project; fields left out keep their value. The stage changes only through `moveProjectStage`.',
})
export class UpdateProjectInput {
  @Field(() => ID, { description: 'The project (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the project has changed since.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string;

  @Field(() => ID, { nullable: true, description: 'Another investing enterprise.' })
  enterpriseId?: string;

  @Field(() => String, { nullable: true, description: 'Another region.' })
  regionCode?: string;

  @Field(() => [ID], { nullable: true, description: 'The links it fills, replacing the old ones.' })
  linkIds?: string[];

  @Field(() => ID, { nullable: true, description: 'Hand it to another task force (项目流转).' })
  taskForceId?: string;

  @Field(() => Float, { nullable: true, description: 'Amount, 亿元.' })
  amount?: number;

  @Field(() => Boolean, { nullable: true, description: 'Industrial or not.' })
  industrial?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Export-oriented or not.' })
  exportOriented?: boolean;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Planned start of production; null clears it.',
  })
  plannedProductionOn?: string | null;
}

export const UpdateProjectSchema = z.object({
  id: ref('Project'),
  version,
  name: name(200).optional(),
  enterpriseId: ref('Enterprise').optional(),
  regionCode: regionRef.optional(),
  linkIds: linkIds.optional(),
  taskForceId: ref('TaskForce').optional(),
  amount: amount.optional(),
  industrial: flag().optional(),
  exportOriented: flag().optional(),
  plannedProductionOn: day.nullish(),
});

@InputType({ description: 'A project to delete, with its stage history and funds.' })
export class DeleteProjectInput {
  @Field(() => ID, { description: 'The project (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the project has changed since.' })
  version!: number;
}

export const DeleteProjectSchema = z.object({ id: ref('Project'), version });

@InputType({
  description:
    '推进/终止 move a project along its life cycle: forward one or more stages (skipping ahead is allowed, going back is not), or to TERMINATED with a reason from any stage that is not final (ABOVE_SIZE and TERMINATED are final).',
})
export class MoveProjectStageInput {
  @Field(() => ID, { description: 'The project (id or global id).' })
  projectId!: string;

  @Field(() => ProjectStage, { description: 'The stage reached: a later one, or TERMINATED.' })
  stage!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'When (default today, China time); not in the future, not before the previous move.',
  })
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'Why; required for TERMINATED.' })
  reason?: string | null;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the project has changed since.' })
  version!: number;
}

export const MoveProjectStageSchema = z.object({
  projectId: ref('Project'),
  stage: ProjectStageModel,
  on: day.nullish(),
  reason: freeText(500).nullish(),
  version,
});
