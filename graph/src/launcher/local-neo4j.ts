import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LAUNCHER_CLASS, prepareLauncher } from './classpath.js';
import { findJava } from './java.js';

/** How to run the local Neo4j; every field has a default suited to a developer machine. */
export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1. Default 7687. */
  port?: number;
  /** Neo4j home: store, transaction logs and Neo4j's own logs. Default `<repo>/.data/neo4j`. */
  dataDir?: string;
  /** JVM heap (-Xms and -Xmx), e.g. '512m'. Default '2g'. */
  heap?: string;
  /** Page cache for the store files, e.g. '256m'. Default '2g'. */
  pageCache?: string;
  /** Delete dataDir first, for tests. Refused while a Neo4j is running on it. */
  fresh?: boolean;
  /** Receives progress lines (first-run download, compile, exit). Default: stderr. */
  onLog?: (line: string) => void;
}

/** A running local Neo4j. */
export interface LocalNeo4j {
  /** `bolt://127.0.0.1:<port>`; authentication is disabled, so any or no credentials work. */
  uri: string;
  /** Neo4j kernel version, e.g. '5.26.30'. */
  version: string;
  /** Process id of the JVM. */
  pid: number;
  /** Absolute Neo4j home in use. */
  dataDir: string;
  /** Shuts Neo4j down cleanly (SIGTERM, SIGKILL after 60 s) and waits for the JVM to exit. */
  stop(): Promise<void>;
}

/** Repository root: graph/src/launcher (or graph/dist/launcher) is three levels below it. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PID_FILE = 'chainmap-neo4j.pid';
/** Generous: a warm start takes ~10 s on 2 idle cores, but several times that on a busy machine. */
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;
const SIZE = /^\d+[kmg]?$/i;

/**
 * Flags for Neo4j 5 on JDK 17, after the server distribution's own neo4j.conf: G1, the module
 * openings Neo4j's page cache and Netty need, and no JMX for log4j. No AlwaysPreTouch (slow start
 * for a dev box).
 */
function jvmFlags(heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
  ];
}

/** Where the embedded Neo4j keeps its data unless told otherwise (NEO4J_DATA_DIR). */
const DEFAULT_DATA_DIR = join(REPO_ROOT, '.data', 'neo4j');

/**
 * The embedded Neo4j another process is running on `dataDir` (the default folder when unset),
 * by the folder's pid file: its pid and Bolt URI, or undefined when none is running there.
 */
export async function runningLocalNeo4j(dataDir?: string): Promise<{ pid: number; uri: string } | undefined> {
  const record = await readPidFile(resolve(dataDir ?? DEFAULT_DATA_DIR));
  if (!record || record.state !== 'running' || !(await isAlive(record))) return undefined;
  return { pid: record.pid, uri: `bolt://127.0.0.1:${record.port}` };
}

/**
 * Starts Neo4j Community 5.26 embedded in a JVM of its own, with Bolt on 127.0.0.1, and resolves
 * once the default database answers queries. This is how the product and the tests get a real
 * database when NEO4J_URI is unset: no Docker, no Neo4j install, only a JDK and (on the first run)
 * Maven.
 *
 * A pid file in the data folder makes a second start on a folder in use fail at once, naming the
 * pid; Neo4j's own store lock backs that up, so two processes never write one store. The JVM also
 * shuts down cleanly by itself if this Node process dies (it watches its stdin).
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const port = opts.port ?? 7687;
  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  const heap = opts.heap ?? '2g';
  const pageCache = opts.pageCache ?? '2g';
  const log = opts.onLog ?? ((line: string) => process.stderr.write(`[neo4j] ${line}\n`));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`invalid Bolt port ${port}`);
  if (!SIZE.test(heap)) throw new Error(`invalid heap size '${heap}' (expected e.g. 512m or 2g)`);
  if (!SIZE.test(pageCache))
    throw new Error(`invalid page cache size '${pageCache}' (expected e.g. 512m or 2g)`);

  const tools = await findJava();
  if (opts.fresh) {
    await refuseIfRunning(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  }
  await mkdir(dataDir, { recursive: true });
  await claimPidFile(dataDir, { pid: process.pid, port, state: 'starting' });
  let child: ChildProcess | undefined;
  try {
    await assertPortFree(port);
    const classpath = await prepareLauncher(tools, log);
    const args = [
      ...jvmFlags(heap),
      '-cp',
      classpath,
      LAUNCHER_CLASS,
      ...['--home', dataDir, '--port', String(port), '--pagecache', pageCache, '--exit-on-stdin-eof'],
    ];
    log(
      `starting Neo4j on bolt://127.0.0.1:${port} (data ${dataDir}, heap ${heap}, page cache ${pageCache})`,
    );
    const started = Date.now();
    child = spawn(tools.java, args, { cwd: dataDir, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = exitOf(child, dataDir, log);
    const ready = waitForReady(child, dataDir);
    ready.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    // From now on the pid file names the JVM, so a second start fails naming it even mid-start.
    if (child.pid)
      await writeFile(join(dataDir, PID_FILE), JSON.stringify({ pid: child.pid, port, state: 'running' }));
    const version = await ready;
    log(
      `Neo4j ${version} ready on bolt://127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return {
      uri: `bolt://127.0.0.1:${port}`,
      version,
      pid: child.pid!,
      dataDir,
      stop: stopper(child, exited),
    };
  } catch (error) {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await releasePidFile(dataDir, [process.pid, child?.pid]);
    throw error;
  }
}

/**
 * Waits for the launcher's READY line; rejects with its ERROR line, or with the output tail if the
 * JVM dies first (a JVM that cannot start, e.g. for lack of memory, reports on stdout and stderr).
 */
function waitForReady(child: ChildProcess, dataDir: string): Promise<string> {
  const tail: string[] = [];
  const keep = (line: string): void => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(
          `Neo4j did not become ready within ${READY_TIMEOUT_MS / 1000} s; see ${dataDir}/logs/debug.log\n` +
            tail.join('\n'),
        ),
      );
    }, READY_TIMEOUT_MS);
    let errorLine: string | undefined;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^CHAINMAP_NEO4J_READY \S+ version=(\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      } else if (line.startsWith('CHAINMAP_NEO4J_ERROR ')) {
        errorLine = line.slice('CHAINMAP_NEO4J_ERROR '.length);
      } else {
        keep(line);
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not run java: ${error.message}`));
    });
    // 'close', not 'exit': by then stdout and stderr are fully read, so the message is complete.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const why =
        errorLine ?? `Neo4j exited (${signal ?? `code ${code}`}) before it was ready:\n${tail.join('\n')}`;
      reject(new Error(why));
    });
  });
}

/** Resolves when the JVM has exited and its pid file is gone; logs how it ended. */
function exitOf(child: ChildProcess, dataDir: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      log(`Neo4j (pid ${child.pid}) exited with ${signal ?? `code ${code}`}`);
      void releasePidFile(dataDir, [child.pid]).then(resolve);
    });
  });
}

/** Builds stop(): SIGTERM (the launcher shuts Neo4j down and exits 0), SIGKILL if that hangs. */
function stopper(child: ChildProcess, exited: Promise<void>): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await exited;
  };
}

interface PidRecord {
  pid: number;
  port: number;
  /** 'starting': pid is the Node process launching it; 'running': pid is the JVM. */
  state: 'starting' | 'running';
}

/** Takes the data folder's pid file, failing if a live process holds it; a stale one is replaced. */
async function claimPidFile(dataDir: string, record: PidRecord): Promise<void> {
  const file = join(dataDir, PID_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, JSON.stringify(record), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await refuseIfRunning(dataDir);
    await unlink(file).catch(() => undefined);
  }
  throw new Error(`could not take ${file}: another start on ${dataDir} is racing this one`);
}

/** Throws the "already running" message if the data folder's pid file names a live process. */
async function refuseIfRunning(dataDir: string): Promise<void> {
  const other = await readPidFile(dataDir);
  if (!other || !(await isAlive(other))) return;
  throw new Error(
    other.state === 'running'
      ? `Neo4j is already running on ${dataDir} (pid ${other.pid}, bolt://127.0.0.1:${other.port}); ` +
          'stop it first, or choose another data folder with NEO4J_DATA_DIR'
      : `another process (pid ${other.pid}) is starting Neo4j on ${dataDir}; ` +
          'wait for it, or choose another data folder with NEO4J_DATA_DIR',
  );
}

async function readPidFile(dataDir: string): Promise<PidRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(join(dataDir, PID_FILE), 'utf8')) as Partial<PidRecord>;
    return typeof record.pid === 'number'
      ? { pid: record.pid, port: record.port ?? 0, state: record.state ?? 'running' }
      : undefined;
  } catch {
    return undefined; // missing or unreadable: treated as stale
  }
}

/** Removes the pid file if it still names one of these pids (never another start's file). */
async function releasePidFile(dataDir: string, pids: (number | undefined)[]): Promise<void> {
  const record = await readPidFile(dataDir);
  if (record && pids.includes(record.pid)) await unlink(join(dataDir, PID_FILE)).catch(() => undefined);
}

/**
 * Whether the recorded process still exists and is what the record says (a JVM running the
 * launcher, or a Node process), so a pid reused after a reboot does not block a start.
 */
async function isAlive(record: PidRecord): Promise<boolean> {
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = await readFile(`/proc/${record.pid}/cmdline`, 'utf8').catch(() => undefined);
  if (cmdline === undefined) return true; // no /proc (macOS): trust the pid
  return cmdline.includes(record.state === 'running' ? LAUNCHER_CLASS : 'node');
}

/** Fails with an actionable message when something already listens on 127.0.0.1:port. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} on 127.0.0.1 is in use; is another Neo4j running? choose another with NEO4J_BOLT_PORT`,
            )
          : new Error(`cannot check port ${port} on 127.0.0.1: ${error.message}`),
      );
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}
