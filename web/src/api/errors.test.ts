import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { describeError, pendingApiName } from './errors';

describe('API errors', () => {
  it('recognises a field the API does not have yet', () => {
    expect(pendingApiName('Cannot query field "chainDiagnosis" on type "Query".')).toBe('chainDiagnosis');
    expect(pendingApiName('Schema is not configured to execute mutation operation.')).toBe('Mutation');
    expect(pendingApiName('Unknown type "AddLibraryEntryInput".')).toBe('AddLibraryEntryInput');
    expect(pendingApiName('Something else')).toBeNull();
  });

  it('says what happened and what to do, in Chinese', () => {
    const net = describeError(new CombinedError({ networkError: new Error('Failed to fetch') }));
    expect(net.kind).toBe('network');
    expect(net.action).toMatch(/重试/);
    const pending = describeError(
      new CombinedError({ graphQLErrors: [{ message: 'Cannot query field "gapTargets" on type "Query".' }] }),
    );
    expect(pending).toMatchObject({ kind: 'pending', pending: 'gapTargets' });
    const notFound = describeError(
      new CombinedError({ graphQLErrors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] }),
    );
    expect(notFound.kind).toBe('not-found');
  });

  it('tells a signed-out user to sign in, and a user out of scope that it is not theirs', () => {
    const err = (code: string) =>
      describeError(new CombinedError({ graphQLErrors: [{ message: 'x', extensions: { code } }] }));
    expect(err('UNAUTHENTICATED')).toMatchObject({ kind: 'signin', message: '需要登录' });
    expect(err('FORBIDDEN')).toMatchObject({ kind: 'forbidden', message: '没有权限' });
  });
});
