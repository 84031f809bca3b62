import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { runMutation } from '../core/mutation.js';
import { Deletion, INPUT_ARG, type DeletionRecord } from '../core/mutation.type.js';
import { DeleteKpiTargetInput, SetKpiTargetInput } from './kpi.input.js';
import * as write from './kpi.write.service.js';
import type { KpiTargetRecord } from './pipeline.model.js';
import { KpiTarget } from './pipeline.type.js';

@Resolver()
export class KpiTargetMutationResolver {
  @Mutation(() => KpiTarget, {
    description:
      "考核目标 set a region's targets for a year: creates them (id `kpi-<region>-<year>`), or changes the existing ones given the version you read.",
  })
  setKpiTarget(
    @Ctx() ctx: Context,
    @Arg('input', () => SetKpiTargetInput, INPUT_ARG) input: SetKpiTargetInput,
  ): Promise<KpiTargetRecord> {
    return runMutation(ctx, write.setKpiTarget, input);
  }

  @Mutation(() => Deletion, { description: 'Delete KPI targets.' })
  deleteKpiTarget(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteKpiTargetInput, INPUT_ARG) input: DeleteKpiTargetInput,
  ): Promise<DeletionRecord> {
    return runMutation(ctx, write.deleteKpiTarget, input);
  }
}
