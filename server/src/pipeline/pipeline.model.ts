import { z } from 'zod';
import { optBool, optDate, optInt, optNum, optStr, str } from '../core/models.js';
import { toGlobalId } from '../core/relay.js';
import { EnterpriseModel } from '../enterprise/enterprise.model.js';

/** Project life cycle (全周期): 线索→在谈→签约→注册→开工→投产→达产→入统→入规, or 终止. */
export const PROJECT_STAGES = [
  'LEAD',
  'NEGOTIATING',
  'SIGNED',
  'REGISTERED',
  'STARTED',
  'IN_PRODUCTION',
  'AT_CAPACITY',
  'IN_STATISTICS',
  'ABOVE_SIZE',
  'TERMINATED',
] as const;
export const ProjectStageModel = z.enum(PROJECT_STAGES);
export type ProjectStage = z.infer<typeof ProjectStageModel>;

export const personFields = (v: string) => `${v} { .id, .name, .title, .version }`;

/** A `(:Person)`: a chain leader (链长) or task-force member. */
export const PersonModel = z
  .object({ id: str, name: str, title: optStr, version: optInt })
  .transform(({ id, ...p }) => ({
    __typename: 'Person' as const,
    id: toGlobalId('Person', id),
    key: id,
    ...p,
  }));
export type PersonRecord = z.output<typeof PersonModel>;

export const taskForceFields = (v: string) => `${v} { .id, .name, .leadDepartment, .budget, .version }`;

/** A `(:TaskForce)`, 招商专班. */
export const TaskForceModel = z
  .object({ id: str, name: str, leadDepartment: optStr, budget: optNum, version: optInt })
  .transform(({ id, ...t }) => ({
    __typename: 'TaskForce' as const,
    id: toGlobalId('TaskForce', id),
    key: id,
    ...t,
  }));
export type TaskForceRecord = z.output<typeof TaskForceModel>;

export const targetLibraryFields = (v: string) => `${v} { .id, .name, .version }`;

/** A `(:TargetLibrary)`, 招商目标企业库. */
export const TargetLibraryModel = z
  .object({ id: str, name: str, version: optInt })
  .transform(({ id, ...l }) => ({
    __typename: 'TargetLibrary' as const,
    id: toGlobalId('TargetLibrary', id),
    key: id,
    ...l,
  }));
export type TargetLibraryRecord = z.output<typeof TargetLibraryModel>;

/** `(:TargetLibrary)-[:INCLUDES {priority, reason, ownerId, addedOn}]->(:Enterprise)`. */
export const TargetEntryModel = z.object({
  libraryId: optStr,
  enterprise: EnterpriseModel,
  priority: optInt,
  reason: optStr,
  ownerId: optStr,
  addedOn: optDate,
});
export type TargetEntryRecord = z.output<typeof TargetEntryModel>;

export const projectFields = (v: string) =>
  `${v} { .id, .name, .amount, .industrial, .exportOriented, .stage, stageOn: toString(${v}.stageOn), plannedProductionOn: toString(${v}.plannedProductionOn), .version }`;

/** A `(:Project)`, 招商项目. */
export const ProjectModel = z
  .object({
    id: str,
    name: str,
    amount: optNum,
    industrial: optBool,
    exportOriented: optBool,
    stage: ProjectStageModel,
    stageOn: optDate,
    plannedProductionOn: optDate,
    version: optInt,
  })
  .transform(({ id, ...p }) => ({
    __typename: 'Project' as const,
    id: toGlobalId('Project', id),
    key: id,
    ...p,
  }));
export type ProjectRecord = z.output<typeof ProjectModel>;

export const stageEventFields = (v: string) => `${v} { .seq, .stage, on: toString(${v}.on), .reason, .by }`;

/** A `(:ProjectStageEvent)`: one dated move of a project. */
export const StageEventModel = z.object({
  seq: optInt,
  stage: ProjectStageModel,
  on: optDate,
  reason: optStr,
  by: optStr,
});

export const fundsFields = (v: string) => `${v} { on: toString(${v}.on), .amount }`;

/** A `(:FundsEntry)`: funds in place (到位资金) on a date. */
export const FundsEntryModel = z.object({ on: optDate, amount: optNum });
export type FundsEntryRecord = z.output<typeof FundsEntryModel>;
export type StageEventRecord = z.output<typeof StageEventModel>;

export const kpiFields = (v: string) =>
  `${v} { .id, .year, .anchorProjects, .projects10e, .projects1e, .industrialShare, .newStarts1e, .fundsInPlace, .exportProjects10e, .source, .version }`;

/** A `(:KpiTarget)`: a region's yearly targets (Xianning's annex 1). */
export const KpiTargetModel = z
  .object({
    id: str,
    year: z.number().int(),
    anchorProjects: optInt,
    projects10e: optInt,
    projects1e: optInt,
    industrialShare: optNum,
    newStarts1e: optInt,
    fundsInPlace: optNum,
    exportProjects10e: optInt,
    source: optStr,
    version: optInt,
  })
  .transform(({ id, ...k }) => ({
    __typename: 'KpiTarget' as const,
    id: toGlobalId('KpiTarget', id),
    key: id,
    ...k,
  }));
export type KpiTargetRecord = z.output<typeof KpiTargetModel>;
