import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { count, freeText, nonNegative, ref, regionRef, version } from '../core/inputs.js';

// Inputs of the KPI-target mutations (考核目标), with zod schemas.

@InputType({
  description:
    "考核目标 a region's targets for a year (Xianning's annex 1). Creates them, or changes them when the region has targets for that year already (then `version` is required); metrics left out keep their value, null clears one.",
})
export class SetKpiTargetInput {
  @Field(() => String, { description: '地区 the region, e.g. 421200.' })
  regionCode!: string;

  @Field(() => Int, { description: 'The year, e.g. 2026.' })
  year!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version you read, when the targets exist; CONFLICT if they changed since (or if you pass none).',
  })
  version?: number | null;

  @Field(() => Int, { nullable: true, description: '500强/上市公司/行业龙头 projects to land.' })
  anchorProjects?: number | null;

  @Field(() => Int, { nullable: true, description: 'Projects of 10亿元 or more.' })
  projects10e?: number | null;

  @Field(() => Int, { nullable: true, description: 'Projects of 1亿元 or more.' })
  projects1e?: number | null;

  @Field(() => Float, { nullable: true, description: '工业项目占比 industrial share, 0–1.' })
  industrialShare?: number | null;

  @Field(() => Int, { nullable: true, description: 'New starts (新开工) of 1亿元 or more.' })
  newStarts1e?: number | null;

  @Field(() => Float, { nullable: true, description: '到位资金 funds in place, 亿元.' })
  fundsInPlace?: number | null;

  @Field(() => Int, { nullable: true, description: 'Export-oriented (外向型) projects of 10亿元 or more.' })
  exportProjects10e?: number | null;

  @Field(() => String, { nullable: true, description: 'The document the targets come from.' })
  source?: string | null;
}

export const SetKpiTargetSchema = z.object({
  regionCode: regionRef,
  year: z.number().int('must be a year').min(2000, 'must be 2000–2100').max(2100, 'must be 2000–2100'),
  version: version.nullish(),
  anchorProjects: count().nullish(),
  projects10e: count().nullish(),
  projects1e: count().nullish(),
  industrialShare: z.number().min(0, 'must be a share, 0–1').max(1, 'must be a share, 0–1').nullish(),
  newStarts1e: count().nullish(),
  fundsInPlace: nonNegative('an amount in 亿元').nullish(),
  exportProjects10e: count().nullish(),
  source: freeText(500).nullish(),
});

/** The integer metrics (stored as Neo4j integers). */
export const KPI_COUNTS = ['anchorProjects', 'projects10e', 'projects1e', 'newStarts1e', 'exportProjects10e'];

@InputType({ description: 'KPI targets to delete.' })
export class DeleteKpiTargetInput {
  @Field(() => ID, { description: 'The targets (id or global id).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT if they have changed since.' })
  version!: number;
}

export const DeleteKpiTargetSchema = z.object({ id: ref('KpiTarget'), version });
