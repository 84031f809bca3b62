import { DbError } from '@chainmap/graph';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFormatError, fromZod, notFound } from './errors.js';

function format(error: GraphQLError) {
  const logged: unknown[] = [];
  const f = createFormatError((err) => logged.push(err));
  const out = f(
    { message: error.message, path: ['q'], extensions: { ...error.extensions, stacktrace: ['at x'] } },
    error,
  );
  return { out, logged };
}

describe('formatError', () => {
  it('passes typed user errors through without stack traces', () => {
    const { out, logged } = format(notFound('Enterprise', 'e1'));
    expect(out.extensions).toEqual({ code: 'NOT_FOUND', id: 'e1' });
    expect(logged).toHaveLength(0);
  });

  it('masks and logs unexpected errors', () => {
    const original = new TypeError('cannot read x of undefined');
    const { out, logged } = format(new GraphQLError(original.message, { originalError: original }));
    expect(out).toEqual({
      message: 'Internal server error',
      path: ['q'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([original]);
  });

  it('says what was wrong with a request Apollo refused with a 4xx status and no code', () => {
    const { out, logged } = format(
      new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } }),
    );
    expect(out).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(logged).toHaveLength(0);
  });

  it('maps database errors to their public codes', () => {
    const db = new DbError('SERVICE_UNAVAILABLE', 'connection refused 127.0.0.1:7687', 'q');
    const { out } = format(new GraphQLError(db.message, { originalError: db }));
    expect(out.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(out.message).not.toContain('127.0.0.1');
  });

  it('maps a constraint violation to CONFLICT', () => {
    const db = new DbError('CONFLICT', 'Node(1) already exists with label `Enterprise`', 'q');
    expect(format(new GraphQLError(db.message, { originalError: db })).out.extensions?.code).toBe('CONFLICT');
  });
});

describe('fromZod', () => {
  it('names every offending field with its path', () => {
    const r = z
      .object({ name: z.string().min(2), amount: z.number().positive() })
      .safeParse({ name: 'x', amount: -1 });
    const e = fromZod(r.error!, 'input');
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(e.extensions.field).toBe('input.name');
    expect((e.extensions.problems as { field: string }[]).map((p) => p.field)).toEqual([
      'input.name',
      'input.amount',
    ]);
  });
});
