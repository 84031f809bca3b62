import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { clearSession, getSession } from './auth/session';

/**
 * The one urql client of the explorer: every query and mutation goes through these exchanges.
 * Each request carries the signed-in user's token; a token the API refuses (HTTP 401: expired,
 * or signed with a key it no longer uses) ends the session, and the explorer offers sign-in.
 */
export function createClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (error.response?.status === 401) clearSession();
        },
      }),
      fetchExchange,
    ],
    preferGetMethod: false,
    fetchOptions: () => {
      const token = getSession()?.token;
      return {
        headers: {
          'apollo-require-preflight': 'true',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      };
    },
  });
}
