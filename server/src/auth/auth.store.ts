import { cypher, type Executor } from '@chainmap/graph';
import { z } from 'zod';
import { UserModel, type UserRecord } from './auth.model.js';

// Users (:User {id, username, displayName, role, regionCode, chainIds, passwordHash, active}).

const userFields = (u: string) => `${u} { .id, .username, .displayName, .role, .regionCode, .chainIds }`;

// userForSignIn: an active user by user name, with the password hash (never returned to clients).
export const userForSignInQ = cypher(
  'userForSignIn',
  `MATCH (u:User {username: $username})
   WHERE coalesce(u.active, true)
   RETURN ${userFields('u')} AS user, u.passwordHash AS passwordHash`,
);

// userScope: an active user with the regions of their scope (the region and every region
// within it) and the region's ancestors, one round trip per request that needs them.
export const userScopeQ = cypher(
  'userScope',
  `MATCH (u:User {id: $id})
   WHERE coalesce(u.active, true)
   OPTIONAL MATCH (r:Region {code: u.regionCode})
   CALL (r) {
     OPTIONAL MATCH (r)<-[:WITHIN*0..4]-(d:Region)
     RETURN collect(DISTINCT d.code) AS regions
   }
   CALL (r) {
     OPTIONAL MATCH (r)-[:WITHIN*1..4]->(a:Region)
     RETURN collect(DISTINCT a.code) AS ancestors
   }
   RETURN ${userFields('u')} AS user, regions, ancestors`,
);

// signedIn: when the user last signed in.
export const signedInQ = cypher(
  'signedIn',
  `MATCH (u:User {id: $id}) SET u.lastSignInAt = datetime() RETURN u.id AS id`,
);

// usersById: users by id, for the audit trail and `me`.
export const usersByIdQ = cypher(
  'usersById',
  `UNWIND $keys AS key
   MATCH (u:User {id: key})
   RETURN key, ${userFields('u')} AS value`,
);

/** An active user and their password hash, by user name; null when there is none. */
export async function userForSignIn(
  executor: Executor,
  username: string,
): Promise<{ user: UserRecord; passwordHash: string } | null> {
  const [row] = await executor.read(userForSignInQ, { username });
  if (!row) return null;
  return { user: UserModel.parse(row.user), passwordHash: z.string().parse(row.passwordHash) };
}

/** An active user with the region codes within their scope region and above it. */
export async function userScope(
  executor: Executor,
  id: string,
): Promise<{ user: UserRecord; regions: string[]; ancestors: string[] } | null> {
  const [row] = await executor.read(userScopeQ, { id });
  if (!row) return null;
  const codes = z.array(z.string());
  return {
    user: UserModel.parse(row.user),
    regions: codes.parse(row.regions),
    ancestors: codes.parse(row.ancestors),
  };
}

/** Record a successful sign-in. */
export async function recordSignIn(executor: Executor, id: string): Promise<void> {
  await executor.write(signedInQ, { id }, ['users']);
}
