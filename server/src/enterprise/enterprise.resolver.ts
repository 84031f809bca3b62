import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context.js';
import type { Page } from '../core/page.js';
import { Project } from '../pipeline/pipeline.type.js';
import type { ProjectRecord } from '../pipeline/pipeline.model.js';
import { Region } from '../region/region.type.js';
import type { RegionRecord } from '../region/region.model.js';
import { EnterpriseFilter, EnterpriseOrder } from './enterprise.input.js';
import type { EnterpriseLinkRecord, EnterpriseRecord, InvestmentRecord } from './enterprise.model.js';
import * as service from './enterprise.service.js';
import { Enterprise, EnterpriseConnection, EnterpriseLink, Investment } from './enterprise.type.js';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, {
    nullable: true,
    description: '企业 an enterprise by id (global id or domain key); null if none.',
  })
  enterprise(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'Enterprise id or global id.' }) id: string,
  ): Promise<EnterpriseRecord | null> {
    return service.enterpriseById(ctx, id);
  }

  @Query(() => Enterprise, {
    nullable: true,
    description: 'A listed company (上市公司) by stock code: `600373`, `600373.SH` and `sh600373` all work.',
  })
  enterpriseByStockCode(
    @Ctx() ctx: Context,
    @Arg('code', () => String, { description: 'Stock code, with or without exchange.' }) code: string,
  ): Promise<EnterpriseRecord | null> {
    return service.enterpriseByCode(ctx, code);
  }

  @Query(() => EnterpriseConnection, {
    description: 'Enterprises matching a filter, one page at a time (Relay connection, keyset cursors).',
  })
  enterprises(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'All given conditions must hold.' })
    filter: EnterpriseFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–200 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('orderBy', () => EnterpriseOrder, { nullable: true, description: 'Default: by name, ascending.' })
    orderBy: EnterpriseOrder | null,
  ): Promise<Page<EnterpriseRecord>> {
    const query = service.enterpriseQuery(filter);
    return service.enterpriseConnection(ctx, query, { first, after, orderBy }, service.connectionWants(info));
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: '地区 the most precise region the firm is located in (LOCATED_IN).',
  })
  region(
    @Ctx() ctx: Context,
    @Root() e: EnterpriseRecord,
  ): RegionRecord | Promise<RegionRecord | null> | null {
    return service.enterpriseRegion(ctx, e, 'regionCode');
  }

  @FieldResolver(() => Region, { nullable: true, description: '省 the province the firm is in.' })
  province(
    @Ctx() ctx: Context,
    @Root() e: EnterpriseRecord,
  ): RegionRecord | Promise<RegionRecord | null> | null {
    return service.enterpriseRegion(ctx, e, 'provinceCode');
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: '市 the prefecture-level city the firm is in.',
  })
  city(@Ctx() ctx: Context, @Root() e: EnterpriseRecord): RegionRecord | Promise<RegionRecord | null> | null {
    return service.enterpriseRegion(ctx, e, 'cityCode');
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: '县/区 the county-level division the firm is in, if known.',
  })
  county(
    @Ctx() ctx: Context,
    @Root() e: EnterpriseRecord,
  ): RegionRecord | Promise<RegionRecord | null> | null {
    return service.enterpriseRegion(ctx, e, 'countyCode');
  }

  @FieldResolver(() => [EnterpriseLink], {
    description: '环节 the chain links the firm works in, with how each was assigned.',
  })
  links(@Ctx() ctx: Context, @Root() e: EnterpriseRecord): Promise<EnterpriseLinkRecord[]> {
    return ctx.loaders.enterpriseLinks.load(e.key);
  }

  @FieldResolver(() => [Enterprise], {
    description: '供应商 firms that supply this one (SUPPLIES_TO), by name, at most 500.',
  })
  suppliers(@Ctx() ctx: Context, @Root() e: EnterpriseRecord): Promise<EnterpriseRecord[]> {
    return ctx.loaders.enterpriseSuppliers.load(e.key);
  }

  @FieldResolver(() => [Enterprise], {
    description: '客户 firms this one supplies (SUPPLIES_TO), by name, at most 500.',
  })
  customers(@Ctx() ctx: Context, @Root() e: EnterpriseRecord): Promise<EnterpriseRecord[]> {
    return ctx.loaders.enterpriseCustomers.load(e.key);
  }

  @FieldResolver(() => [Investment], {
    description: '对外投资 firms this one invests in (INVESTS_IN), largest share first.',
  })
  investments(@Ctx() ctx: Context, @Root() e: EnterpriseRecord): Promise<InvestmentRecord[]> {
    return ctx.loaders.enterpriseInvestments.load(e.key);
  }

  @FieldResolver(() => [Investment], {
    description: '股东 firms that invest in this one (INVESTS_IN), largest share first.',
  })
  investors(@Ctx() ctx: Context, @Root() e: EnterpriseRecord): Promise<InvestmentRecord[]> {
    return ctx.loaders.enterpriseInvestors.load(e.key);
  }

  @FieldResolver(() => [Project], {
    description: '招商项目 investment projects by this firm (BY), latest move first.',
  })
  projects(@Ctx() ctx: Context, @Root() e: EnterpriseRecord): Promise<ProjectRecord[]> {
    return ctx.loaders.enterpriseProjects.load(e.key);
  }
}
