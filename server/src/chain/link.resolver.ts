import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context.js';
import type { Page } from '../core/page.js';
import { EnterpriseOrder } from '../enterprise/enterprise.input.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import { connectionWants, enterpriseConnection, enterpriseQuery } from '../enterprise/enterprise.service.js';
import { EnterpriseConnection } from '../enterprise/enterprise.type.js';
import type { ChainRecord, LinkRecord } from './chain.model.js';
import { linkById } from './chain.service.js';
import { Chain, Link } from './chain.type.js';

@Resolver(() => Link)
export class LinkResolver {
  @Query(() => Link, {
    nullable: true,
    description: '环节 a link by id (e.g. `nev.cathode`) or global id; null if none.',
  })
  link(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'Link id or global id.' }) id: string,
  ): Promise<LinkRecord | null> {
    return linkById(ctx, id);
  }

  @FieldResolver(() => Chain, {
    nullable: true,
    description: '产业链 the chain the link belongs to (HAS_LINK).',
  })
  chain(@Ctx() ctx: Context, @Root() link: LinkRecord): Promise<ChainRecord | null> {
    return ctx.loaders.linkChain.load(link.key);
  }

  @FieldResolver(() => Link, {
    nullable: true,
    description: 'The parent link of a sub-link (PART_OF); null for a top link.',
  })
  parent(@Ctx() ctx: Context, @Root() link: LinkRecord): Promise<LinkRecord | null> {
    return ctx.loaders.linkParent.load(link.key);
  }

  @FieldResolver(() => [Link], { description: 'The sub-links of this link (PART_OF it).' })
  subLinks(@Ctx() ctx: Context, @Root() link: LinkRecord): Promise<LinkRecord[]> {
    return ctx.loaders.linkSubLinks.load(link.key);
  }

  @FieldResolver(() => [Link], {
    description: 'Links this one supplies (SUPPLIES, downstream of it), across chains too.',
  })
  suppliesTo(@Ctx() ctx: Context, @Root() link: LinkRecord): Promise<LinkRecord[]> {
    return ctx.loaders.linkSuppliesTo.load(link.key);
  }

  @FieldResolver(() => [Link], {
    description: 'Links that supply this one (SUPPLIES, upstream of it), across chains too.',
  })
  suppliedBy(@Ctx() ctx: Context, @Root() link: LinkRecord): Promise<LinkRecord[]> {
    return ctx.loaders.linkSuppliedBy.load(link.key);
  }

  @FieldResolver(() => EnterpriseConnection, {
    description:
      'Enterprises working in this link or any of its sub-links (OPERATES_IN), optionally in a region.',
  })
  enterprises(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Root() link: LinkRecord,
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Only firms in this region or within it.',
    })
    regionCode: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–200 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('orderBy', () => EnterpriseOrder, { nullable: true, description: 'Default: by name, ascending.' })
    orderBy: EnterpriseOrder | null,
  ): Promise<Page<EnterpriseRecord>> {
    const query = enterpriseQuery({ regionCode }, { linkId: link.key });
    return enterpriseConnection(ctx, query, { first, after, orderBy }, connectionWants(info));
  }
}
