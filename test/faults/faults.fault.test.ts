import {
  createDriver,
  createLogger,
  cypher,
  Executor,
  loadConfig,
  migrate,
  startLocalNeo4j,
  type LocalNeo4j,
} from '@chainmap/graph';
import { startApp, type App } from '@chainmap/server';
import type { Driver } from 'neo4j-driver';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestUsers, tokenFor } from '../support/users.js';
import { buildWorld } from '../support/world.js';
import { startLoad, type Outcome } from './load.js';

// Faults (issue 9), against an embedded Neo4j of this file's own (it is stopped and started, so
// this suite never uses NEO4J_URI): Neo4j stops while the API is under read and write load, then
// comes back; the API is restarted under load; an import process is SIGKILLed and run again.
// Requests fail fast with a clear code, the API recovers by itself, every acknowledged write is
// there once, a failed or interrupted write left nothing behind, and a re-run import equals an
// uninterrupted one.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = Number(process.env.FAULT_NEO4J_BOLT_PORT ?? 7693);
const DATA_DIR = join(ROOT, '.data/neo4j-faults');
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'faults');
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  NEO4J_URI: `bolt://127.0.0.1:${PORT}`,
  HOST: '127.0.0.1',
  PORT: '0',
  SERVE_WEB: 'false',
  // The load here is far above a person's; the request limit is not what these tests are about.
  API_LIMIT_PER_TOKEN: '10000000',
});
const startNeo4j = (fresh: boolean) =>
  startLocalNeo4j({ port: PORT, dataDir: DATA_DIR, heap: '512m', pageCache: '256m', fresh, onLog: () => {} });

let neo4j: LocalNeo4j | undefined;
let driver: Driver;
let executor: Executor;
/** Writes need a signed-in user: the load runs as the test ADMIN. */
let signedIn: () => Record<string, string>;

beforeAll(async () => {
  neo4j = await startNeo4j(true);
  driver = createDriver(config, neo4j.uri);
  executor = new Executor(driver, { database: config.NEO4J_DATABASE, timeoutMs: 30_000, logger });
  await migrate(executor, logger);
  await buildWorld(executor);
  await ensureTestUsers(executor);
  const token = await tokenFor(config, 'admin');
  signedIn = () => ({ authorization: `Bearer ${token}` });
}, 300_000);

afterAll(async () => {
  await driver?.close();
  await neo4j?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A logger for an API under test that also keeps what it logs as errors (its own and its
 * requests' child loggers'), so that a failed assertion can say what went wrong inside.
 */
function errorRecorder(): { logger: typeof logger; errors: string[] } {
  const recorder = logger.child({});
  const errors: string[] = [];
  const error = recorder.error;
  // Child loggers (one per request) inherit this method from their parent.
  recorder.error = function (this: typeof logger, ...args: Parameters<typeof logger.error>) {
    const [first, msg] = args as [unknown, unknown];
    const err = (first as { err?: unknown } | null)?.err ?? first;
    errors.push(
      `${String(msg ?? '')} ${err instanceof Error ? (err.stack ?? err.message) : JSON.stringify(err)}`,
    );
    return error.apply(this, args);
  } as typeof logger.error;
  return { logger: recorder, errors };
}

/** How many of each written id the graph holds: projects with their first stage event. */
async function stored(ids: string[]): Promise<Map<string, { projects: number; events: number }>> {
  const rows = await executor.read(
    cypher(
      'faultStored',
      `UNWIND $ids AS id
       OPTIONAL MATCH (p:Project {id: id})
       RETURN id, count(p) AS projects, COUNT { (:Project {id: id})-[:HAS_EVENT]->(:ProjectStageEvent) } AS events`,
    ),
    { ids },
  );
  return new Map(rows.map((r) => [String(r.id), { projects: Number(r.projects), events: Number(r.events) }]));
}

function writesIn(outcomes: Outcome[]) {
  const writes = outcomes.filter((o) => o.kind === 'write');
  return {
    acknowledged: writes.filter((o) => o.ok).map((o) => o.id!),
    failed: writes.filter((o) => !o.ok).map((o) => o.id!),
  };
}

describe('Neo4j stops under load', () => {
  it('fails fast with SERVICE_UNAVAILABLE, serves again by itself, keeps every acknowledged write once', async () => {
    const app: App = await startApp({ config, logger, executor });
    try {
      const load = startLoad(app.url, { readers: 3, writers: 2, prefix: 'outage', headers: signedIn });
      await sleep(3_000);
      const down = Date.now();
      await neo4j!.stop();
      neo4j = undefined;
      // While it is down: health says so, quickly, and requests fail with a clear code.
      const health = await fetch(`${app.url}/health`, { signal: AbortSignal.timeout(20_000) });
      expect(health.status).toBe(503);
      await sleep(6_000);
      const up = Date.now();
      neo4j = await startNeo4j(false);
      // The same API process and driver, no restart: it serves again by itself.
      await expect
        .poll(async () => (await fetch(`${app.url}/health`)).status, { timeout: 60_000, interval: 500 })
        .toBe(200);
      const back = Date.now();
      await sleep(6_000);
      const outcomes = await load.stop();

      const during = outcomes.filter((o) => o.endedAt > down + 2_000 && o.startedAt < up);
      const failures = outcomes.filter((o) => !o.ok);
      expect(during.length).toBeGreaterThan(0);
      expect(during.filter((o) => !o.ok).length).toBeGreaterThan(0);
      // Fail fast: while Neo4j is down a request fails within the driver's connection and retry
      // windows. A request that arrives while Neo4j is starting again may wait for it and then
      // succeed; none hangs.
      const slowestFailure = Math.max(...failures.map((f) => f.ms));
      expect(slowestFailure).toBeLessThan(20_000);
      expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(60_000);
      for (const f of failures) {
        expect(f.status, JSON.stringify(f)).toBeLessThan(600);
        expect(f.code, JSON.stringify(f)).toBe('SERVICE_UNAVAILABLE');
      }
      // Both reads and writes succeed again after it is back.
      const after = outcomes.filter((o) => o.endedAt > back);
      expect(after.some((o) => o.kind === 'read' && o.ok)).toBe(true);
      expect(after.some((o) => o.kind === 'write' && o.ok)).toBe(true);

      const { acknowledged, failed } = writesIn(outcomes);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(failed.length).toBeGreaterThan(0);
      const found = await stored([...acknowledged, ...failed]);
      for (const id of acknowledged) expect(found.get(id), id).toEqual({ projects: 1, events: 1 });
      for (const id of failed) expect(found.get(id), id).toEqual({ projects: 0, events: 0 });
      process.stdout.write(
        `[faults] outage: ${outcomes.length} requests, ${failures.length} failed with SERVICE_UNAVAILABLE ` +
          `(slowest failure ${Math.round(slowestFailure)} ms, slowest request ${Math.round(Math.max(...outcomes.map((o) => o.ms)))} ms), ${acknowledged.length} writes acknowledged and present\n`,
      );
    } finally {
      await app.stop();
    }
  }, 300_000);
});

describe('the API restarted under load', () => {
  it('drains in-flight requests, leaves no half-written project, and the next process serves', async () => {
    const api = errorRecorder();
    const first: App = await startApp({ config, logger: api.logger, executor });
    const load = startLoad(first.url, { readers: 3, writers: 3, prefix: 'restart', headers: signedIn });
    await sleep(3_000);
    const stoppedAt = Date.now();
    await first.stop();
    const outcomes = await load.stop();
    // A request either completed with a proper GraphQL answer, or never reached a handler: refused
    // after the server closed, or its connection closed before the request was read (the server
    // closes idle connections when it drains). None was cut off while being handled: an answered
    // request is a success, and a write that got no answer wrote nothing.
    const answered = outcomes.filter((o) => o.status > 0);
    const refused = outcomes.filter((o) => o.status === 0);
    expect(answered.length).toBeGreaterThan(0);
    // An answer with an error says what the API logged (an INTERNAL_SERVER_ERROR was seen once
    // in a clean-clone run, and could not be reproduced).
    for (const o of answered)
      expect(o.ok, JSON.stringify({ ...o, stoppedAt, logged: api.errors })).toBe(true);
    for (const o of refused) expect(o.network, JSON.stringify(o)).toMatch(/ECONNREFUSED|ECONNRESET/);

    const { acknowledged } = writesIn(outcomes);
    const attempted = outcomes.filter((o) => o.kind === 'write').map((o) => o.id!);
    const found = await stored(attempted);
    for (const id of acknowledged) expect(found.get(id), id).toEqual({ projects: 1, events: 1 });
    // A write that got no answer is absent or whole, never half-written. (Rarely one was handled
    // and answered while the server tore its connection down, so the client saw a reset: the
    // project is then there with its event; a client retrying it by id gets CONFLICT, not a copy.)
    for (const o of refused.filter((r) => r.kind === 'write')) {
      expect([0, 2], JSON.stringify({ ...o, stoppedAt })).toContain(
        found.get(o.id!)!.projects + found.get(o.id!)!.events,
      );
      expect(found.get(o.id!)!.projects, o.id).toBe(found.get(o.id!)!.events);
    }
    // Nothing half-written: every project of the run has its first stage event.
    for (const [id, f] of found) expect(f.projects === f.events, id).toBe(true);

    const second: App = await startApp({ config, logger, executor });
    try {
      const res = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ chains { key } }' }),
      });
      expect(res.status).toBe(200);
    } finally {
      await second.stop();
    }
  }, 120_000);
});

describe('an import killed midway', () => {
  const ROWS = 8_000;
  const CLI = join(ROOT, 'seed/dist/cli.js');

  /** The imported enterprises as data: properties (not provenance or versions) and location. */
  async function importedDigest(): Promise<string[]> {
    const rows = await executor.read(
      cypher(
        'faultImported',
        `MATCH (e:Enterprise) WHERE e.id STARTS WITH 'kill-'
         OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
         WITH e, r ORDER BY e.id
         RETURN collect([e.id, e.name, e.revenue, e.tags, e.regionCode, e.cityCode, r.code]) AS rows, count(e) AS n`,
      ),
    );
    return (rows[0]!.rows as unknown[]).map((r) => JSON.stringify(r));
  }

  const runImport = (file: string) =>
    spawn(process.execPath, [CLI, 'import', file, '--kind', 'enterprises', '--batch', '500'], {
      env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${PORT}`, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  const finished = (child: ReturnType<typeof spawn>) =>
    new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  it('re-run after SIGKILL gives the same graph as an uninterrupted import', async () => {
    expect(existsSync(CLI), 'build first (npm test does): seed/dist/cli.js').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'chainmap-kill-'));
    const file = join(dir, 'enterprises.csv');
    const counties = ['421202', '421221', '421281', '420106', '610702'];
    writeFileSync(
      file,
      'id,name,regionCode,revenue,tags\n' +
        Array.from(
          { length: ROWS },
          (_, i) =>
            `kill-${String(i).padStart(6, '0')},断点续导测试企业${i},${counties[i % counties.length]},${(i % 97) * 1.5},${i % 7 === 0 ? 'LISTED' : ''}`,
        ).join('\n') +
        '\n',
    );
    const count = async () =>
      Number(
        (
          await executor.read(
            cypher(
              'faultKillCount',
              `MATCH (e:Enterprise) WHERE e.id STARTS WITH 'kill-' RETURN count(e) AS n`,
            ),
          )
        )[0]!.n,
      );
    try {
      // Kill it once some batches are in and before the end.
      const first = runImport(file);
      const exited = finished(first);
      await expect.poll(count, { timeout: 120_000, interval: 100 }).toBeGreaterThan(0);
      first.kill('SIGKILL');
      expect(await exited).toBeNull();
      const partial = await count();
      expect(partial).toBeLessThan(ROWS);

      // Run again to the end.
      expect(await finished(runImport(file))).toBe(0);
      const resumed = await importedDigest();
      expect(resumed).toHaveLength(ROWS);

      // The same file into a graph without those enterprises, uninterrupted.
      await executor.write(
        cypher('faultKillWipe', `MATCH (e:Enterprise) WHERE e.id STARTS WITH 'kill-' DETACH DELETE e`),
      );
      expect(await finished(runImport(file))).toBe(0);
      expect(await importedDigest()).toEqual(resumed);
      process.stdout.write(
        `[faults] import killed at ${partial}/${ROWS} rows; re-run equals an uninterrupted import\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
