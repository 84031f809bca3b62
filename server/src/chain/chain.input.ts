import { Field, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { flag, freeText, name, newKey, ref, version } from '../core/inputs.js';
import { LinkStageModel } from './chain.model.js';
import { LinkStage } from './chain.type.js';

// Inputs of the chain mutations (chains, links, SUPPLIES between links), each with its zod schema.

const shenwan = z
  .array(
    z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be a six-digit Shenwan 2021 code, e.g. 630702'),
  )
  .max(20, 'must hold at most 20 codes')
  .transform((c) => [...new Set(c)]);
const gbt4754 = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[A-T]\d{2,4}$/, 'must be a GB/T 4754 code, e.g. C3841'),
  )
  .max(20, 'must hold at most 20 codes')
  .transform((c) => [...new Set(c)]);
const cascade = flag()
  .nullish()
  .transform((v) => v ?? false);

@InputType({ description: 'A new industry chain (产业链).' })
export class CreateChainInput {
  @Field(() => String, { description: 'Its id, e.g. `nev`: letters, digits, dots, dashes; must be unused.' })
  id!: string;

  @Field(() => String, { description: 'Name, e.g. 新能源汽车.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the chain covers.' })
  description?: string | null;
}

export const CreateChainSchema = z.object({
  id: newKey,
  name: name(),
  description: freeText().nullish(),
});

@InputType({ description: 'Changes to a chain; fields left out keep their value.' })
export class UpdateChainInput {
  @Field(() => ID, { description: 'The chain (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the chain has changed since.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New description; null clears it.' })
  description?: string | null;
}

export const UpdateChainSchema = z.object({
  id: ref('Chain'),
  version,
  name: name().optional(),
  description: freeText().nullish(),
});

@InputType({ description: 'A chain to delete.' })
export class DeleteChainInput {
  @Field(() => ID, { description: 'The chain (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the chain has changed since.' })
  version!: number;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Also delete its links (and their enterprises’ assignments to them). Without it, a chain that has links is refused with CONFLICT.',
  })
  cascade?: boolean | null;
}

export const DeleteChainSchema = z.object({ id: ref('Chain'), version, cascade });

@InputType({ description: 'A new link (环节) of a chain.' })
export class CreateLinkInput {
  @Field(() => String, {
    nullable: true,
    description: 'Its id, e.g. `nev.cathode`; by default `<chain id>.` and a generated suffix.',
  })
  id?: string | null;

  @Field(() => ID, { description: 'The chain it belongs to (id or global id).' })
  chainId!: string;

  @Field(() => String, { description: 'Name, e.g. 正极材料.' })
  name!: string;

  @Field(() => LinkStage, { description: '上游/中游/下游 stage on the chain.' })
  stage!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: '关键环节 a key link (default false).',
  })
  isKey?: boolean | null;

  @Field(() => String, { nullable: true, description: 'What the link covers.' })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Parent link, for a sub-link (PART_OF); must be on the same chain.',
  })
  parentId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Shenwan 2021 (申万) industry codes (MAPS_TO).' })
  shenwan?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'GB/T 4754 national industry codes.' })
  gbt4754?: string[] | null;
}

export const CreateLinkSchema = z.object({
  id: newKey.nullish(),
  chainId: ref('Chain'),
  name: name(),
  stage: LinkStageModel,
  isKey: flag()
    .nullish()
    .transform((v) => v ?? false),
  description: freeText().nullish(),
  parentId: ref('Link').nullish(),
  shenwan: shenwan.nullish().transform((v) => v ?? []),
  gbt4754: gbt4754.nullish().transform((v) => v ?? []),
});

@InputType({
  description: 'Changes to a link; fields left out keep their value. A link stays on its chain.',
})
export class UpdateLinkInput {
  @Field(() => ID, { description: 'The link (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the link has changed since.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string;

  @Field(() => LinkStage, { nullable: true, description: 'New stage.' })
  stage?: string;

  @Field(() => Boolean, { nullable: true, description: '关键环节 key link or not.' })
  isKey?: boolean;

  @Field(() => String, { nullable: true, description: 'New description; null clears it.' })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'New parent link on the same chain (not the link itself or one of its sub-links); null makes it a top link.',
  })
  parentId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Shenwan codes, replacing the old ones.' })
  shenwan?: string[];

  @Field(() => [String], { nullable: true, description: 'GB/T 4754 codes, replacing the old ones.' })
  gbt4754?: string[];
}

export const UpdateLinkSchema = z.object({
  id: ref('Link'),
  version,
  name: name().optional(),
  stage: LinkStageModel.optional(),
  isKey: flag().optional(),
  description: freeText().nullish(),
  parentId: ref('Link').nullish(),
  shenwan: shenwan.optional(),
  gbt4754: gbt4754.optional(),
});

@InputType({ description: 'A link to delete.' })
export class DeleteLinkInput {
  @Field(() => ID, { description: 'The link (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if the link has changed since.' })
  version!: number;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Also delete its sub-links. Without it, a link that has sub-links is refused with CONFLICT.',
  })
  cascade?: boolean | null;
}

export const DeleteLinkSchema = z.object({ id: ref('Link'), version, cascade });

@InputType({
  description: 'A SUPPLIES edge: the upstream link supplies the downstream one (across chains too).',
})
export class LinkSuppliesInput {
  @Field(() => ID, { description: 'The upstream (supplying) link.' })
  fromId!: string;

  @Field(() => ID, { description: 'The downstream (supplied) link.' })
  toId!: string;
}

export const LinkSuppliesSchema = z
  .object({ fromId: ref('Link'), toId: ref('Link') })
  .refine((s) => s.fromId !== s.toId, { path: ['toId'], message: 'a link cannot supply itself' });
