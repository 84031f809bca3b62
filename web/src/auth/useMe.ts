import { useEffect } from 'react';
import { useQuery } from 'urql';
import { MeDocument, type MeQuery } from '../gql/graphql';
import { clearSession, useSession } from './session';

export type Me = NonNullable<MeQuery['me']>;
export type Can = Me['can'];

const NOTHING: Can = {
  editLibraries: false,
  editProjects: false,
  editTaskForces: false,
  editKpiTargets: false,
  editContacts: false,
  readAudit: false,
};

/** Who is signed in (null: nobody) and what they may change; the explorer hides the rest. */
export function useMe(): { me: Me | null; can: Can; fetching: boolean; signedIn: boolean } {
  const session = useSession();
  const [{ data, fetching, error }] = useQuery({ query: MeDocument, pause: !session });
  // The account was disabled or removed since signing in: the session is over.
  const refused = error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
  useEffect(() => {
    if (refused) clearSession();
  }, [refused]);
  const me = session ? (data?.me ?? null) : null;
  return { me, can: me?.can ?? NOTHING, fetching: !!session && fetching, signedIn: !!session };
}
