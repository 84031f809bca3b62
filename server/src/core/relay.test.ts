import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, fromGlobalId, keyOf, pageSize, toGlobalId } from './relay.js';

describe('global ids', () => {
  it('round-trip type and key, including Chinese and dots', () => {
    const id = toGlobalId('Enterprise', 'cn-600373.SH');
    expect(fromGlobalId(id)).toEqual({ type: 'Enterprise', key: 'cn-600373.SH' });
    expect(fromGlobalId(toGlobalId('Link', '新能源.电池'))).toEqual({ type: 'Link', key: '新能源.电池' });
  });

  it('lookups accept a global id of the right type or the plain key', () => {
    expect(keyOf('Enterprise', toGlobalId('Enterprise', 'syn-1'))).toBe('syn-1');
    expect(keyOf('Enterprise', 'syn-1')).toBe('syn-1');
    // A global id of another type is not silently reinterpreted.
    const chainId = toGlobalId('Chain', 'nev');
    expect(keyOf('Enterprise', chainId)).toBe(chainId);
  });

  it('returns null for things that are not global ids', () => {
    expect(fromGlobalId('not base64!')).toBeNull();
    expect(fromGlobalId('abc')).toBeNull();
  });
});

describe('cursors', () => {
  it('round-trip sort value and id', () => {
    for (const c of [
      { v: '咸宁', id: 'e1' },
      { v: 12.5, id: 'e2' },
      { v: null, id: 'e3' },
    ]) {
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    }
  });

  it('reject a forged or garbled cursor as BAD_USER_INPUT on the argument', () => {
    for (const bad of [
      'xyz',
      Buffer.from('{"a":1}').toString('base64url'),
      "'; MATCH (n) DETACH DELETE n //",
    ]) {
      let err: unknown;
      try {
        decodeCursor(bad);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(GraphQLError);
      expect((err as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });
});

describe('pageSize', () => {
  it('defaults to 20 and bounds first to 1..200', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(200)).toBe(200);
    expect(() => pageSize(0)).toThrow(/between 1 and 200/);
    expect(() => pageSize(201)).toThrow(/between 1 and 200/);
  });
});
