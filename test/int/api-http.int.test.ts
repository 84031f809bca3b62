// The HTTP layer in front of GraphQL. A POST /graphql with a JSON body of known length takes the
// lean path on node:http (server/src/core/graphql-post.ts); any other request (here: the same
// body sent chunked) goes through express. Both must answer alike, check tokens and count
// request limits alike, and see the client's address alike.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

/** POST /graphql with node:http: with Content-Length (lean path), or chunked (express). */
function post(
  url: string,
  body: string | Buffer,
  how: 'lean' | 'express',
  headers: Record<string, string> = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const req = request(
      `${url}/graphql`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(how === 'lean'
            ? { 'content-length': String(bytes.length) }
            : { 'transfer-encoding': 'chunked' }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Answer['body'] = null;
          try {
            parsed = JSON.parse(text) as Answer['body'];
          } catch {
            // left null: the test says what it expected
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

const codes = (a: Answer) => (a.body?.errors ?? []).map((e) => e.extensions?.code);

describe('POST /graphql: the lean path and express answer alike', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ ALLOW_ANONYMOUS_READ: 'true' });
  });
  afterAll(() => api.stop());

  const cases: { what: string; body: string | Buffer; headers?: Record<string, string> }[] = [
    { what: 'a query', body: JSON.stringify({ query: '{ chains { key } }' }) },
    {
      what: 'variables',
      body: JSON.stringify({ query: 'query ($k: ID!) { chain(id: $k) { key } }', variables: { k: 'nev' } }),
    },
    { what: 'a parse error', body: JSON.stringify({ query: '{ chains { key ' }) },
    { what: 'an unknown field', body: JSON.stringify({ query: '{ nope }' }) },
    { what: 'no query', body: JSON.stringify({ variables: {} }) },
    { what: 'an empty body', body: '' },
    { what: 'invalid JSON', body: '{"query": "{ chains { key } }"' },
    { what: 'a JSON string', body: '"{ chains { key } }"' },
    { what: 'a batch', body: JSON.stringify([{ query: '{ chains { key } }' }]) },
    {
      what: 'invalid UTF-8',
      body: Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    },
    {
      what: 'a malformed Authorization',
      body: JSON.stringify({ query: '{ chains { key } }' }),
      headers: { authorization: 'Token x' },
    },
    {
      what: 'a forged token',
      body: JSON.stringify({ query: '{ chains { key } }' }),
      headers: { authorization: 'Bearer aaaa.bbbb.cccc' },
    },
    {
      what: 'a charset',
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    },
  ];

  for (const c of cases) {
    it(`${c.what}`, async () => {
      const lean = await post(api.url, c.body, 'lean', c.headers);
      const viaExpress = await post(api.url, c.body, 'express', c.headers);
      const context = `${c.what}: lean ${JSON.stringify(lean.body)} / express ${JSON.stringify(viaExpress.body)}`;
      expect(lean.status, context).toBe(viaExpress.status);
      expect(codes(lean), context).toEqual(codes(viaExpress));
      expect(lean.body?.data, context).toEqual(viaExpress.body?.data);
      expect(lean.headers['content-type'], context).toMatch(/^application\/(graphql-response\+)?json/);
      expect(lean.headers['www-authenticate'], context).toBe(viaExpress.headers['www-authenticate']);
      for (const e of lean.body?.errors ?? []) expect(e.message, context).toMatch(/\S/);
      // The lean path did answer (express's body parser words a broken body otherwise).
      if (c.what === 'invalid JSON')
        expect(lean.body?.errors?.[0]?.message).toMatch(/^The request body is not valid JSON/);
      expect(lean.status, context).toBeLessThan(500);
    });
  }

  it('a client gone halfway through its body: the server serves on', async () => {
    const { port, hostname } = new URL(api.url);
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(
            'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":',
          );
          setTimeout(() => socket.destroy(), 5);
        });
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
    }
    const after = await post(api.url, JSON.stringify({ query: '{ __typename }' }), 'lean');
    expect(after.status).toBe(200);
    expect(after.body?.data).toEqual({ __typename: 'Query' });
  });

  it('a body over BODY_LIMIT is refused with 413 whatever its framing', async () => {
    const big = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` });
    for (const how of ['lean', 'express'] as const) {
      const a = await post(api.url, big, how);
      expect(a.status, how).toBe(413);
      expect(codes(a), how).toEqual(['PAYLOAD_TOO_LARGE']);
    }
  });
});

describe('the client address behind a proxy (TRUST_PROXY)', () => {
  it('is read from X-Forwarded-For when trusted, on both paths, and counted per address', async () => {
    const api = await startTestApi(
      {
        ALLOW_ANONYMOUS_READ: 'true',
        TRUST_PROXY: '1',
        API_LIMIT_PER_TOKEN: '2',
        API_LIMIT_WINDOW_SECONDS: '60',
      },
      { as: null },
    );
    try {
      const q = JSON.stringify({ query: '{ __typename }' });
      const from = (ip: string, how: 'lean' | 'express') => post(api.url, q, how, { 'x-forwarded-for': ip });
      expect((await from('10.0.0.1', 'lean')).status).toBe(200);
      expect((await from('10.0.0.1', 'express')).status).toBe(200);
      const third = await from('10.0.0.1', 'lean');
      expect(third.status).toBe(429);
      expect(codes(third)).toEqual(['RATE_LIMITED']);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect((await from('10.0.0.1', 'express')).status).toBe(429);
      // Another client behind the same proxy has its own count.
      expect((await from('10.0.0.2', 'lean')).status).toBe(200);
    } finally {
      await api.stop();
    }
  });

  it('is the socket address when no proxy is trusted: X-Forwarded-For cannot dodge the limit', async () => {
    const api = await startTestApi(
      { ALLOW_ANONYMOUS_READ: 'true', API_LIMIT_PER_TOKEN: '2', API_LIMIT_WINDOW_SECONDS: '60' },
      { as: null },
    );
    try {
      const q = JSON.stringify({ query: '{ __typename }' });
      const statuses = [];
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
        statuses.push((await post(api.url, q, 'lean', { 'x-forwarded-for': ip })).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await api.stop();
    }
  });
});
