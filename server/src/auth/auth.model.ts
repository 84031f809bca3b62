import { z } from 'zod';

/**
 * Who may see and change what (docs/security.md). A user has one role and one scope region;
 * permissions follow the region tree downward (a city's scope covers its counties and zones).
 */
export const ROLES = ['ADMIN', 'CITY_OFFICE', 'TASK_FORCE', 'ANALYST'] as const;
export const RoleModel = z.enum(ROLES);
export type Role = z.infer<typeof RoleModel>;

/** A signed-in user as the graph keeps it (never with the password hash). */
export const UserModel = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  role: RoleModel,
  /** The scope region (6-digit code or a zone code); null for ADMIN (everything). */
  regionCode: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  /** TASK_FORCE only: the chains it works on. */
  chainIds: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
});
export type UserRecord = z.output<typeof UserModel>;

/**
 * What one request may see, as every scoped store query takes it (`$scope`): pipeline rows are
 * visible when `all`, or when their region is one of `regions` (the scope region and every
 * region within it) and, for chain-bound users, their chain is one of `chains`.
 */
export interface ScopeParam {
  all: boolean;
  signedIn: boolean;
  regions: string[];
  /** null: any chain. */
  chains: string[] | null;
}

/** The request's scope with the user it belongs to. */
export interface Scope {
  user: UserRecord | null;
  /** The scope region and its ancestors (a filter on an ancestor region overlaps the scope). */
  ancestors: string[];
  param: ScopeParam;
}

/** Nothing of the pipeline: anonymous callers. */
export const ANONYMOUS_SCOPE: Scope = {
  user: null,
  ancestors: [],
  param: { all: false, signedIn: false, regions: [], chains: [] },
};

/** The token's claims about the caller (verified signature, expiry, issuer and audience). */
export interface TokenUser {
  id: string;
  username: string;
  role: Role;
  tokenId: string;
}
