import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ChainRecord } from '../chain/chain.model.js';
import { Chain } from '../chain/chain.type.js';
import type { Context } from '../core/context.js';
import type { RegionRecord } from '../region/region.model.js';
import { Region } from '../region/region.type.js';
import type { UserRecord } from './auth.model.js';
import { me, permissionsOf, signIn } from './auth.service.js';
import { Permissions, SignInPayload, User } from './auth.type.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => SignInPayload, {
    description:
      'Sign in: a signed token to send as `Authorization: Bearer <token>`. UNAUTHENTICATED for a wrong user name or password; RATE_LIMITED after too many attempts (per user name and per address).',
  })
  signIn(
    @Ctx() ctx: Context,
    @Arg('username', () => String, { description: 'User name.' }) username: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
  ): Promise<{ token: string; expiresAt: string; user: UserRecord }> {
    return signIn(ctx, { username, password });
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user; null when not signed in.' })
  me(@Ctx() ctx: Context): Promise<UserRecord | null> {
    return me(ctx);
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Region, { nullable: true, description: 'Scope region; null for ADMIN (everything).' })
  region(@Ctx() ctx: Context, @Root() u: UserRecord): Promise<RegionRecord | null> | null {
    return u.regionCode ? ctx.loaders.region.load(u.regionCode) : null;
  }

  @FieldResolver(() => [Chain], {
    description: 'TASK_FORCE: the chains it works on; empty for the other roles.',
  })
  async chains(@Ctx() ctx: Context, @Root() u: UserRecord): Promise<ChainRecord[]> {
    const found = await ctx.loaders.chain.loadMany(u.chainIds);
    return found.filter((c): c is ChainRecord => c != null && !(c instanceof Error));
  }

  @FieldResolver(() => Permissions, { description: 'What this user may change.' })
  can(@Root() u: UserRecord): Permissions {
    return permissionsOf(u.role);
  }
}
