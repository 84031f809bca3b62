import { DbError, bookmarkPosition, migrate, cypher, toDbError, type CommitChanges } from '@chainmap/graph';
import { Neo4jError } from 'neo4j-driver';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, type TestDb } from '../support/db.js';

let db: TestDb;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

describe('health over HTTP', () => {
  it('returns the Neo4j version and edition read from the database', async () => {
    const r = await api.gql<{ health: { ok: boolean; neo4j: { version: string; edition: string } } }>(
      '{ health { ok neo4j { version edition } } }',
    );
    expect(r.status).toBe(200);
    expect(r.data?.health.ok).toBe(true);
    expect(r.data?.health.neo4j.version).toMatch(/^5\.26\./);
    expect(r.data?.health.neo4j.edition).toBe('community');
  });

  it('answers GET requests with the GraphQL response media type', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ health { ok } }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': '1' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(await res.json()).toEqual({ data: { health: { ok: true } } });
  });

  it('refuses a simple cross-site GET (CSRF prevention)', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ health { ok } }')}`);
    expect(res.status).toBe(400);
  });
});

describe('migrations', () => {
  it('are recorded once, and re-applying them is a no-op', async () => {
    const before = await db.executor.read(
      cypher('t', 'MATCH (m:Migration) RETURN m.id AS id, m.appliedAt AS at ORDER BY id'),
    );
    expect(before.map((r) => r.id)).toContain('0001-constraints');
    const again = await migrate(db.executor);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toEqual(before.map((r) => r.id));
    const after = await db.executor.read(
      cypher('t', 'MATCH (m:Migration) RETURN m.id AS id, m.appliedAt AS at ORDER BY id'),
    );
    expect(after).toEqual(before);
  });

  it('created the Chinese full-text index with the cjk analyzer', async () => {
    const analyzers = await db.executor.read(
      cypher('t', 'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN analyzer'),
    );
    expect(analyzers.map((r) => r.analyzer)).toContain('cjk');
    const [idx] = await db.executor.read(
      cypher(
        't',
        "SHOW FULLTEXT INDEXES YIELD name, state, options WHERE name = 'name_search' RETURN state, options",
      ),
    );
    expect(idx?.state).toBe('ONLINE');
    expect(JSON.stringify(idx?.options)).toContain('cjk');
  });
});

describe('constraints', () => {
  it('reject a duplicate id with a typed CONFLICT error and keep the first', async () => {
    const create = cypher('t', 'CREATE (:Chain {id: $id, name: $name})');
    await db.executor.write(create, { id: 'dup', name: 'first' });
    const err = await db.executor.write(create, { id: 'dup', name: 'second' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).code).toBe('CONFLICT');
    const rows = await db.executor.read(cypher('t', "MATCH (c:Chain {id: 'dup'}) RETURN c.name AS name"));
    expect(rows).toEqual([{ name: 'first' }]);
  });
});

describe('commits', () => {
  it('are told to the listeners with the parts they change, at consecutive transaction ids', async () => {
    const heard: [bigint | undefined, CommitChanges | null][] = [];
    const stop = db.executor.onCommit((bookmark, changes) =>
      heard.push([bookmarkPosition(bookmark)?.tx, changes]),
    );
    try {
      const mark = cypher('testCommitMark', 'CREATE (:CommitMark {at: $at})');
      await db.executor.write(mark, { at: 1 }, ['tracking']);
      await db.executor.writeTx('testCommitMarks', (tx) => tx.run(mark, { at: 2 }));
      await db.executor.write(mark, { at: 3 }, ['users', 'audit']);
      const { bookmark } = await db.executor.readWithBookmark(cypher('testCommitRead', 'RETURN 1 AS one'));
      await db.executor.write(cypher('testCommitClean', 'MATCH (m:CommitMark) DELETE m'));
      const [first] = heard[0]!;
      expect(first).toBeTypeOf('bigint');
      expect(heard.slice(0, 3)).toEqual([
        [first, { parts: ['tracking'], chains: null }],
        [first! + 1n, null],
        [first! + 2n, { parts: ['users', 'audit'], chains: null }],
      ]);
      // A read after them stands at the last one.
      expect(bookmarkPosition(bookmark)?.tx).toBe(first! + 2n);
    } finally {
      stop();
    }
  });
});

describe('concurrent writes', () => {
  it('that deadlock are retried by the driver, not answered as an internal error', async () => {
    // Two transactions lock the same two nodes in opposite orders, each waiting for the other to
    // hold its first: Neo4j refuses one with a transient DeadlockDetected, which a managed
    // transaction must run again (a concurrent write on the same project or firm is an everyday
    // case); both then commit.
    await db.executor.write(cypher('testLockSetup', "UNWIND ['a', 'b'] AS id MERGE (:LockMark {id: id})"));
    const lock = cypher('testLock', 'MATCH (m:LockMark {id: $id}) SET m.by = $by');
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      return { open, opened };
    };
    const aHeld = gate();
    const bHeld = gate();
    const attempts = { one: 0, two: 0 };
    try {
      const [one, two] = await Promise.allSettled([
        db.executor.writeTx('testLockOne', async (tx) => {
          attempts.one++;
          await tx.run(lock, { id: 'a', by: 'one' });
          aHeld.open();
          await bHeld.opened;
          await tx.run(lock, { id: 'b', by: 'one' });
        }),
        db.executor.writeTx('testLockTwo', async (tx) => {
          attempts.two++;
          await aHeld.opened;
          await tx.run(lock, { id: 'b', by: 'two' });
          bHeld.open();
          await tx.run(lock, { id: 'a', by: 'two' });
        }),
      ]);
      expect(
        [one.status, two.status],
        JSON.stringify([one, two], ['status', 'reason', 'code', 'message']),
      ).toEqual(['fulfilled', 'fulfilled']);
      // One of them was refused once and ran again.
      expect(attempts.one + attempts.two).toBeGreaterThanOrEqual(3);
    } finally {
      await db.executor.write(cypher('testLockClean', 'MATCH (m:LockMark) DELETE m'));
    }
  });

  it('that stay refused after the retries answer SERVICE_UNAVAILABLE, a code a client may retry on', () => {
    const e = toDbError(
      new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', 'gql', 'desc'),
      'q',
    );
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('configuration', () => {
  const cli = fileURLToPath(new URL('../../graph/dist/cli.js', import.meta.url));
  it('a bad value makes a process exit non-zero with a message naming the variable', () => {
    expect(existsSync(cli), 'graph/dist/cli.js is missing: npm test builds it first').toBe(true);
    const r = spawnSync('node', [cli, 'migrate'], {
      env: { PATH: process.env.PATH, NEO4J_URI: 'http://localhost:7474', NEO4J_TX_TIMEOUT_MS: 'soon' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('NEO4J_URI');
    expect(r.stderr).toContain('NEO4J_TX_TIMEOUT_MS');
  });
});

describe('limits', () => {
  it('refuse an abusive query (depth, aliases, body size) while the server keeps serving', async () => {
    const deep = `{ health ${'{ neo4j '.repeat(1)}{ version } } }`;
    expect((await api.gql(deep)).data).toBeDefined();
    const aliases = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: health { ok }`).join(' ')} }`;
    const r1 = await api.gql(aliases);
    expect(r1.errors?.[0]?.message).toMatch(/alias/i);
    const huge = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ health { ok } } # ${'x'.repeat(2_000_000)}` }),
    });
    expect(huge.status).toBe(413);
    expect(
      ((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('PAYLOAD_TOO_LARGE');
    const tokens = await api.gql(`{ health { ok ${'__typename '.repeat(6_000)} } }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0]?.message).toMatch(/5000 tokens/);
    const bad = await api.gql('{ health { ok ');
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await api.gql('{ health { ok } }')).data).toEqual({ health: { ok: true } });
  });
});
