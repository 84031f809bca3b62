// Peers benchmark (issue 9): ChainMap's GraphQL API beside (a) the fastest raw Cypher through
// the driver (the floor), (a′) the same served by bare node:http (the HTTP floor), (b) the API
// `@neo4j/graphql` generates over the same graph, and (c) a naive resolver design without
// batching, on the four analyst questions of bench/peers/questions.ts, in the same run, against
// the same already loaded store.
//
//   npm run bench -- --concurrency 1,8,32 --duration 10          # Neo4j from NEO4J_URI, or
//   node bench/dist/peers.js --port 7771 --data-dir .data/neo4j-bench-100k   # start that store
//
// How it is fair: every HTTP contender runs as its own child process (`node server/dist/main.js`
// for ChainMap, bench/dist/peers/http-floor.js, neo4j-graphql.js, naive.js) on the same
// Neo4j; each question is first asked once of every contender and the answers are checked equal
// (in full, or on the shared part where @neo4j/graphql cannot compute the answer; see
// questions.ts); then every question is asked of every contender for the same time at once
// (--prewarm: Neo4j's page cache, plan cache and JIT, and each API's, are warm before anyone is
// measured, whatever the order); then, for each concurrency, question and contender in turn: the
// same warm-up, then the measurement. Beside the questions, each HTTP contender is measured on
// `{ __typename }`, a request that reads nothing: the fixed cost of HTTP, JSON and GraphQL, which
// the in-process floor does not pay; the HTTP floor pays the least of it (HTTP and JSON, no
// GraphQL), so the ratio `ChainMap ÷ HTTP floor` measures ChainMap's own layers. HTTP
// contenders are driven by autocannon (keep-alive connections = the concurrency, POST JSON,
// every response's latency recorded); the floor by the same number of async workers looping on
// the driver in this process. Peak RSS of each API process is its
// VmHWM, reset (/proc/<pid>/clear_refs) before each concurrency level.
//
// Last, ChainMap and the floor (the two that keep figures) answer each question a few times right
// after a write by the benchmark, one request at a time: the first answer at a new database
// state, with nothing cached (ChainMap runs with ENGINE_CACHE_REFRESH=false, so no background
// refresh helps it).
//
// Options: --concurrency 1,8,32 --duration S (10 s measured) --warmup S (3 s) --prewarm S (5 s
// per question and contender, one request at a time, before any measurement) --after-commit N
// (10 requests per question, 0: none) --timeout S (60 s a request) --questions countyLink,diagnosis,gapTargets,provinceCounts
// --contenders raw,http-floor,chainmap,neo4j-graphql,naive --chain health --city 421200
// --gap-link ID (default: the diagnosis' most severe gap) --link nev.battery-materials
// --county 421202 --province 420000 --api-port 4790 (ChainMap; +1 @neo4j/graphql, +2 naive, +3 the HTTP floor)
// --port P --data-dir D --heap 4g --pagecache 4g (only when NEO4J_URI is unset: start the embedded
// store `bench:load --keep` left there) --out FILE (the figures as JSON).
import { createDriver, createLogger, Executor, loadConfig, startLocalNeo4j } from '@chainmap/graph';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  QUESTION_IDS,
  chainMapAsks,
  httpFloorAsks,
  neo4jGraphqlAsks,
  type HttpAsk,
  type Json,
  type Params,
  type QuestionId,
} from './peers/questions.js';
import { rawAnswers } from './peers/raw.js';

const { values: args } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '1,8,32' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    prewarm: { type: 'string', default: '5' },
    'after-commit': { type: 'string', default: '10' },
    timeout: { type: 'string', default: '60' },
    questions: { type: 'string', default: QUESTION_IDS.join(',') },
    contenders: { type: 'string', default: 'raw,http-floor,chainmap,neo4j-graphql,naive' },
    chain: { type: 'string', default: 'health' },
    city: { type: 'string', default: '421200' },
    'gap-link': { type: 'string' },
    link: { type: 'string', default: 'nev.battery-materials' },
    county: { type: 'string', default: '421202' },
    province: { type: 'string', default: '420000' },
    'api-port': { type: 'string', default: '4790' },
    port: { type: 'string', default: '7711' },
    'data-dir': {
      type: 'string',
      default: fileURLToPath(new URL('../../.data/neo4j-bench', import.meta.url)),
    },
    heap: { type: 'string', default: '4g' },
    pagecache: { type: 'string', default: '4g' },
    out: { type: 'string' },
  },
});

type Contender = 'raw' | 'http-floor' | 'chainmap' | 'neo4j-graphql' | 'naive';
const CONTENDERS: Contender[] = ['raw', 'http-floor', 'chainmap', 'neo4j-graphql', 'naive'];
const chosen = args.contenders.split(',') as Contender[];
const questions = args.questions.split(',') as QuestionId[];
const levels = args.concurrency.split(',').filter(Boolean).map(Number);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const prewarm = Number(args.prewarm);
const afterCommit = Number(args['after-commit']);
const log = (line: string) => process.stderr.write(`[peers] ${line}\n`);

const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** Peak resident memory (VmHWM) of a process in MiB. */
function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** Reset a process's VmHWM to its current RSS (Linux ≥ 4.0; ignored where not allowed). */
function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // keep the peak since start
  }
}

/** JSON with object keys sorted, so two answers compare by content. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** One kept-alive connection per server, as autocannon's: the requests asked one at a time. */
const oneAtATime = new Agent({ keepAlive: true, maxSockets: 1 });

/** One request: its answer's data, and the time from sending it to the parsed answer. */
function post(url: string, ask: HttpAsk): Promise<{ data: Json; ms: number }> {
  const body = JSON.stringify({ query: ask.query, variables: ask.variables });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      url,
      {
        method: 'POST',
        agent: oneAtATime,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            const answer = JSON.parse(text) as { errors?: unknown; data?: Json };
            if (res.statusCode !== 200 || answer.errors || !answer.data)
              throw new Error(`${url}: ${text.slice(0, 500)}`);
            resolve({ data: answer.data, ms: performance.now() - started });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Server {
  name: Contender;
  url: string;
  child: ChildProcess;
}

/** The API processes this run started, stopped with it whatever ends it. */
const children = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    for (const c of children) c.kill('SIGKILL');
    process.exit(130);
  });

/** Start an API as a child process and wait until it answers GraphQL. */
async function startServer(
  name: Contender,
  script: string,
  port: number,
  uri: string,
  env: Record<string, string> = {},
): Promise<Server> {
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    // ChainMap's request limit (600 a minute per address by default) would answer a fast
    // contender's later requests with 429s, which are not answers: the limit is lifted here.
    // Every contender runs as deployed: NODE_ENV=production (graphql-js drops its development
    // checks, which cost each of them alike), with anonymous reads on for ChainMap, as the
    // questions are asked without signing in, and a random token key it requires in production.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      AUTH_SECRET: randomBytes(48).toString('base64'),
      ALLOW_ANONYMOUS_READ: 'true',
      PORT: String(port),
      NEO4J_URI: uri,
      LOG_LEVEL: 'warn',
      SERVE_WEB: 'false',
      API_LIMIT_PER_TOKEN: '10000000',
      // Nothing is committed while the cells are measured, so the engine's background refresh
      // never runs then; off, the after-commit requests read every figure they need themselves
      // (the worst case) instead of racing a refresh started by the one before.
      ENGINE_CACHE_REFRESH: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.stdout!.resume();
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      if (res.ok) return { name, url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} did not start on ${url}`);
}

interface Sample {
  latencies: number[];
  seconds: number;
  errors: number;
  /** Distinct response sizes: one, when every answer was the checked one. */
  sizes: number;
}

/** autocannon against one URL: every response's latency, for some seconds or some requests. */
async function viaHttp(
  url: string,
  ask: HttpAsk,
  connections: number,
  run: { seconds: number } | { amount: number },
): Promise<Sample> {
  const latencies: number[] = [];
  const sizes = new Set<number>();
  let errors = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: ask.query, variables: ask.variables }),
        connections,
        ...('seconds' in run ? { duration: run.seconds } : { amount: run.amount }),
        timeout: Number(args.timeout),
      },
      (err, res) => (err ? reject(err as Error) : resolve(res)),
    );
    instance.on('response', (_client, status, bytes, ms) => {
      if (status !== 200) errors++;
      else latencies.push(ms);
      sizes.add(bytes);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  // A run for some seconds stops with requests still in flight, whose queries go on in Neo4j:
  // wait as long as the slowest answer took (the request timeout if none came) before the next
  // cell, so that they do not weigh on it.
  if ('seconds' in run) {
    const slowest = latencies.length
      ? latencies.reduce((a, b) => (a > b ? a : b))
      : Number(args.timeout) * 1000;
    await new Promise((r) => setTimeout(r, Math.min(slowest, Number(args.timeout) * 1000)));
  }
  return { latencies, seconds, errors: errors + result.errors + result.timeouts, sizes: sizes.size };
}

/** `connections` workers calling `fn` back to back for `seconds`. */
async function viaDriver(fn: () => Promise<unknown>, connections: number, seconds: number): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await fn();
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, errors, sizes: 1 };
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** The request that reads nothing: what HTTP, JSON and GraphQL cost an HTTP contender alone. */
const EMPTY: HttpAsk = { query: '{ __typename }', variables: {}, normal: () => null };

interface Row {
  question: QuestionId | 'empty';
  contender: Contender;
  concurrency: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  sizes: number;
  peakRssMiB?: number;
  /** The slowest answer (the after-commit rows, a few requests each). */
  max?: number;
  loadAverage: number;
  /** Why the cell is not a full measurement (too slow for the duration, skipped). */
  note?: string;
}

/** Fewer responses than this in the measured seconds: measure that many requests instead. */
const MIN_SAMPLES = 5;

/** A cell's row from its sample; `l0` is the load average when the cell started. */
function measured(
  cell: Pick<Row, 'question' | 'contender' | 'concurrency'>,
  sample: Sample,
  l0: number,
): Row {
  return {
    ...cell,
    p50: pct(sample.latencies, 50),
    p95: pct(sample.latencies, 95),
    p99: pct(sample.latencies, 99),
    rps: sample.latencies.length / sample.seconds,
    requests: sample.latencies.length,
    errors: sample.errors,
    sizes: sample.sizes,
    loadAverage: Math.round(((l0 + loadAverage()) / 2) * 10) / 10,
  };
}

async function main() {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const logger = createLogger('warn', 'bench-peers');
  const local = config.NEO4J_URI
    ? null
    : await startLocalNeo4j({
        port: Number(args.port),
        dataDir: args['data-dir'],
        heap: args.heap,
        pageCache: args.pagecache,
      });
  const uri = config.NEO4J_URI ?? local!.uri;
  const driver = createDriver(config, uri);
  const executor = new Executor(driver, { database: config.NEO4J_DATABASE, timeoutMs: 120_000, logger });
  const servers = new Map<Contender, Server>();
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadAverage()), 5_000);
  try {
    const [counted] = await executor.read(
      {
        name: 'peersCount',
        text: `CALL () { MATCH (e:Enterprise) RETURN count(e) AS enterprises }
             RETURN enterprises,
               COUNT { (:Link)<-[:PART_OF*2..]-(:Link) } AS deepSubLinks,
               COUNT { (:Chain {id: $chainId})-[:HAS_LINK]->(:Link)<-[:PART_OF]-(:Link) } AS chainSubLinks`,
      },
      { chainId: args.chain },
    );
    if (Number(counted?.deepSubLinks) > 0)
      throw new Error('PART_OF deeper than one level: the @neo4j/graphql countyLink filter would miss firms');
    if (Number(counted?.chainSubLinks) > 0)
      log(`warning: chain ${args.chain} has sub-links; @neo4j/graphql counts direct assignments only`);

    const base = Number(args['api-port']);
    const scripts: Record<Exclude<Contender, 'raw' | 'http-floor'>, string> = {
      chainmap: '../../server/dist/main.js',
      'neo4j-graphql': './peers/neo4j-graphql.js',
      naive: './peers/naive.js',
    };
    for (const [i, name] of (['chainmap', 'neo4j-graphql', 'naive'] as const).entries()) {
      if (!chosen.includes(name) && name !== 'chainmap') continue;
      log(`starting ${name} on port ${base + i}`);
      servers.set(name, await startServer(name, scripts[name], base + i, uri));
    }
    const chainMap = servers.get('chainmap')!;

    // The gap link: the diagnosis' most severe gap unless given.
    let gapLinkId = args['gap-link'];
    if (!gapLinkId) {
      const { data: d } = await post(chainMap.url, {
        query: `query ($c: ID!, $r: String!) { chainDiagnosis(chainId: $c, regionCode: $r) { gaps { link { key } gap } } }`,
        variables: { c: args.chain, r: args.city },
        normal: () => null,
      });
      gapLinkId = d.chainDiagnosis.gaps[0]?.link.key as string;
      if (!gapLinkId) throw new Error(`chain ${args.chain} has no gap in ${args.city}`);
    }
    const params: Params = {
      chainId: args.chain,
      city: args.city,
      gapLinkId,
      linkId: args.link,
      county: args.county,
      province: args.province,
    };
    // The HTTP floor needs the parameters, the gap link among them: it starts last.
    if (chosen.includes('http-floor')) {
      log(`starting http-floor on port ${base + 3}`);
      servers.set(
        'http-floor',
        await startServer('http-floor', './peers/http-floor.js', base + 3, uri, {
          PEERS_PARAMS: JSON.stringify(params),
        }),
      );
    }
    const cm = chainMapAsks(params);
    const asks: Record<Exclude<Contender, 'raw'>, Record<QuestionId, HttpAsk>> = {
      chainmap: cm,
      naive: cm,
      'neo4j-graphql': neo4jGraphqlAsks(params),
      'http-floor': httpFloorAsks(),
    };
    const raw = rawAnswers(driver, { executor, logger }, params);

    // Same answer first.
    const checks: Record<string, string> = {};
    for (const q of questions) {
      const { data: cmData } = await post(chainMap.url, cm[q]);
      const reference = canonical(cm[q].normal(cmData));
      for (const c of chosen) {
        let verdict: string;
        const t = performance.now();
        if (c === 'raw') {
          verdict = canonical(await raw[q]()) === reference ? 'equal' : 'DIFFERENT';
        } else {
          const ask = asks[c][q];
          const { data } = await post(servers.get(c)!.url, ask);
          verdict = ask.part
            ? canonical(ask.part.of(data)) === canonical(ask.part.ofChainMap(cmData))
              ? `equal in part: ${ask.part.what}`
              : `DIFFERENT (part: ${ask.part.what})`
            : canonical(ask.normal(data)) === reference
              ? 'equal'
              : 'DIFFERENT';
          if (verdict.startsWith('DIFFERENT'))
            log(
              `${c} ${q}: ${canonical(ask.part ? ask.part.of(data) : ask.normal(data)).slice(0, 400)}\n  vs ${reference.slice(0, 400)}`,
            );
        }
        checks[`${q}/${c}`] = verdict;
        log(`${q} / ${c}: ${verdict} (${(performance.now() - t).toFixed(0)} ms once)`);
      }
    }

    // Everyone warm before anyone is measured.
    // One request at a time, each awaited, so that no slow contender's query is still running
    // in Neo4j when the measurements start.
    if (prewarm > 0) {
      log(`prewarm: ${prewarm} s per question and contender, one request at a time`);
      for (const q of questions)
        for (const c of CONTENDERS.filter((x) => chosen.includes(x))) {
          const end = performance.now() + prewarm * 1000;
          do {
            if (c === 'raw') await raw[q]();
            else await post(servers.get(c)!.url, asks[c][q]);
          } while (performance.now() < end);
        }
    }

    const rows: Row[] = [];
    /** Question/contender pairs too slow to measure at a higher concurrency in a sane time. */
    const tooSlow = new Map<string, string>();
    for (const connections of levels) {
      for (const s of servers.values()) resetPeak(s.child.pid!);
      for (const q of questions) {
        for (const c of CONTENDERS.filter((x) => chosen.includes(x))) {
          const l0 = loadAverage();
          const cell = { question: q, contender: c, concurrency: connections };
          const skipped = tooSlow.get(`${q}/${c}`);
          if (skipped) {
            rows.push({
              ...cell,
              p50: NaN,
              p95: NaN,
              p99: NaN,
              rps: NaN,
              requests: 0,
              errors: 0,
              sizes: 0,
              loadAverage: l0,
              note: `skipped: ${skipped}`,
            });
            log(`c=${connections} ${q} ${c}: skipped (${skipped})`);
            continue;
          }
          let sample: Sample;
          let note: string | undefined;
          if (c === 'raw') {
            await viaDriver(raw[q], connections, warmup);
            sample = await viaDriver(raw[q], connections, duration);
          } else {
            const url = servers.get(c)!.url;
            await viaHttp(url, asks[c][q], connections, { seconds: warmup });
            sample = await viaHttp(url, asks[c][q], connections, { seconds: duration });
            if (sample.latencies.length < MIN_SAMPLES) {
              const amount = Math.max(MIN_SAMPLES, connections);
              note = `${sample.latencies.length} responses in ${duration} s: measured over ${amount} requests instead`;
              sample = await viaHttp(url, asks[c][q], connections, { amount });
            }
          }
          const row: Row = { ...measured(cell, sample, l0), ...(note ? { note } : {}) };
          if (c !== 'raw') row.peakRssMiB = peakRss(servers.get(c)!.child.pid!);
          if (!(row.p50 <= duration * 1000))
            tooSlow.set(
              `${q}/${c}`,
              Number.isNaN(row.p50)
                ? `no answer at concurrency ${connections} (${row.errors} requests failed or timed out at ${args.timeout} s)`
                : `p50 ${(row.p50 / 1000).toFixed(1)} s at concurrency ${connections}, over the ${duration} s a cell lasts`,
            );
          rows.push(row);
          log(
            `c=${connections} ${q} ${c}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)}, p99 ${row.p99.toFixed(1)}, ` +
              `${row.rps.toFixed(1)} req/s (${row.requests} requests, ${row.errors} errors)` +
              (row.peakRssMiB ? `, peak RSS ${row.peakRssMiB} MiB` : '') +
              (note ? ` [${note}]` : ''),
          );
        }
      }
      for (const c of CONTENDERS.filter((x) => x !== 'raw' && chosen.includes(x))) {
        const l0 = loadAverage();
        const url = servers.get(c)!.url;
        await viaHttp(url, EMPTY, connections, { seconds: warmup });
        const sample = await viaHttp(url, EMPTY, connections, { seconds: duration });
        const row = measured({ question: 'empty', contender: c, concurrency: connections }, sample, l0);
        rows.push(row);
        log(`c=${connections} empty request ${c}: p50 ${row.p50.toFixed(2)} ms, ${row.rps.toFixed(0)} req/s`);
      }
    }

    // After a commit: each request right after a write by this process (another client, as an
    // import would be), one at a time, so it finds nothing cached at the new database state and
    // reads again whatever figures it needs. Only ChainMap and the floor keep figures (the floor's
    // engine questions run ChainMap's engine in-process, with its own cache).
    const committed: Row[] = [];
    if (afterCommit > 0) {
      const mark = {
        name: 'peersMark',
        text: `MERGE (m:PeersBenchMark {id: 'peers'}) SET m.at = timestamp()`,
      };
      try {
        // The empty request too: what a request one at a time, after a pause, costs over HTTP alone
        // (the two processes' wake-up on this VM comes on top of the 0.3 ms of a busy loop).
        const cells = [
          ...questions.flatMap((q) =>
            (['raw', 'chainmap'] as const).filter((x) => chosen.includes(x)).map((c) => [q, c] as const),
          ),
          ['empty', 'chainmap'] as const,
        ];
        for (const [q, c] of cells) {
          const latencies: number[] = [];
          const l0 = loadAverage();
          const started = performance.now();
          for (let i = 0; i < afterCommit; i++) {
            await executor.write(mark);
            if (c === 'raw') {
              const t = performance.now();
              await raw[q as QuestionId]();
              latencies.push(performance.now() - t);
            } else latencies.push((await post(servers.get(c)!.url, q === 'empty' ? EMPTY : asks[c][q])).ms);
          }
          const sample = { latencies, seconds: (performance.now() - started) / 1000, errors: 0, sizes: 1 };
          const row = {
            ...measured({ question: q, contender: c, concurrency: 1 }, sample, l0),
            max: Math.max(...latencies),
          };
          committed.push(row);
          log(`after a commit ${q} ${c}: p50 ${row.p50.toFixed(1)} ms, slowest ${row.max.toFixed(0)} ms`);
        }
      } finally {
        await executor.write({ name: 'peersUnmark', text: `MATCH (m:PeersBenchMark) DELETE m` });
      }
    }

    // The report.
    const f = (x: number) => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));
    const out: string[] = [];
    out.push(
      `ChainMap against peers, ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} × ${cpus()[0]?.model}, ` +
        `${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${Number(counted?.enterprises).toLocaleString('en')} enterprises; ` +
        `${warmup} s warm-up + ${duration} s per cell; load average during the run ${Math.min(...loads)}–${Math.max(...loads)} ` +
        `(mean ${(loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)).toFixed(1)})`,
      `params: ${JSON.stringify(params)}`,
      '',
    );
    for (const q of questions) {
      out.push(`${q}`);
      out.push(`| contender | answer | c | p50 ms | p95 ms | p99 ms | req/s | errors | peak RSS MiB |`);
      out.push(`| --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
      const notes: string[] = [];
      for (const c of CONTENDERS.filter((x) => chosen.includes(x)))
        for (const r of rows.filter((x) => x.question === q && x.contender === c)) {
          const check = checks[`${q}/${c}`]!;
          const answer = check.startsWith('equal in part') ? 'in part *' : check;
          if (answer !== check && !notes.includes(`* ${check}`)) notes.push(`* ${check}`);
          if (r.note) notes.push(`${c} at ${r.concurrency}: ${r.note}`);
          out.push(
            `| ${c} | ${answer} | ${r.concurrency} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.rps)} | ` +
              `${r.errors}${r.sizes > 1 ? ` (${r.sizes} sizes)` : ''} | ${r.peakRssMiB ?? ''} |`,
          );
        }
      out.push(...notes.map((n) => `${n}  `), '');
    }
    out.push('empty request (`{ __typename }`: HTTP, JSON and GraphQL, no database)');
    out.push(`| contender | c | p50 ms | p95 ms | p99 ms | req/s | errors |`);
    out.push(`| --- | --- | --- | --- | --- | --- | --- |`);
    for (const r of rows.filter((x) => x.question === 'empty'))
      out.push(
        `| ${r.contender} | ${r.concurrency} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${f(r.rps)} | ${r.errors} |`,
      );
    out.push('');
    out.push(
      'Ratios (p50 latency; in brackets: throughput of the other ÷ ChainMap or ChainMap ÷ floor, inverted so > 1 means slower;',
      'HTTP floor: the floor served by bare node:http, the least any HTTP answer could take):',
    );
    out.push(
      `| question | c | ChainMap ÷ floor | HTTP floor ÷ floor | ChainMap ÷ HTTP floor | @neo4j/graphql ÷ ChainMap | naive ÷ ChainMap |`,
    );
    out.push(`| --- | --- | --- | --- | --- | --- | --- |`);
    const get = (q: QuestionId | 'empty', c: Contender, n: number) =>
      rows.find((r) => r.question === q && r.contender === c && r.concurrency === n);
    // A contender with no answer in its cell (timeouts, skipped) has no ratio, not NaN.
    const ratio = (a?: Row, b?: Row) =>
      a && b && Number.isFinite(a.p50) && Number.isFinite(b.p50)
        ? `${(a.p50 / b.p50).toFixed(2)} (${(b.rps / a.rps).toFixed(2)})`
        : 'no answer';
    for (const q of questions)
      for (const n of levels) {
        const cmRow = get(q, 'chainmap', n);
        const floor = get(q, 'raw', n);
        const httpFloor = get(q, 'http-floor', n);
        out.push(
          `| ${q} | ${n} | ${ratio(cmRow, floor)} | ${ratio(httpFloor, floor)} | ${ratio(cmRow, httpFloor)} | ` +
            `${ratio(get(q, 'neo4j-graphql', n), cmRow)} | ${ratio(get(q, 'naive', n), cmRow)} |`,
        );
      }
    if (committed.length > 0) {
      out.push(
        '',
        `after a commit (each of ${afterCommit} requests right after a write by another client, one at a time; nothing cached at the new state; empty: \`{ __typename }\` the same way, HTTP alone):`,
      );
      out.push(`| question | contender | p50 ms | slowest ms | ChainMap ÷ floor |`);
      out.push(`| --- | --- | --- | --- | --- |`);
      for (const q of [...questions, 'empty'])
        for (const r of committed.filter((x) => x.question === q)) {
          const floor = committed.find((x) => x.question === q && x.contender === 'raw');
          out.push(
            `| ${q} | ${r.contender} | ${f(r.p50)} | ${f(r.max!)} | ${r.contender === 'chainmap' && floor ? (r.p50 / floor.p50).toFixed(2) : ''} |`,
          );
        }
    }
    process.stdout.write(`${out.join('\n')}\n`);
    if (args.out)
      writeFileSync(
        args.out,
        JSON.stringify(
          {
            params,
            checks,
            rows,
            afterCommit: committed,
            loadAverages: loads,
            enterprises: counted?.enterprises,
          },
          null,
          2,
        ),
      );
  } finally {
    clearInterval(sampler);
    // SIGTERM, then SIGKILL: an API draining its requests also waits for this process's idle
    // keep-alive sockets, which only close when this process exits.
    for (const s of servers.values()) s.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 3_000));
    for (const s of servers.values()) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await driver.close();
    await local?.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    process.stderr.write(`[peers] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
