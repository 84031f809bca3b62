import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { runMutation } from '../core/mutation.js';
import { Deletion, INPUT_ARG, type DeletionRecord } from '../core/mutation.type.js';
import {
  AssignEnterpriseInput,
  CreateEnterpriseInput,
  DeleteEnterpriseInput,
  EnterpriseRelationInput,
  EnterpriseRelationKeyInput,
  UnassignEnterpriseInput,
  UpdateEnterpriseInput,
} from './enterprise.input.js';
import type { EnterpriseRecord } from './enterprise.model.js';
import { Enterprise } from './enterprise.type.js';
import * as write from './enterprise.write.service.js';

@Resolver()
export class EnterpriseMutationResolver {
  @Mutation(() => Enterprise, {
    description: '新增企业 create an enterprise. CONFLICT if its id, stock code or credit code is taken.',
  })
  createEnterprise(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateEnterpriseInput, INPUT_ARG) input: CreateEnterpriseInput,
  ): Promise<EnterpriseRecord> {
    return runMutation(ctx, write.createEnterprise, input);
  }

  @Mutation(() => Enterprise, {
    description:
      'Change an enterprise (optimistic: pass the version you read). A new region rewrites its province/city/county codes.',
  })
  updateEnterprise(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateEnterpriseInput, INPUT_ARG) input: UpdateEnterpriseInput,
  ): Promise<EnterpriseRecord> {
    return runMutation(ctx, write.updateEnterprise, input);
  }

  @Mutation(() => Deletion, {
    description:
      'Delete an enterprise with its links, ties and library entries. Refused (CONFLICT, naming them) while projects are by it.',
  })
  deleteEnterprise(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteEnterpriseInput, INPUT_ARG) input: DeleteEnterpriseInput,
  ): Promise<DeletionRecord> {
    return runMutation(ctx, write.deleteEnterprise, input);
  }

  @Mutation(() => Enterprise, {
    description:
      'Place an enterprise on a link (OPERATES_IN) with a source and confidence, or change them if it is there already; returns the enterprise.',
  })
  assignEnterpriseToLink(
    @Ctx() ctx: Context,
    @Arg('input', () => AssignEnterpriseInput, INPUT_ARG) input: AssignEnterpriseInput,
  ): Promise<EnterpriseRecord> {
    return runMutation(ctx, write.assignEnterpriseToLink, input);
  }

  @Mutation(() => Enterprise, {
    description: 'Take an enterprise off a link; returns the enterprise. NOT_FOUND if it is not on it.',
  })
  unassignEnterpriseFromLink(
    @Ctx() ctx: Context,
    @Arg('input', () => UnassignEnterpriseInput, INPUT_ARG) input: UnassignEnterpriseInput,
  ): Promise<EnterpriseRecord> {
    return runMutation(ctx, write.unassignEnterpriseFromLink, input);
  }

  @Mutation(() => Enterprise, {
    description:
      'Record a tie (SUPPLIES_TO, or INVESTS_IN with a share); returns the first firm. CONFLICT if recorded already.',
  })
  addEnterpriseRelation(
    @Ctx() ctx: Context,
    @Arg('input', () => EnterpriseRelationInput, INPUT_ARG) input: EnterpriseRelationInput,
  ): Promise<EnterpriseRecord> {
    return runMutation(ctx, write.addEnterpriseRelation, input);
  }

  @Mutation(() => Enterprise, {
    description:
      'Change the share of an INVESTS_IN tie; returns the first firm. NOT_FOUND if there is no such tie.',
  })
  updateEnterpriseRelation(
    @Ctx() ctx: Context,
    @Arg('input', () => EnterpriseRelationInput, INPUT_ARG) input: EnterpriseRelationInput,
  ): Promise<EnterpriseRecord> {
    return runMutation(ctx, write.updateEnterpriseRelation, input);
  }

  @Mutation(() => Enterprise, {
    description: 'Remove a tie; returns the first firm. NOT_FOUND if there is no such tie.',
  })
  removeEnterpriseRelation(
    @Ctx() ctx: Context,
    @Arg('input', () => EnterpriseRelationKeyInput, INPUT_ARG) input: EnterpriseRelationKeyInput,
  ): Promise<EnterpriseRecord> {
    return runMutation(ctx, write.removeEnterpriseRelation, input);
  }
}
