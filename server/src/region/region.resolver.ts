import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context.js';
import type { Page } from '../core/page.js';
import { EnterpriseOrder, EnterpriseScopeFilter } from '../enterprise/enterprise.input.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import { connectionWants, enterpriseConnection, enterpriseQuery } from '../enterprise/enterprise.service.js';
import { EnterpriseConnection } from '../enterprise/enterprise.type.js';
import type { KpiTargetRecord } from '../pipeline/pipeline.model.js';
import { KpiTarget } from '../pipeline/pipeline.type.js';
import type { RegionLevel, RegionRecord, SourceZoneRecord } from './region.model.js';
import * as service from './region.service.js';
import { Region, RegionLevel as RegionLevelEnum, SourceZone } from './region.type.js';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], {
    description:
      'Regions: the children of `parentCode` (optionally of one `level`), or without a parent every region of `level` (provinces by default). By code.',
  })
  regions(
    @Ctx() ctx: Context,
    @Arg('parentCode', () => String, { nullable: true, description: 'Parent region code (or global id).' })
    parentCode: string | null,
    @Arg('level', () => RegionLevelEnum, { nullable: true, description: 'Only regions of this level.' })
    level: RegionLevel | null,
  ): Promise<RegionRecord[]> {
    return service.listRegions(ctx, parentCode, level);
  }

  @Query(() => Region, {
    nullable: true,
    description: '地区 a region by code (e.g. 421200) or global id; null if none.',
  })
  region(
    @Ctx() ctx: Context,
    @Arg('code', () => String, { description: 'Region code or global id.' }) code: string,
  ): Promise<RegionRecord | null> {
    return service.regionByCode(ctx, code);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The enclosing region (WITHIN); null for a province.',
  })
  parent(@Ctx() ctx: Context, @Root() region: RegionRecord): Promise<RegionRecord | null> {
    return ctx.loaders.regionParent.load(region.code);
  }

  @FieldResolver(() => [Region], { description: 'The regions directly within this one, by code.' })
  children(
    @Ctx() ctx: Context,
    @Root() region: RegionRecord,
    @Arg('level', () => RegionLevelEnum, { nullable: true, description: 'Only children of this level.' })
    level: RegionLevel | null,
  ): Promise<RegionRecord[]> {
    return service.childrenOf(ctx, region, level);
  }

  @FieldResolver(() => EnterpriseConnection, {
    description: 'Enterprises in this region or any region within it (Relay connection).',
  })
  enterprises(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Root() region: RegionRecord,
    @Arg('filter', () => EnterpriseScopeFilter, {
      nullable: true,
      description: 'All given conditions must hold.',
    })
    filter: EnterpriseScopeFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–200 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('orderBy', () => EnterpriseOrder, { nullable: true, description: 'Default: by name, ascending.' })
    orderBy: EnterpriseOrder | null,
  ): Promise<Page<EnterpriseRecord>> {
    const query = enterpriseQuery(filter, { regionCode: region.code });
    return enterpriseConnection(ctx, query, { first, after, orderBy }, connectionWants(info));
  }

  @FieldResolver(() => [SourceZone], {
    description: '产业转移来源地 source zones the region belongs to (IN_ZONE).',
  })
  sourceZones(@Ctx() ctx: Context, @Root() region: RegionRecord): Promise<SourceZoneRecord[]> {
    return ctx.loaders.regionSourceZones.load(region.code);
  }

  @FieldResolver(() => [KpiTarget], { description: '考核目标 the region’s KPI targets, newest year first.' })
  kpiTargets(
    @Ctx() ctx: Context,
    @Root() region: RegionRecord,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year: number | null,
  ): Promise<KpiTargetRecord[]> {
    return service.kpiTargetsOf(ctx, region, year);
  }
}

@Resolver(() => SourceZone)
export class SourceZoneResolver {
  @Query(() => [SourceZone], {
    description: '产业转移来源地 every source zone (京津冀, 长三角, 粤港澳大湾区…), by code.',
  })
  sourceZones(@Ctx() ctx: Context): Promise<SourceZoneRecord[]> {
    return service.sourceZones(ctx);
  }

  @FieldResolver(() => [Region], { description: 'Member provinces and cities (IN_ZONE), by code.' })
  members(@Ctx() ctx: Context, @Root() zone: SourceZoneRecord): Promise<RegionRecord[]> {
    return ctx.loaders.sourceZoneMembers.load(zone.code);
  }
}
