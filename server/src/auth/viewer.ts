import type { Executor } from '@chainmap/graph';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../core/errors.js';
import { ANONYMOUS_SCOPE, type Scope, type TokenUser } from './auth.model.js';
import { userScope } from './auth.store.js';
import { regionOverlaps, scopeFor } from './scope.js';

/** Who is asking, for one request. */
export interface Viewer {
  /** The user the verified token names; null for anonymous callers. */
  user: TokenUser | null;
  /**
   * What they may see: their current role, region and chains read from the graph on first use
   * (once per request), so a changed role or a deactivated account applies at once.
   */
  scope(): Promise<Scope>;
}

export function unauthenticated(message = 'Sign in to see this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export function forbidden(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, ...extra } });
}

/**
 * A region filter wholly outside the viewer's scope is refused (region codes are public, so
 * this reveals nothing); one above the scope passes and the stores narrow it to the scope.
 */
export function checkRegionInScope(scope: Scope, regionCode: string | null, field: string): void {
  if (regionCode != null && !regionOverlaps(scope, regionCode)) {
    throw forbidden(`Region ${regionCode} is outside your scope.`, { field });
  }
}

/** The request's viewer; the scope query runs only if something scoped is asked for. */
export function createViewer(executor: Executor, user: TokenUser | null): Viewer {
  let scope: Promise<Scope> | undefined;
  const load = async (): Promise<Scope> => {
    if (!user) return ANONYMOUS_SCOPE;
    const row = await userScope(executor, user.id);
    if (!row) throw unauthenticated('This account no longer exists or is disabled: sign in again.');
    return scopeFor(row.user, row.regions, row.ancestors);
  };
  return { user, scope: () => (scope ??= load()) };
}

/** Command line tools run by the operator (not the API): every row is in scope; no writes. */
export const SYSTEM_VIEWER: Viewer = {
  user: null,
  scope: () =>
    Promise.resolve({
      user: null,
      ancestors: [],
      param: { all: true, signedIn: true, regions: [], chains: null },
    }),
};

/** The scope of a request that has a signed-in user (UNAUTHENTICATED otherwise). */
export async function signedInScope(viewer: Viewer): Promise<Scope & { user: NonNullable<Scope['user']> }> {
  if (!viewer.user) throw unauthenticated();
  const scope = await viewer.scope();
  if (!scope.user) throw unauthenticated();
  return scope as Scope & { user: NonNullable<Scope['user']> };
}
