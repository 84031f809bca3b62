import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { runMutation } from '../core/mutation.js';
import { Deletion, INPUT_ARG, type DeletionRecord } from '../core/mutation.type.js';
import type { TargetEntryRecord, TargetLibraryRecord } from './pipeline.model.js';
import { TargetLibrary, TargetLibraryEntry } from './pipeline.type.js';
import {
  AddLibraryEntryInput,
  CreateTargetLibraryInput,
  DeleteTargetLibraryInput,
  RemoveLibraryEntryInput,
  UpdateLibraryEntryInput,
  UpdateTargetLibraryInput,
} from './target-library.input.js';
import * as write from './target-library.write.service.js';

@Resolver()
export class TargetLibraryMutationResolver {
  @Mutation(() => TargetLibrary, { description: 'Create a target library owned by a task force.' })
  createTargetLibrary(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTargetLibraryInput, INPUT_ARG) input: CreateTargetLibraryInput,
  ): Promise<TargetLibraryRecord> {
    return runMutation(ctx, write.createTargetLibrary, input);
  }

  @Mutation(() => TargetLibrary, {
    description:
      'Rename a target library or hand it to another task force (optimistic: pass the version you read).',
  })
  updateTargetLibrary(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateTargetLibraryInput, INPUT_ARG) input: UpdateTargetLibraryInput,
  ): Promise<TargetLibraryRecord> {
    return runMutation(ctx, write.updateTargetLibrary, input);
  }

  @Mutation(() => Deletion, { description: 'Delete a target library with its entries.' })
  deleteTargetLibrary(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteTargetLibraryInput, INPUT_ARG) input: DeleteTargetLibraryInput,
  ): Promise<DeletionRecord> {
    return runMutation(ctx, write.deleteTargetLibrary, input);
  }

  @Mutation(() => TargetLibraryEntry, {
    description:
      '加入目标库 add an enterprise to a target library, dated today; returns the entry (its `library` lists every entry). CONFLICT if it is included already.',
  })
  addLibraryEntry(
    @Ctx() ctx: Context,
    @Arg('input', () => AddLibraryEntryInput, INPUT_ARG) input: AddLibraryEntryInput,
  ): Promise<TargetEntryRecord> {
    return runMutation(ctx, write.addLibraryEntry, input);
  }

  @Mutation(() => TargetLibraryEntry, {
    description:
      'Change the priority, reason or owner of a library entry. NOT_FOUND if the firm is not in the library.',
  })
  updateLibraryEntry(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateLibraryEntryInput, INPUT_ARG) input: UpdateLibraryEntryInput,
  ): Promise<TargetEntryRecord> {
    return runMutation(ctx, write.updateLibraryEntry, input);
  }

  @Mutation(() => TargetLibrary, {
    description:
      '移出目标库 take an enterprise out of a target library; returns the library. NOT_FOUND if it is not in it.',
  })
  removeLibraryEntry(
    @Ctx() ctx: Context,
    @Arg('input', () => RemoveLibraryEntryInput, INPUT_ARG) input: RemoveLibraryEntryInput,
  ): Promise<TargetLibraryRecord> {
    return runMutation(ctx, write.removeLibraryEntry, input);
  }
}
