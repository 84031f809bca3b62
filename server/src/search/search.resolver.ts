import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import type { SearchKind as Kind } from './rank.js';
import { search } from './search.service.js';
import { SearchHit, SearchKind } from './search.type.js';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      '搜索 search enterprises (name and full name), chains, links and regions by name: Chinese of any length (宁, 宁德), pinyin initials (xn), stock codes. Ranked; at most `first` hits of each kind.',
  })
  search(
    @Ctx() ctx: Context,
    @Arg('text', () => String, { description: 'What the user typed (1–50 characters).' }) text: string,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 10,
      description: 'Most hits of each kind, 1–50.',
    })
    first: number | null,
    @Arg('kinds', () => [SearchKind], { nullable: true, description: 'Only these kinds (default: all).' })
    kinds: Kind[] | null,
  ): Promise<SearchHit[]> {
    return search(ctx, { text, first: first ?? 10, kinds });
  }
}
