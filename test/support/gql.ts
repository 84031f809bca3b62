import { expect } from 'vitest';
import type { GqlResponse, TestApi } from './api.js';

/** Run a query that must succeed; returns its data. */
export async function data<T = Record<string, unknown>>(
  api: Pick<TestApi, 'gql'>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const r = await api.gql<T>(query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.data!;
}

/** Run a query that must fail with one error; returns that error. */
export async function error(
  api: Pick<TestApi, 'gql'>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<NonNullable<GqlResponse['errors']>[number]> {
  const r = await api.gql(query, variables);
  expect(r.errors, JSON.stringify(r.data)).toHaveLength(1);
  return r.errors![0]!;
}

/** The API as one test user (or anonymously), for {@link data} and {@link error}. */
export function as(api: TestApi, user: Parameters<TestApi['as']>[0]): Pick<TestApi, 'gql'> {
  return { gql: api.as(user) };
}
