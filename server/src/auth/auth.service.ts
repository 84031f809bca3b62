import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Context } from '../core/context.js';
import { ErrorCode, fromZod } from '../core/errors.js';
import type { Role, UserRecord } from './auth.model.js';
import { recordSignIn, userForSignIn } from './auth.store.js';
import { decoyHash, verifyPassword } from './password.js';
import { AUDIT_READERS, WRITERS } from './policy.js';
import { take } from './rate-limit.js';
import { issueToken } from './token.js';
import { unauthenticated } from './viewer.js';

const SignInModel = z.object({
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});

function rateLimited(wait: number): GraphQLError {
  return new GraphQLError(`Too many sign-in attempts: wait ${wait} s and try again.`, {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfter: wait },
  });
}

/**
 * Sign in with a user name and password: a signed token valid for AUTH_TOKEN_TTL_SECONDS.
 * Attempts count against the client address and the user name (RATE_LIMITED beyond the
 * limits); a success clears the user name's count. A wrong name and a wrong password get the
 * same answer, in about the same time.
 */
export async function signIn(
  ctx: Context,
  raw: { username: string; password: string },
): Promise<{ token: string; expiresAt: string; user: UserRecord }> {
  const parsed = SignInModel.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, '');
  const { username, password } = parsed.data;
  const { limiters, tokens } = ctx.auth;
  const wait =
    (await take(limiters.signInAddress, ctx.address)) ?? (await take(limiters.signInUser, username));
  if (wait !== null) {
    ctx.logger.warn({ username, address: ctx.address }, 'sign-in rate limit reached');
    throw rateLimited(wait);
  }
  const found = await userForSignIn(ctx.executor, username);
  const ok = found
    ? await verifyPassword(found.passwordHash, password)
    : (await verifyPassword(await decoyHash(), password)) && false;
  if (!found || !ok) {
    ctx.logger.info({ username, address: ctx.address }, 'sign-in refused');
    throw unauthenticated('Wrong user name or password.');
  }
  await limiters.signInUser.delete(username);
  await recordSignIn(ctx.executor, found.user.id);
  const { token, expiresAt } = await issueToken(tokens, found.user);
  ctx.logger.info({ username }, 'signed in');
  return { token, expiresAt, user: found.user };
}

/** The signed-in user as the graph has them now; null for anonymous callers. */
export async function me(ctx: Context): Promise<UserRecord | null> {
  if (!ctx.viewer.user) return null;
  return (await ctx.viewer.scope()).user;
}

/** What a role may change (the same table the mutation runner checks). */
export function permissionsOf(role: Role) {
  const can = (roles: readonly Role[]) => roles.includes(role);
  return {
    editCatalog: can(WRITERS.catalog),
    editEnterprises: can(WRITERS.enterprises),
    editTaskForces: can(WRITERS.taskForces),
    editContacts: can(WRITERS.contacts),
    editLibraries: can(WRITERS.libraries),
    editProjects: can(WRITERS.projects),
    editKpiTargets: can(WRITERS.kpiTargets),
    readAudit: can(AUDIT_READERS),
  };
}
