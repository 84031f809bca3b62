import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { nodeById, nodesByIds } from './node.service.js';
import { Node, type Typed } from './node.type.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any entity by its global id (Relay); null if it no longer exists.',
  })
  node(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'A global id.' }) id: string,
  ): Promise<Typed | null> {
    return nodeById(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'Several entities by global id (at most 100), in the same order; null where one no longer exists.',
  })
  nodes(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[],
  ): Promise<(Typed | null)[]> {
    return nodesByIds(ctx, ids);
  }
}
