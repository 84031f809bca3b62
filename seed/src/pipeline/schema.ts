import { z } from 'zod';

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
export const ProjectStage = z.enum(PROJECT_STAGES);

const day = z.iso.date();
const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/i, 'ids are letters, digits, dots and dashes');

export const PipelineFile = z.strictObject({
  note: z.string().optional(),
  people: z.array(z.strictObject({ id, name: z.string().min(2), title: z.string().min(2) })),
  taskForces: z.array(
    z.strictObject({
      id,
      name: z.string().min(2),
      chainId: z.string(),
      regionCode: z.string(),
      leaderId: z.string(),
      leadDepartment: z.string().min(2),
      /** 万元 */
      budget: z.number().nonnegative(),
      memberIds: z.array(z.string()),
    }),
  ),
  targetLibraries: z.array(
    z.strictObject({
      id,
      taskForceId: z.string(),
      name: z.string().min(2),
      entries: z.array(
        z.strictObject({
          enterpriseId: z.string(),
          priority: z.number().int().min(1).max(3),
          reason: z.string().min(2),
          ownerId: z.string(),
          addedOn: day,
        }),
      ),
    }),
  ),
  projects: z.array(
    z.strictObject({
      id,
      name: z.string().min(2),
      enterpriseId: z.string(),
      regionCode: z.string(),
      linkIds: z.array(z.string()).min(1),
      taskForceId: z.string(),
      /** 亿元 */
      amount: z.number().positive(),
      industrial: z.boolean(),
      exportOriented: z.boolean(),
      plannedProductionOn: day.optional(),
      history: z
        .array(z.strictObject({ stage: ProjectStage, on: day, reason: z.string().optional() }))
        .min(1),
      funds: z.array(z.strictObject({ on: day, amount: z.number().positive() })),
      /** Dated amounts (亿元), the first the amount entered with; default one entry at the first move. */
      amounts: z
        .array(z.strictObject({ on: day, amount: z.number().positive(), reason: z.string().optional() }))
        .min(1)
        .optional(),
    }),
  ),
  kpiTargets: z.array(
    z.strictObject({
      id,
      regionCode: z.string(),
      year: z.number().int().min(2000).max(2100),
      anchorProjects: z.number().int().nonnegative(),
      projects10e: z.number().int().nonnegative(),
      projects1e: z.number().int().nonnegative(),
      industrialShare: z.number().min(0).max(1),
      newStarts1e: z.number().int().nonnegative(),
      fundsInPlace: z.number().nonnegative(),
      exportProjects10e: z.number().int().nonnegative(),
      source: z.string(),
    }),
  ),
  /** Leaders' duty targets (领导责任目标). */
  dutyTargets: z
    .array(
      z.strictObject({
        id,
        personId: z.string(),
        year: z.number().int().min(2000).max(2100),
        tripsOut: z.number().int().nonnegative(),
        projectsPlanned: z.number().int().nonnegative(),
        plannedMinAmount: z.number().nonnegative(),
        source: z.string(),
      }),
    )
    .default([]),
  /** Contacts and visits (走访/洽谈记录) of the task forces. */
  contacts: z
    .array(
      z.strictObject({
        id,
        taskForceId: z.string(),
        personId: z.string(),
        enterpriseId: z.string(),
        on: day,
        kind: z.enum(['VISIT', 'RECEPTION', 'MEETING', 'CALL', 'EVENT']),
        tripOut: z.boolean(),
        place: z.string().optional(),
        note: z.string(),
        nextStep: z.string().optional(),
      }),
    )
    .default([]),
});
export type PipelineFile = z.infer<typeof PipelineFile>;
