import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context.js';
import type { ProjectRecord } from '../pipeline/pipeline.model.js';
import { Project } from '../pipeline/pipeline.type.js';
import type { RegionRecord } from '../region/region.model.js';
import { Region } from '../region/region.type.js';
import type { KpiLine as KpiLineRecord } from './kpi.logic.js';
import * as tracking from './tracking.service.js';
import {
  Bulletin,
  KpiLine,
  KpiReport,
  LeaderDuty,
  Ranking,
  RankingPeriod,
  Warning,
  WarningThresholdsInput,
} from './tracking.type.js';

const projectsOf = async (ctx: Context, keys: string[]): Promise<ProjectRecord[]> =>
  (await ctx.loaders.project.loadMany(keys)).filter((p): p is ProjectRecord => !!p && !(p instanceof Error));

@Resolver()
export class TrackingResolver {
  @Query(() => KpiReport, {
    description:
      '考核 the KPI report of a region and of each region directly within it: target, actual (from the projects’ dated facts), completion rate and 序时进度.',
  })
  kpiReport(
    @Ctx() ctx: Context,
    @Arg('regionCode', () => String, { description: 'Region code (or global id), e.g. 421200.' })
    regionCode: string,
    @Arg('year', () => Int, { nullable: true, description: 'Year of the targets (default: that of `asOf`).' })
    year: number | null,
    @Arg('asOf', () => GraphQLLocalDate, {
      nullable: true,
      description: 'Report date (default today, China time).',
    })
    asOf: string | null,
  ): Promise<tracking.KpiReportRecord> {
    return tracking.kpiReport(ctx, { regionCode, year, asOf });
  }

  @Query(() => Ranking, {
    description:
      '排位 the counties and zones within a city ranked by the composite of their completion rates.',
  })
  ranking(
    @Ctx() ctx: Context,
    @Arg('regionCode', () => String, { description: 'The city (or any region with sub-regions).' })
    regionCode: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('period', () => RankingPeriod, { description: 'Month, quarter or half-year.' }) period: string,
    @Arg('index', () => Int, {
      nullable: true,
      description: 'Which period (default: the one containing `asOf`).',
    })
    index: number | null,
    @Arg('asOf', () => GraphQLLocalDate, {
      nullable: true,
      description: 'Today for the purpose of the ranking (default today).',
    })
    asOf: string | null,
  ): Promise<tracking.RankingRecord> {
    return tracking.ranking(ctx, { regionCode, year, period, index, asOf });
  }

  @Query(() => [Warning], {
    description:
      '预警 flagged projects of a region (and within it) and KPIs behind 序时进度, most serious first.',
  })
  warnings(
    @Ctx() ctx: Context,
    @Arg('regionCode', () => String, { description: 'Region code (or global id).' }) regionCode: string,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: 'As of (default today).' })
    asOf: string | null,
    @Arg('thresholds', () => WarningThresholdsInput, { nullable: true, description: 'Rule thresholds.' })
    thresholds: WarningThresholdsInput | null,
  ): Promise<tracking.WarningRecord[]> {
    return tracking.warnings(ctx, { regionCode, asOf, thresholds });
  }

  @Query(() => Bulletin, {
    description:
      '月通报 the monthly bulletin of a region (also as XLSX and Markdown at /export/bulletin.xlsx and /export/bulletin.md).',
  })
  bulletin(
    @Ctx() ctx: Context,
    @Arg('regionCode', () => String, { description: 'Region code (or global id), e.g. 421200.' })
    regionCode: string,
    @Arg('month', () => String, { description: 'The month, YYYY-MM.' }) month: string,
  ): Promise<tracking.BulletinRecord> {
    return tracking.bulletin(ctx, { regionCode, month });
  }

  @Query(() => [LeaderDuty], {
    description:
      '链长责任 the task forces of a region (and within it) with their leaders’ duties tracked as KPIs.',
  })
  leaderDuties(
    @Ctx() ctx: Context,
    @Arg('regionCode', () => String, { description: 'Region code (or global id).' }) regionCode: string,
    @Arg('chainId', () => String, { nullable: true, description: 'Only this chain’s task forces.' })
    chainId: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'Year (default: that of `asOf`).' })
    year: number | null,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: 'As of (default today).' })
    asOf: string | null,
  ): Promise<tracking.LeaderDutyRecord[]> {
    return tracking.leaderDuties(ctx, { regionCode, chainId, year, asOf });
  }
}

@Resolver(() => KpiLine)
export class KpiLineResolver {
  @FieldResolver(() => [Project], { description: 'The projects that make up the actual.' })
  projects(@Ctx() ctx: Context, @Root() l: KpiLineRecord): Promise<ProjectRecord[]> {
    return projectsOf(ctx, l.projectKeys);
  }
}

@Resolver(() => Warning)
export class WarningResolver {
  @FieldResolver(() => Project, { nullable: true, description: 'The project flagged.' })
  project(@Ctx() ctx: Context, @Root() w: tracking.WarningRecord): Promise<ProjectRecord | null> {
    return w.projectKey ? ctx.loaders.project.load(w.projectKey) : Promise.resolve(null);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The region flagged, or the project’s region.',
  })
  region(@Ctx() ctx: Context, @Root() w: tracking.WarningRecord): Promise<RegionRecord | null> {
    return ctx.loaders.region.load(w.regionCode);
  }
}

@Resolver(() => LeaderDuty)
export class LeaderDutyResolver {
  @FieldResolver(() => [Project], { description: 'The projects that count as planned.' })
  plannedProjects(@Ctx() ctx: Context, @Root() d: tracking.LeaderDutyRecord): Promise<ProjectRecord[]> {
    return projectsOf(ctx, d.plannedKeys);
  }
}
