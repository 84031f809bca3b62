import { Field, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { freeText, name, newKey, ref, version } from '../core/inputs.js';

// Inputs of the target-library mutations (招商目标企业库 and its entries), with zod schemas.

const priority = z
  .number({ error: 'must be 1, 2 or 3' })
  .int('must be 1, 2 or 3')
  .min(1, 'must be 1 (highest), 2 or 3')
  .max(3, 'must be 1 (highest), 2 or 3');
const reason = freeText(500);

@InputType({ description: 'A new target library, owned by a task force.' })
export class CreateTargetLibraryInput {
  @Field(() => String, { nullable: true, description: 'Its id; generated (`tl-…`) when left out.' })
  id?: string | null;

  @Field(() => ID, { description: '招商专班 the task force that owns it (OWNS).' })
  taskForceId!: string;

  @Field(() => String, { description: 'Name, e.g. 咸宁大健康目标企业库.' })
  name!: string;
}

export const CreateTargetLibrarySchema = z.object({
  id: newKey.nullish(),
  taskForceId: ref('TaskForce'),
  name: name(),
});

@InputType({ description: 'Changes to a target library; fields left out keep their value.' })
export class UpdateTargetLibraryInput {
  @Field(() => ID, { description: 'The library (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the library has changed since.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string;

  @Field(() => ID, { nullable: true, description: 'Hand it to another task force.' })
  taskForceId?: string;
}

export const UpdateTargetLibrarySchema = z.object({
  id: ref('TargetLibrary'),
  version,
  name: name().optional(),
  taskForceId: ref('TaskForce').optional(),
});

@InputType({ description: 'A target library to delete, with its entries.' })
export class DeleteTargetLibraryInput {
  @Field(() => ID, { description: 'The library (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the library has changed since.' })
  version!: number;
}

export const DeleteTargetLibrarySchema = z.object({ id: ref('TargetLibrary'), version });

@InputType({ description: '加入目标库: an enterprise to court, added to a target library (INCLUDES).' })
export class AddLibraryEntryInput {
  @Field(() => ID, { description: 'The library (id or global id).' })
  libraryId!: string;

  @Field(() => ID, { description: 'The enterprise (id or global id).' })
  enterpriseId!: string;

  @Field(() => Int, { description: 'Priority: 1 highest – 3.' })
  priority!: number;

  @Field(() => String, { description: 'Why it is a target, e.g. 补链：正极材料.' })
  reason!: string;

  @Field(() => ID, {
    nullable: true,
    description: '首谈负责人 the person who follows it up (a Person id).',
  })
  ownerId?: string | null;
}

export const AddLibraryEntrySchema = z.object({
  libraryId: ref('TargetLibrary'),
  enterpriseId: ref('Enterprise'),
  priority,
  reason: reason.pipe(z.string({ error: 'must not be empty' })),
  ownerId: ref('Person').nullish(),
});

@InputType({ description: 'Changes to a library entry; fields left out keep their value.' })
export class UpdateLibraryEntryInput {
  @Field(() => ID, { description: 'The library.' })
  libraryId!: string;

  @Field(() => ID, { description: 'The enterprise.' })
  enterpriseId!: string;

  @Field(() => Int, { nullable: true, description: 'New priority, 1–3.' })
  priority?: number;

  @Field(() => String, { nullable: true, description: 'New reason.' })
  reason?: string;

  @Field(() => ID, { nullable: true, description: 'New owner (a Person id); null clears it.' })
  ownerId?: string | null;
}

export const UpdateLibraryEntrySchema = z.object({
  libraryId: ref('TargetLibrary'),
  enterpriseId: ref('Enterprise'),
  priority: priority.optional(),
  reason: reason.pipe(z.string({ error: 'must not be empty' })).optional(),
  ownerId: ref('Person').nullish(),
});

@InputType({ description: 'An enterprise to take out of a target library.' })
export class RemoveLibraryEntryInput {
  @Field(() => ID, { description: 'The library.' })
  libraryId!: string;

  @Field(() => ID, { description: 'The enterprise.' })
  enterpriseId!: string;
}

export const RemoveLibraryEntrySchema = z.object({
  libraryId: ref('TargetLibrary'),
  enterpriseId: ref('Enterprise'),
});
