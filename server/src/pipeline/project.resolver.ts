import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { LinkRecord } from '../chain/chain.model.js';
import { Link } from '../chain/chain.type.js';
import type { Context } from '../core/context.js';
import type { Page } from '../core/page.js';
import { selectsField } from '../core/selection.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import { Enterprise } from '../enterprise/enterprise.type.js';
import type { RegionRecord } from '../region/region.model.js';
import { Region } from '../region/region.type.js';
import { ProjectFilter } from './pipeline.input.js';
import type { FundsEntryRecord, ProjectRecord, StageEventRecord, TaskForceRecord } from './pipeline.model.js';
import { projectById, projectConnection } from './pipeline.service.js';
import { FundsEntry, Project, ProjectConnection, ProjectStageEvent, TaskForce } from './pipeline.type.js';

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, {
    description: '招商项目 investment projects, latest stage move first (Relay connection).',
  })
  projects(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ProjectFilter, { nullable: true, description: 'All given conditions must hold.' })
    filter: ProjectFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–200 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
  ): Promise<Page<ProjectRecord>> {
    return projectConnection(ctx, filter, { first, after }, selectsField(info, 'totalCount'));
  }

  @Query(() => Project, {
    nullable: true,
    description: '招商项目 a project by id (e.g. `pj-2026-001`) or global id; null if none.',
  })
  project(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'Project id or global id.' }) id: string,
  ): Promise<ProjectRecord | null> {
    return projectById(ctx, id);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: '企业 the investing enterprise (BY).' })
  enterprise(@Ctx() ctx: Context, @Root() p: ProjectRecord): Promise<EnterpriseRecord | null> {
    return ctx.loaders.projectEnterprise.load(p.key);
  }

  @FieldResolver(() => Region, { nullable: true, description: '地区 where the project lands (IN_REGION).' })
  region(@Ctx() ctx: Context, @Root() p: ProjectRecord): Promise<RegionRecord | null> {
    return ctx.loaders.projectRegion.load(p.key);
  }

  @FieldResolver(() => [Link], { description: '环节 the links the project fills or strengthens (FILLS).' })
  links(@Ctx() ctx: Context, @Root() p: ProjectRecord): Promise<LinkRecord[]> {
    return ctx.loaders.projectLinks.load(p.key);
  }

  @FieldResolver(() => TaskForce, {
    nullable: true,
    description: '招商专班 the task force handling it (HANDLED_BY).',
  })
  taskForce(@Ctx() ctx: Context, @Root() p: ProjectRecord): Promise<TaskForceRecord | null> {
    return ctx.loaders.projectTaskForce.load(p.key);
  }

  @FieldResolver(() => [FundsEntry], { description: '到位资金 funds in place (HAS_FUNDS), oldest first.' })
  funds(@Ctx() ctx: Context, @Root() p: ProjectRecord): Promise<FundsEntryRecord[]> {
    return ctx.loaders.projectFunds.load(p.key);
  }

  @FieldResolver(() => [ProjectStageEvent], { description: 'Stage history (HAS_EVENT), in order.' })
  events(@Ctx() ctx: Context, @Root() p: ProjectRecord): Promise<StageEventRecord[]> {
    return ctx.loaders.projectEvents.load(p.key);
  }
}
