import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context.js';
import { TargetLibraryFilter } from './pipeline.input.js';
import type {
  PersonRecord,
  TargetEntryRecord,
  TargetLibraryRecord,
  TaskForceRecord,
} from './pipeline.model.js';
import { listTargetLibraries } from './pipeline.service.js';
import { Person, TargetLibrary, TargetLibraryEntry, TaskForce } from './pipeline.type.js';

@Resolver(() => TargetLibrary)
export class TargetLibraryResolver {
  @Query(() => [TargetLibrary], {
    description:
      '招商目标企业库 target libraries, by the chain and region of the task force that owns them; by name.',
  })
  targetLibraries(
    @Ctx() ctx: Context,
    @Arg('filter', () => TargetLibraryFilter, {
      nullable: true,
      description: 'All given conditions must hold.',
    })
    filter: TargetLibraryFilter | null,
  ): Promise<TargetLibraryRecord[]> {
    return listTargetLibraries(ctx, filter);
  }

  @FieldResolver(() => TaskForce, {
    nullable: true,
    description: '招商专班 the task force that owns it (OWNS).',
  })
  taskForce(@Ctx() ctx: Context, @Root() l: TargetLibraryRecord): Promise<TaskForceRecord | null> {
    return ctx.loaders.libraryTaskForce.load(l.key);
  }

  @FieldResolver(() => [TargetLibraryEntry], {
    description: 'The target enterprises (INCLUDES), highest priority first, then most recently added.',
  })
  entries(@Ctx() ctx: Context, @Root() l: TargetLibraryRecord): Promise<TargetEntryRecord[]> {
    return ctx.loaders.libraryEntries.load(l.key);
  }
}

@Resolver(() => TargetLibraryEntry)
export class TargetLibraryEntryResolver {
  @FieldResolver(() => TargetLibrary, {
    nullable: true,
    description: '招商目标企业库 the library the entry belongs to.',
  })
  library(@Ctx() ctx: Context, @Root() entry: TargetEntryRecord): Promise<TargetLibraryRecord | null> | null {
    return entry.libraryId ? ctx.loaders.targetLibrary.load(entry.libraryId) : null;
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: '首谈负责人 the person who follows the firm up; null if `ownerId` names no person.',
  })
  owner(@Ctx() ctx: Context, @Root() entry: TargetEntryRecord): Promise<PersonRecord | null> | null {
    return entry.ownerId ? ctx.loaders.person.load(entry.ownerId) : null;
  }
}
