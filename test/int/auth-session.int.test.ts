import { cypher } from '@chainmap/graph';
import { authSettings, issueToken } from '@chainmap/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { testConfig, type TestDb } from '../support/db.js';
import { TEST_PASSWORD, TEST_USERS } from '../support/users.js';
import { openWorld, type World } from '../support/world-api.js';

// Signing in, tokens (signature, expiry, issuer, audience), the anonymous-read setting and the
// abuse limits, over HTTP against the real API.

let db: TestDb;
let api: TestApi;
let world: World | undefined;

beforeAll(async () => {
  ({ db, api } = world = await openWorld({ as: null }));
});

afterAll(() => world?.close());

const SIGN_IN = `mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { token expiresAt user { username role regionCode } } }`;
const ME = `{ me { username role regionCode region { name } chains { key } can { editProjects editTaskForces editCatalog readAudit } } }`;
const PROJECTS = `{ projects { totalCount } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

async function signIn(a: TestApi, username: string, password = TEST_PASSWORD, headers = {}) {
  return a.gql<{ signIn: { token: string; expiresAt: string } }>(
    SIGN_IN,
    { u: username, p: password },
    headers,
  );
}

describe('signing in', () => {
  it('returns a signed, expiring token that the API then accepts', async () => {
    const r = await signIn(api, 'T-XN-NEV'); // user names are not case-sensitive
    expect(r.errors).toBeUndefined();
    const { token, expiresAt } = r.data!.signIn;
    expect(token.split('.')).toHaveLength(3);
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    const me = await api.gql(ME, {}, bearer(token));
    expect(me.data).toEqual({
      me: {
        username: 't-xn-nev',
        role: 'TASK_FORCE',
        regionCode: '421200',
        region: { name: '咸宁市' },
        chains: [{ key: 'nev' }],
        can: { editProjects: true, editTaskForces: false, editCatalog: false, readAudit: false },
      },
    });
    const [row] = await db.executor.read(
      cypher(
        'testLastSignIn',
        `MATCH (u:User {username: 't-xn-nev'}) RETURN u.lastSignInAt IS NOT NULL AS yes`,
      ),
    );
    expect(row!.yes).toBe(true);
  });

  it('answers a wrong password and an unknown user alike, never saying which', async () => {
    const wrong = await signIn(api, 't-xianning', 'not-the-password');
    const unknown = await signIn(api, 'nobody-here', 'not-the-password');
    expect(code(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.errors).toEqual(wrong.errors);
    expect(wrong.data).toBeNull();
  });

  it('refuses a disabled account, and its still-valid token for anything scoped', async () => {
    const { token } = (await signIn(api, 't-analyst')).data!.signIn;
    await db.executor.write(
      cypher('testDisable', `MATCH (u:User {username: 't-analyst'}) SET u.active = false`),
    );
    try {
      expect(code(await signIn(api, 't-analyst'))).toBe('UNAUTHENTICATED');
      expect(code(await api.gql(PROJECTS, {}, bearer(token)))).toBe('UNAUTHENTICATED');
    } finally {
      await db.executor.write(
        cypher('testEnable', `MATCH (u:User {username: 't-analyst'}) SET u.active = true`),
      );
    }
  });

  it('me is null for anonymous callers; pipeline queries and writes need a user', async () => {
    expect((await api.gql(ME)).data).toEqual({ me: null });
    expect(code(await api.gql(PROJECTS))).toBe('UNAUTHENTICATED');
    expect(code(await api.gql(`mutation { createPerson(input: { name: "匿名" }) { key } }`))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('tokens', () => {
  const settings = () => authSettings(testConfig()).tokens;
  const user = TEST_USERS.xianning;

  async function status(token: string) {
    const r = await api.gql(PROJECTS, {}, bearer(token));
    return { status: r.status, code: code(r), reason: r.errors?.[0]?.extensions?.reason };
  }

  it('accepts a token it signed', async () => {
    const { token } = await issueToken(settings(), user);
    const r = await api.gql<{ projects: { totalCount: number } }>(PROJECTS, {}, bearer(token));
    expect(r.data?.projects.totalCount).toBe(3);
  });

  it('refuses a tampered token (a changed claim, with the old signature)', async () => {
    const { token } = await issueToken(settings(), user);
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(
      JSON.stringify({ ...claims, sub: TEST_USERS.admin.id, role: 'ADMIN' }),
    ).toString('base64url');
    expect(await status(`${h}.${forged}.${s}`)).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      reason: 'invalid',
    });
    // and one whose signature was touched
    const flipped = s.slice(0, -2) + (s.endsWith('AA') ? 'BB' : 'AA');
    expect((await status(`${h}.${p}.${flipped}`)).status).toBe(401);
  });

  it('refuses an unsigned token (alg none) and one signed with another key', async () => {
    const { token } = await issueToken(settings(), user);
    const p = token.split('.')[1]!;
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect((await status(`${none}.${p}.`)).status).toBe(401);
    const other = await issueToken(
      { ...settings(), secret: 'another-secret-of-at-least-32-characters!' },
      user,
    );
    expect(await status(other.token)).toEqual({ status: 401, code: 'UNAUTHENTICATED', reason: 'invalid' });
  });

  it('refuses an expired token, saying so', async () => {
    const { token } = await issueToken(settings(), user, Date.now() - 9 * 3600 * 1000);
    expect(await status(token)).toEqual({ status: 401, code: 'UNAUTHENTICATED', reason: 'expired' });
  });

  it('refuses a token for another audience or from another issuer', async () => {
    expect(
      (await status((await issueToken({ ...settings(), audience: 'other-api' }, user)).token)).status,
    ).toBe(401);
    expect(
      (await status((await issueToken({ ...settings(), issuer: 'someone-else' }, user)).token)).status,
    ).toBe(401);
  });

  it('refuses a malformed Authorization header, even for public data', async () => {
    const r = await api.gql(`{ chains { key } }`, {}, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(r.status).toBe(401);
    expect(code(r)).toBe('UNAUTHENTICATED');
  });
});

describe('anonymous reading', () => {
  it('is allowed for public data when the setting is on (the default outside production)', async () => {
    const r = await api.gql<{ chains: unknown[] }>(`{ chains { key } }`);
    expect(r.data?.chains).toHaveLength(2);
  });

  it('is refused when the setting is off, while health stays open and a signed-in user reads on', async () => {
    const closed = await startTestApi({ ALLOW_ANONYMOUS_READ: 'false' }, { as: null });
    try {
      const r = await closed.gql(`{ chains { key } enterprise(id: "e-catl") { name } }`);
      expect(code(r)).toBe('UNAUTHENTICATED');
      expect((await closed.gql(`{ health { ok } }`)).data).toEqual({ health: { ok: true } });
      const signedIn = await closed.as('analyst')(`{ chains { key } }`);
      expect(signedIn.errors).toBeUndefined();
      const csv = await fetch(`${closed.url}/export/investment-map.csv?chainId=nev&regionCode=421200`);
      expect(csv.status).toBe(401);
    } finally {
      await closed.stop();
    }
  });
});

describe('abuse limits', () => {
  it('limits sign-in attempts per user name, and a success clears the count', async () => {
    const limited = await startTestApi(
      { SIGNIN_LIMIT_PER_USER: '3', SIGNIN_LIMIT_PER_ADDRESS: '100' },
      { as: null },
    );
    try {
      for (let i = 0; i < 2; i++)
        expect(code(await signIn(limited, 't-jiayu', 'wrong'))).toBe('UNAUTHENTICATED');
      expect((await signIn(limited, 't-jiayu')).errors).toBeUndefined(); // third attempt: right, count cleared
      for (let i = 0; i < 3; i++)
        expect(code(await signIn(limited, 't-jiayu', 'wrong'))).toBe('UNAUTHENTICATED');
      const blocked = await signIn(limited, 't-jiayu'); // even the right password waits now
      expect(code(blocked)).toBe('RATE_LIMITED');
      expect(blocked.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
      // Another user from the same address is not affected.
      expect((await signIn(limited, 't-hanzhong')).errors).toBeUndefined();
    } finally {
      await limited.stop();
    }
  });

  it('limits sign-in attempts per address, whatever the user names', async () => {
    const limited = await startTestApi(
      { SIGNIN_LIMIT_PER_ADDRESS: '4', SIGNIN_LIMIT_PER_USER: '100' },
      { as: null },
    );
    try {
      for (const u of ['a1', 'a2', 'a3', 'a4'])
        expect(code(await signIn(limited, u, 'x'))).toBe('UNAUTHENTICATED');
      expect(code(await signIn(limited, 't-admin'))).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });

  it('limits API requests per token (429 with Retry-After), each token counted apart', async () => {
    const limited = await startTestApi({ API_LIMIT_PER_TOKEN: '5', API_LIMIT_WINDOW_SECONDS: '60' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await limited.as('xianning')(`{ chains { key } }`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const res = await fetch(`${limited.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(await limited.token('xianning')) },
        body: JSON.stringify({ query: '{ chains { key } }' }),
      });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(
        ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe('RATE_LIMITED');
      // Another token still gets through.
      expect((await limited.as('hanzhong')(`{ chains { key } }`)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
