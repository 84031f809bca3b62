import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { runMutation } from '../core/mutation.js';
import { Deletion, INPUT_ARG, type DeletionRecord } from '../core/mutation.type.js';
import {
  DeleteContactInput,
  LogContactInput,
  RecordFundsInput,
  ReviseProjectAmountInput,
  SetDutyTargetInput,
} from './contact.input.js';
import type { ContactRecord, DutyTargetRecord } from './contact.model.js';
import { Contact, DutyTarget } from './contact.type.js';
import * as write from './contact.write.service.js';
import type { ProjectRecord } from './pipeline.model.js';
import { Project } from './pipeline.type.js';

@Resolver()
export class TrackingMutationResolver {
  @Mutation(() => Contact, {
    description:
      '记录走访 log a contact (visit, reception, meeting, call, event) of a task force with an enterprise.',
  })
  logContact(
    @Ctx() ctx: Context,
    @Arg('input', () => LogContactInput, INPUT_ARG) input: LogContactInput,
  ): Promise<ContactRecord> {
    return runMutation(ctx, write.logContact, input);
  }

  @Mutation(() => Deletion, { description: 'Delete a contact logged by mistake.' })
  deleteContact(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteContactInput, INPUT_ARG) input: DeleteContactInput,
  ): Promise<DeletionRecord> {
    return runMutation(ctx, write.deleteContact, input);
  }

  @Mutation(() => DutyTarget, {
    description:
      "领导责任目标 set a leader's duties for a year (trips out, projects planned of a minimum size).",
  })
  setDutyTarget(
    @Ctx() ctx: Context,
    @Arg('input', () => SetDutyTargetInput, INPUT_ARG) input: SetDutyTargetInput,
  ): Promise<DutyTargetRecord> {
    return runMutation(ctx, write.setDutyTarget, input);
  }

  @Mutation(() => Project, {
    description:
      '到位资金 record funds in place for a project on a date (a negative amount corrects an earlier entry).',
  })
  recordFunds(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordFundsInput, INPUT_ARG) input: RecordFundsInput,
  ): Promise<ProjectRecord> {
    return runMutation(ctx, write.recordFunds, input);
  }

  @Mutation(() => Project, {
    description:
      '调整投资额 revise a project’s amount from a date on (dated, so earlier reports keep theirs).',
  })
  reviseProjectAmount(
    @Ctx() ctx: Context,
    @Arg('input', () => ReviseProjectAmountInput, INPUT_ARG) input: ReviseProjectAmountInput,
  ): Promise<ProjectRecord> {
    return runMutation(ctx, write.reviseProjectAmount, input);
  }
}
