import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runningLocalNeo4j,
  startLocalNeo4j,
  type LocalNeo4j,
  type LocalNeo4jOptions,
} from './local-neo4j.js';

// Real Neo4j JVMs on a 2-core machine: modest memory, one instance shared where possible.
const MEMORY = { heap: '512m', pageCache: '256m' } satisfies LocalNeo4jOptions;

/** A port nothing listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = await listen(0);
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });
}

async function query<T>(uri: string, cypher: string, read: (record: Neo4jRecord) => T): Promise<T[]> {
  // Auth is disabled; the driver still accepts (and the server ignores) credentials.
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'));
  try {
    const { records } = await driver.executeQuery(cypher);
    return records.map(read);
  } finally {
    await driver.close();
  }
}

describe('startLocalNeo4j', () => {
  let root: string;
  let dataDir: string;
  let first: LocalNeo4j | undefined;
  const logs: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'chainmap-neo4j-'));
    dataDir = join(root, 'data');
    first = await startLocalNeo4j({
      ...MEMORY,
      port: await freePort(),
      dataDir,
      fresh: true,
      onLog: (line) => logs.push(line),
    });
  }, 300_000);

  afterAll(async () => {
    await first?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('starts Neo4j 5.26 community and answers RETURN 1 over Bolt', async () => {
    expect(first!.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(first!.version).toMatch(/^5\.26\.\d+$/);
    expect(await query(first!.uri, 'RETURN 1 AS one', (r) => r.get('one').toNumber())).toEqual([1]);
    const editions = await query(first!.uri, 'CALL dbms.components() YIELD edition RETURN edition', (r) =>
      r.get('edition'),
    );
    expect(editions).toEqual(['community']);
  });

  it('accepts a driver without credentials (auth is disabled)', async () => {
    const driver = neo4j.driver(first!.uri);
    try {
      const { records } = await driver.executeQuery('RETURN 2 AS two');
      expect(records[0]!.get('two').toNumber()).toBe(2);
    } finally {
      await driver.close();
    }
  });

  it('offers the cjk full-text analyzer', async () => {
    const analyzers = await query(
      first!.uri,
      'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN analyzer',
      (r) => r.get('analyzer') as string,
    );
    expect(analyzers).toContain('cjk');
  });

  it('refuses a second start on the same data dir, naming the pid, and the first keeps working', async () => {
    const second = startLocalNeo4j({ ...MEMORY, port: await freePort(), dataDir, onLog: () => {} });
    await expect(second).rejects.toThrow(`Neo4j is already running on ${dataDir} (pid ${first!.pid}`);
    // fresh must not wipe a live database either.
    const wiping = startLocalNeo4j({
      ...MEMORY,
      port: await freePort(),
      dataDir,
      fresh: true,
      onLog: () => {},
    });
    await expect(wiping).rejects.toThrow(`(pid ${first!.pid}`);
    expect(await query(first!.uri, 'RETURN 1 AS one', (r) => r.get('one').toNumber())).toEqual([1]);
  });

  it('tells another process where the running one answers (what openDatabase connects to)', async () => {
    expect(await runningLocalNeo4j(dataDir)).toEqual({ pid: first!.pid, uri: first!.uri });
    expect(await runningLocalNeo4j(join(dataDir, 'elsewhere'))).toBeUndefined();
  });

  it("falls back on Neo4j's store lock when the pid file is gone, with a clear message", async () => {
    const pidFile = join(dataDir, 'chainmap-neo4j.pid');
    await rename(pidFile, `${pidFile}.aside`);
    try {
      const second = startLocalNeo4j({ ...MEMORY, port: await freePort(), dataDir, onLog: () => {} });
      await expect(second).rejects.toThrow(
        `the data folder ${dataDir} is locked: another Neo4j process is using it`,
      );
    } finally {
      await rename(`${pidFile}.aside`, pidFile);
    }
    expect(await query(first!.uri, 'RETURN 1 AS one', (r) => r.get('one').toNumber())).toEqual([1]);
  });

  it('reports a port in use before starting a JVM', async () => {
    const squatter = await listen(0);
    const { port } = squatter.address() as { port: number };
    try {
      const otherDir = join(root, 'port-test');
      await expect(startLocalNeo4j({ ...MEMORY, port, dataDir: otherDir, onLog: () => {} })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is in use; is another Neo4j running? choose another with NEO4J_BOLT_PORT`,
      );
      // The failed start leaves no pid file that would block the folder later.
      expect(existsSync(join(otherDir, 'chainmap-neo4j.pid'))).toBe(false);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('stops cleanly and keeps data written before a restart', async () => {
    await query(first!.uri, "CREATE (:LauncherProbe {name: '产业链'})", () => null);
    const { pid } = first!;
    await first!.stop();
    first = undefined;
    expect(logs).toContain(`Neo4j (pid ${pid}) exited with code 0`);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(existsSync(join(dataDir, 'chainmap-neo4j.pid'))).toBe(false);

    first = await startLocalNeo4j({ ...MEMORY, port: await freePort(), dataDir, onLog: () => {} });
    const names = await query(first.uri, 'MATCH (p:LauncherProbe) RETURN p.name AS name', (r) =>
      r.get('name'),
    );
    expect(names).toEqual(['产业链']);
  }, 300_000);
});
