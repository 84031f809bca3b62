import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { selectsField } from '../core/selection.js';
import type { Context } from '../core/context.js';
import type { TaskForceRecord } from '../pipeline/pipeline.model.js';
import { TaskForce } from '../pipeline/pipeline.type.js';
import type { ChainRecord, LinkRecord } from './chain.model.js';
import * as service from './chain.service.js';
import { Chain, Link } from './chain.type.js';

@Resolver(() => Chain)
export class ChainResolver {
  @Query(() => [Chain], { description: '产业链 every industry chain, by name.' })
  chains(@Ctx() ctx: Context): Promise<ChainRecord[]> {
    return service.listChains(ctx);
  }

  @Query(() => Chain, {
    nullable: true,
    description: '产业链 a chain by id (e.g. `nev`) or global id; null if none.',
  })
  chain(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { description: 'Chain id or global id.' }) id: string,
  ): Promise<ChainRecord | null> {
    return service.chainById(ctx, id, { links: selectsField(info, 'links') });
  }

  @FieldResolver(() => [Link], {
    description: '环节 every link of the chain, sub-links included: upstream first, then by name.',
  })
  links(@Ctx() ctx: Context, @Root() chain: ChainRecord): Promise<LinkRecord[]> {
    return ctx.loaders.chainLinks.load(chain.key);
  }

  @FieldResolver(() => [TaskForce], {
    description: '招商专班 the task forces working this chain (FOR_CHAIN), by name.',
  })
  taskForces(@Ctx() ctx: Context, @Root() chain: ChainRecord): Promise<TaskForceRecord[]> {
    return ctx.loaders.chainTaskForces.load(chain.key);
  }
}
