import { Client, cacheExchange, fetchExchange } from 'urql';

/** The one urql client of the explorer: every query and mutation goes through these exchanges. */
export function createClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: { headers: { 'apollo-require-preflight': 'true' } },
  });
}
