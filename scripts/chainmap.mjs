#!/usr/bin/env node
// The two commands of the README, in plain JavaScript so they run on a fresh clone before
// anything is installed:
//   npm start  → install, build, start Neo4j (embedded unless NEO4J_URI is set), migrate, seed, serve
//   npm test   → install, build, type-check, lint, then every test suite
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const children = new Set();

function say(msg) {
  process.stdout.write(`\x1b[36m[chainmap]\x1b[0m ${msg}\n`);
}

function fail(msg, code = 1) {
  process.stderr.write(`\x1b[31m[chainmap]\x1b[0m ${msg}\n`);
  for (const c of children) c.kill('SIGTERM');
  process.exit(code);
}

/** Run a command to completion in the repo root, inheriting output; exit on failure. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  if (r.status !== 0)
    fail(`${opts.label ?? [cmd, ...args].join(' ')} failed (exit ${r.status ?? r.signal})`, r.status || 1);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Node ${process.versions.node} is too old: ChainMap needs Node 20.19 or newer.`);
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
function ensureInstalled() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.chainmap-installed');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  say('installing dependencies (npm ci)…');
  run(npm, ['ci', '--no-audit', '--no-fund'], { label: 'npm ci' });
  writeFileSync(stamp, hash);
}

function build({ web = true } = {}) {
  say('building (tsc -b)…');
  run('npx', ['tsc', '-b'], { label: 'TypeScript build' });
  if (web) {
    say('building the explorer (vite build)…');
    run(npm, ['run', 'build', '-w', 'web', '--silent'], { label: 'explorer build' });
  }
}

/** Start a long-running child; resolve with it once `ready` matches a line of its output. */
function startChild(label, cmd, args, { env = {}, ready, timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let done = !ready;
    const timer =
      ready &&
      setTimeout(() => reject(new Error(`${label} was not ready after ${timeoutMs / 1000} s`)), timeoutMs);
    const onLine = (stream) => (line) => {
      stream.write(`${label.padEnd(6)}| ${line}\n`);
      const m = !done && ready.exec(line);
      if (m) {
        done = true;
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    };
    lines(child.stdout, onLine(process.stdout));
    lines(child.stderr, onLine(process.stderr));
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (!done) reject(new Error(`${label} exited (${code ?? signal}) before it was ready`));
      else if (!shuttingDown) fail(`${label} stopped unexpectedly (${code ?? signal})`);
    });
    if (!ready) resolve({ child });
  });
}

function lines(stream, onLine) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => buf && onLine(buf));
}

let shuttingDown = false;
async function shutdown() {
  if (shuttingDown) return;
  shuttingDown = true;
  say('stopping…');
  // Stop in reverse order of start: the API drains first, Neo4j shuts down last.
  for (const c of [...children].reverse()) {
    c.kill('SIGTERM');
    await new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)));
  }
  process.exit(0);
}

async function start() {
  checkNode();
  ensureInstalled();
  build();
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const env = { NODE_ENV: process.env.NODE_ENV ?? 'development' };
  if (!process.env.NEO4J_URI) {
    say('starting the embedded Neo4j (set NEO4J_URI to use another server)…');
    const { match } = await startChild('neo4j', 'node', ['graph/dist/cli.js', 'neo4j'], {
      ready: /ready: (bolt:\/\/127\.0\.0\.1:\d+)/,
    });
    env.NEO4J_URI = match[1];
  }
  run('node', ['graph/dist/cli.js', 'migrate'], { env, label: 'migrations' });
  if (existsSync(join(root, 'seed/dist/cli.js'))) {
    run('node', ['seed/dist/cli.js', 'default', '--if-empty'], { env, label: 'seed' });
    // Development only: one user per role, with public passwords (printed here, in README.md).
    if (env.NODE_ENV !== 'production') {
      run('node', ['seed/dist/cli.js', 'dev-users'], { env, label: 'development users' });
    }
  }
  const { match } = await startChild('api', 'node', ['server/dist/main.js'], {
    env,
    ready: /ChainMap API on (\S+)\/graphql/,
  });
  say(`ready: explorer ${match[1]}/  ·  GraphQL ${match[1]}/graphql  ·  Ctrl-C stops everything`);
}

function test() {
  checkNode();
  ensureInstalled();
  build();
  say('type-checking…');
  run(npm, ['run', 'check:types', '--silent'], { label: 'type check' });
  say('linting…');
  run(npm, ['run', 'check:lint', '--silent'], { label: 'lint' });
  say('running the test suites (unit, integration against a real Neo4j)…');
  run('npx', ['vitest', 'run', '--config', 'test/vitest.config.ts', ...process.argv.slice(3)], {
    label: 'tests',
  });
}

const command = process.argv[2];
if (command === 'start') start().catch((e) => fail(e.message));
else if (command === 'test') test();
else fail('usage: node scripts/chainmap.mjs start|test');
