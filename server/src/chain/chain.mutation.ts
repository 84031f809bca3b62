import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { runMutation } from '../core/mutation.js';
import { Deletion, INPUT_ARG, type DeletionRecord } from '../core/mutation.type.js';
import {
  CreateChainInput,
  CreateLinkInput,
  DeleteChainInput,
  DeleteLinkInput,
  LinkSuppliesInput,
  UpdateChainInput,
  UpdateLinkInput,
} from './chain.input.js';
import type { ChainRecord, LinkRecord } from './chain.model.js';
import { Chain, Link } from './chain.type.js';
import * as write from './chain.write.service.js';

@Resolver()
export class ChainMutationResolver {
  @Mutation(() => Chain, { description: '新建产业链 create a chain. CONFLICT if the id is taken.' })
  createChain(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateChainInput, INPUT_ARG) input: CreateChainInput,
  ): Promise<ChainRecord> {
    return runMutation(ctx, write.createChain, input);
  }

  @Mutation(() => Chain, {
    description: 'Change a chain’s name or description (optimistic: pass the version you read).',
  })
  updateChain(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateChainInput, INPUT_ARG) input: UpdateChainInput,
  ): Promise<ChainRecord> {
    return runMutation(ctx, write.updateChain, input);
  }

  @Mutation(() => Deletion, {
    description:
      'Delete a chain. Refused (CONFLICT) while task forces work it or projects fill its links, and while it has links unless `cascade: true`.',
  })
  deleteChain(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteChainInput, INPUT_ARG) input: DeleteChainInput,
  ): Promise<DeletionRecord> {
    return runMutation(ctx, write.deleteChain, input);
  }

  @Mutation(() => Link, {
    description: '新建环节 add a link to a chain, optionally as a sub-link of another.',
  })
  createLink(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateLinkInput, INPUT_ARG) input: CreateLinkInput,
  ): Promise<LinkRecord> {
    return runMutation(ctx, write.createLink, input);
  }

  @Mutation(() => Link, { description: 'Change a link (optimistic: pass the version you read).' })
  updateLink(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateLinkInput, INPUT_ARG) input: UpdateLinkInput,
  ): Promise<LinkRecord> {
    return runMutation(ctx, write.updateLink, input);
  }

  @Mutation(() => Deletion, {
    description:
      'Delete a link; enterprises’ assignments to it go with it. Refused (CONFLICT) while projects fill it, and while it has sub-links unless `cascade: true`.',
  })
  deleteLink(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteLinkInput, INPUT_ARG) input: DeleteLinkInput,
  ): Promise<DeletionRecord> {
    return runMutation(ctx, write.deleteLink, input);
  }

  @Mutation(() => Link, {
    description:
      'Record that one link supplies another (SUPPLIES); returns the upstream link. CONFLICT if recorded already.',
  })
  addSupplies(
    @Ctx() ctx: Context,
    @Arg('input', () => LinkSuppliesInput, INPUT_ARG) input: LinkSuppliesInput,
  ): Promise<LinkRecord> {
    return runMutation(ctx, write.addSupplies, input);
  }

  @Mutation(() => Link, {
    description: 'Remove a SUPPLIES edge; returns the upstream link. NOT_FOUND if there is none.',
  })
  removeSupplies(
    @Ctx() ctx: Context,
    @Arg('input', () => LinkSuppliesInput, INPUT_ARG) input: LinkSuppliesInput,
  ): Promise<LinkRecord> {
    return runMutation(ctx, write.removeSupplies, input);
  }
}
