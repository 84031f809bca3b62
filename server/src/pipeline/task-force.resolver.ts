import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ChainRecord } from '../chain/chain.model.js';
import { Chain } from '../chain/chain.type.js';
import type { Context } from '../core/context.js';
import type { RegionRecord } from '../region/region.model.js';
import { Region } from '../region/region.type.js';
import type { PersonRecord, ProjectRecord, TargetLibraryRecord, TaskForceRecord } from './pipeline.model.js';
import { Person, Project, TargetLibrary, TaskForce } from './pipeline.type.js';

@Resolver(() => TaskForce)
export class TaskForceResolver {
  @FieldResolver(() => Chain, { nullable: true, description: '产业链 the chain it works (FOR_CHAIN).' })
  chain(@Ctx() ctx: Context, @Root() t: TaskForceRecord): Promise<ChainRecord | null> {
    return ctx.loaders.taskForceChain.load(t.key);
  }

  @FieldResolver(() => Region, { nullable: true, description: '地区 the region it works for (FOR_REGION).' })
  region(@Ctx() ctx: Context, @Root() t: TaskForceRecord): Promise<RegionRecord | null> {
    return ctx.loaders.taskForceRegion.load(t.key);
  }

  @FieldResolver(() => Person, { nullable: true, description: '链长 the chain leader who leads it (LEADS).' })
  leader(@Ctx() ctx: Context, @Root() t: TaskForceRecord): Promise<PersonRecord | null> {
    return ctx.loaders.taskForceLeader.load(t.key);
  }

  @FieldResolver(() => [Person], { description: 'Members (MEMBER_OF), by name.' })
  members(@Ctx() ctx: Context, @Root() t: TaskForceRecord): Promise<PersonRecord[]> {
    return ctx.loaders.taskForceMembers.load(t.key);
  }

  @FieldResolver(() => [TargetLibrary], {
    description: '招商目标企业库 the target libraries it owns (OWNS).',
  })
  libraries(@Ctx() ctx: Context, @Root() t: TaskForceRecord): Promise<TargetLibraryRecord[]> {
    return ctx.loaders.taskForceLibraries.load(t.key);
  }

  @FieldResolver(() => [Project], {
    description: '招商项目 projects it handles (HANDLED_BY), latest move first.',
  })
  projects(@Ctx() ctx: Context, @Root() t: TaskForceRecord): Promise<ProjectRecord[]> {
    return ctx.loaders.taskForceProjects.load(t.key);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [TaskForce], { description: 'Task forces this person leads as chain leader (LEADS).' })
  leads(@Ctx() ctx: Context, @Root() p: PersonRecord): Promise<TaskForceRecord[]> {
    return ctx.loaders.personLeads.load(p.key);
  }

  @FieldResolver(() => [TaskForce], { description: 'Task forces this person is a member of (MEMBER_OF).' })
  memberOf(@Ctx() ctx: Context, @Root() p: PersonRecord): Promise<TaskForceRecord[]> {
    return ctx.loaders.personMemberships.load(p.key);
  }
}
