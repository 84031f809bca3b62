import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from '../core/context.js';
import { accessOf, type Access } from './policy.js';
import { forbidden, signedInScope, unauthenticated } from './viewer.js';

/** Refuse the call when the request may not reach a field of this access (auth/policy.ts). */
export async function checkAccess(ctx: Context, access: Access, field: string): Promise<void> {
  switch (access.kind) {
    case 'OPEN':
      return;
    case 'PUBLIC':
      if (ctx.viewer.user || ctx.auth.anonymousRead) return;
      throw unauthenticated(`Sign in to read ${field}: this server does not allow anonymous reading.`);
    case 'SIGNED_IN':
      await signedInScope(ctx.viewer);
      return;
    case 'ROLES': {
      const { user } = await signedInScope(ctx.viewer);
      if (!access.roles.includes(user.role))
        throw forbidden(`${field} is for ${access.roles.join(' and ')} users.`);
      return;
    }
  }
}

/**
 * Wrap every root field (and each nested field auth/policy.ts names) of the executable schema
 * with its access check, before its resolver runs. Root fields not named in the policy need a
 * signed-in user, so nothing new is ever open by accident. Returns the guarded coordinates.
 */
export function guardSchema(schema: GraphQLSchema): string[] {
  const guarded: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const access = accessOf(type.name, field.name);
      if (!access) continue;
      const coordinate = `${type.name}.${field.name}`;
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, ctx: Context, info) => {
        await checkAccess(ctx, access, coordinate);
        return resolve(source, args, ctx, info);
      };
      guarded.push(coordinate);
    }
  }
  return guarded;
}
