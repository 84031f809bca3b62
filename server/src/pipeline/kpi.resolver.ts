import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context.js';
import type { RegionRecord } from '../region/region.model.js';
import { Region } from '../region/region.type.js';
import type { KpiTargetRecord } from './pipeline.model.js';
import { KpiTarget } from './pipeline.type.js';

@Resolver(() => KpiTarget)
export class KpiTargetResolver {
  @FieldResolver(() => Region, {
    nullable: true,
    description: '地区 the region the targets are for (FOR_REGION).',
  })
  region(@Ctx() ctx: Context, @Root() k: KpiTargetRecord): Promise<RegionRecord | null> {
    return ctx.loaders.kpiTargetRegion.load(k.key);
  }
}
