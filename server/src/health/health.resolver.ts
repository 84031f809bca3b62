import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { readNeo4jInfo } from './health.store.js';
import { Health } from './health.type.js';

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Liveness and database reachability. Always open, never throws.' })
  async health(@Ctx() ctx: Context): Promise<Health> {
    try {
      return { ok: true, neo4j: await readNeo4jInfo(ctx.executor) };
    } catch (e) {
      ctx.logger.warn({ err: e }, 'health: database unreachable');
      return { ok: false, neo4j: null };
    }
  }
}
