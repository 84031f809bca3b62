// Engine benchmark: the investment-map queries (招商地图) through the real GraphQL HTTP endpoint
// against an already seeded Neo4j, over many chain/region pairs, with latency percentiles, the
// Cypher round trips of each query, and beside each the same answer computed without the API.
//
//   npm run bench:engine                      # Neo4j from NEO4J_URI, or the 1M bench store
//   NEO4J_URI=bolt://127.0.0.1:7687 node bench/dist/engine.js --pairs 28 --runs 5
//
// Per query three columns, each p50 / p95 over every (pair × run) sample:
//   api     the GraphQL request over HTTP (parse, validate, cost limit, resolvers, JSON);
//   direct  the engine's service function called in-process with a fresh request context: the
//           same Cypher through the driver and the same scoring in JS, without GraphQL or HTTP;
//   cypher  the time the driver spent in the Cypher round trips of the direct call (the floor:
//           these are the engine's statements, written to be the fastest we can make them);
//   cold    the direct call with the engine's cache emptied first, as after any commit (national
//           figures, the link catalog, the firms of the links and the region's ties read again),
//           and its Cypher time: the cost of the answer computed from the database alone.
//   commit  after the warm runs, for each kind of commit (a visit logged, a library entry, a firm
//           of another chain or of the one asked about edited, a commit of another process:
//           COMMITS below), `--commits` times: the
//           write through the API's executor, saying what it changes as the mutation would, then
//           at once the API request for one of the pairs (`first`: what the first user after an
//           edit waits, while the cache reads again what the commit made stale), and again once
//           the background refresh has finished (`then`), with how long that refresh took.
// Each pair is measured cold once, then warmed up once, then `--runs` times warm.
//
// Options: --pairs N (28 chain/region pairs: every chain with a city and with a county)
// --runs N (5 per pair after 1 warm-up) --commits N (5) --chain ID --region CODE (one pair only)
// --port P --data-dir D (when NEO4J_URI is unset: start the embedded store `bench:load --keep` left).
import {
  createDriver,
  createLogger,
  Executor,
  loadConfig,
  startLocalNeo4j,
  type QueryEvent,
} from '@chainmap/graph';
import {
  authSettings,
  createContextFactory,
  diagnose,
  EngineCache,
  firmChains,
  gapTargets,
  investmentMap,
  startApp,
  type Context,
} from '@chainmap/server';
import neo4j from 'neo4j-driver';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    pairs: { type: 'string', default: '28' },
    runs: { type: 'string', default: '5' },
    commits: { type: 'string', default: '5' },
    chain: { type: 'string' },
    region: { type: 'string' },
    port: { type: 'string', default: '7711' },
    'data-dir': {
      type: 'string',
      default: fileURLToPath(new URL('../../.data/neo4j-bench', import.meta.url)),
    },
  },
});

const config = loadConfig({ ...process.env, PORT: '0', SERVE_WEB: 'false', LOG_LEVEL: 'warn' });
const logger = createLogger('warn', 'bench-engine');
const local = config.NEO4J_URI
  ? null
  : await startLocalNeo4j({
      port: Number(args.port),
      dataDir: args['data-dir'],
      heap: '4g',
      pageCache: '4g',
    });
const uri = config.NEO4J_URI ?? local!.uri;
const driver = createDriver(config, uri);
const executor = new Executor(driver, { database: config.NEO4J_DATABASE, timeoutMs: 120_000, logger });
const events = new Map<string, QueryEvent[]>();
const onQuery = (id: string, e: QueryEvent) => events.set(id, [...(events.get(id) ?? []), e]);
// One engine cache for the API and the in-process calls, as in a server.
const engineCache = new EngineCache({ refresh: { logger } });
const app = await startApp({ config, logger, executor, onQuery, engineCache });
// In-process calls run as the operator's own tool: the whole pipeline is in scope.
const contextFor = createContextFactory({
  executor,
  logger,
  onQuery,
  engineCache,
  auth: authSettings(config),
  system: true,
});

let n = 0;
async function viaApi(query: string, variables: Record<string, unknown>) {
  const id = `api-${++n}`;
  const started = performance.now();
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': id },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  const ms = performance.now() - started;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const trips = events.get(id) ?? [];
  events.delete(id);
  return { ms, trips, data: body.data };
}

async function direct(run: (ctx: Context) => Promise<unknown>) {
  const id = `direct-${++n}`;
  const ctx = await contextFor({ req: { headers: { 'x-request-id': id } } });
  const started = performance.now();
  await run(ctx);
  const ms = performance.now() - started;
  const trips = events.get(id) ?? [];
  events.delete(id);
  return { ms, cypher: trips.reduce((s, e) => s + e.ms, 0), trips };
}

type Pair = { chainId: string; regionCode: string };
interface Bench {
  query: string;
  direct: (ctx: Context, p: Pair) => Promise<unknown>;
  target: number;
}

const BENCHES: Record<string, Bench> = {
  chainDiagnosis: {
    query: `query ($chainId: ID!, $regionCode: String!) { chainDiagnosis(chainId: $chainId, regionCode: $regionCode) {
      coverage keyCoverage links { link { key } status broken localCount anchorCount revenue locationQuotient nationalCount }
      gaps { link { key } gap } } }`,
    direct: (ctx, p) => diagnose(ctx, p),
    target: 50,
  },
  gapTargets: {
    query: `query ($chainId: ID!, $regionCode: String!) { gapTargets(chainId: $chainId, regionCode: $regionCode, first: 50) {
      totalCount hits { enterprise { key name } link { key } score factors { name contribution } inLibrary inProject } } }`,
    direct: (ctx, p) => gapTargets(ctx, { ...p, first: 50 }),
    target: 200,
  },
  investmentMap: {
    query: `query ($chainId: ID!, $regionCode: String!) { investmentMap(chainId: $chainId, regionCode: $regionCode) {
      diagnosis { coverage keyCoverage links { link { key } status } gaps { link { key } gap } }
      targets { diagnosis { link { key } } hits { enterprise { key name } score factors { name contribution } } }
      sourceRegions { region { code name } score candidateCount links { link { key } count } }
      organisation { targetCount projectCount } } }`,
    direct: (ctx, p) => investmentMap(ctx, p),
    target: 500,
  },
};

/** Cities and counties of different sizes, from the seed city 咸宁 to Shenzhen and Suzhou. */
const CITIES = ['421200', '420100', '320500', '440300', '330100', '510100', '430100'];
const COUNTIES = ['421202', '421281', '420106', '320506', '440305', '330106', '510107'];

/** Every chain with a city and with a county, taken in turn from the lists above. */
async function choosePairs(count: number): Promise<Pair[]> {
  if (args.chain && args.region) return [{ chainId: args.chain, regionCode: args.region }];
  const rows = await executor.read({
    name: 'benchChains',
    text: 'MATCH (c:Chain) RETURN c.id AS id ORDER BY id',
  });
  const pairs: Pair[] = [];
  rows.forEach((r, i) => {
    const chainId = String(r.id);
    pairs.push({ chainId, regionCode: CITIES[i % CITIES.length]! });
    pairs.push({ chainId, regionCode: COUNTIES[i % COUNTIES.length]! });
  });
  return pairs.slice(0, count);
}

/**
 * The commits measured: each writes what a mutation of its kind writes, through the API's own
 * executor, saying the parts of the graph it changes as that mutation does (MutationSpec.changes),
 * so the cache sees exactly what it would see after the mutation. The last is a commit that says
 * nothing, as any commit of another process looks to the API.
 */
const COMMITS: { label: string; write: (i: number, pair: Pair) => Promise<unknown> }[] = [
  {
    label: 'a visit logged (tracking)',
    write: (i) =>
      executor.write(
        {
          name: 'benchLogContact',
          text: `CREATE (c:Contact {id: 'bench-contact-' + $i, on: date(), kind: 'VISIT', note: 'benchmark', by: 'bench'})`,
        },
        { i },
        ['tracking', 'audit'],
      ),
  },
  {
    label: 'a library entry (pipeline)',
    write: (i) =>
      executor.write(
        {
          name: 'benchLibraryEntry',
          text: `MERGE (l:TargetLibrary {id: 'bench-library'}) ON CREATE SET l.name = 'benchmark', l.version = 1
                 WITH l MATCH (e:Enterprise {id: $id}) MERGE (l)-[:INCLUDES {priority: 3, reason: 'benchmark'}]->(e)`,
        },
        { id: `syn-${i + 1}` },
        ['pipeline', 'audit'],
      ),
  },
  {
    label: 'a firm of another chain edited (enterprises)',
    write: (i, pair) => editFirm(i, pair, false),
  },
  {
    label: 'a firm of the chain asked about edited (enterprises)',
    write: (i, pair) => editFirm(i, pair, true),
  },
  {
    label: 'a commit by another process',
    write: () =>
      executor.write({
        name: 'benchCommit',
        text: 'MERGE (m:BenchCommitMarker {id: 1}) SET m.at = timestamp()',
      }),
  },
];

/**
 * `updateEnterprise` on the `i`-th firm working in the pair's chain (`inChain`) or in none of its
 * links, saying what that mutation says (runMutation): enterprises, of the chains of the firm's
 * links, read in its transaction by the same `firmChains`.
 */
async function editFirm(i: number, pair: Pair, inChain: boolean) {
  const [firm] = await executor.read(
    {
      name: 'benchFirmToEdit',
      text: `MATCH (l:Link)<-[:OPERATES_IN]-(e:Enterprise)
             WHERE (l.chainId = $chainId) = $inChain
               AND ($inChain OR NOT EXISTS { (e)-[:OPERATES_IN]->(:Link {chainId: $chainId}) })
             WITH DISTINCT e SKIP $i LIMIT 1
             RETURN e.id AS id`,
    },
    { chainId: pair.chainId, inChain, i: neo4j.int(i) },
  );
  if (!firm) throw new Error(`no firm ${inChain ? 'in' : 'outside'} chain ${pair.chainId}`);
  let chains: string[] | null = null;
  return executor.writeTx(
    'benchEnterpriseEdit',
    async (tx) => {
      chains = await firmChains(tx, [String(firm.id)]);
      await tx.run(
        {
          name: 'benchEnterpriseEdit',
          text: `MATCH (e:Enterprise {id: $id}) SET e.version = coalesce(e.version, 0) + 1`,
        },
        { id: firm.id },
      );
    },
    () => ({ parts: ['enterprises', 'audit'], chains }),
  );
}

async function cleanUpCommits() {
  await executor.write({
    name: 'benchCommitCleanup',
    text: `CALL () { MATCH (m:BenchCommitMarker) DELETE m }
           CALL () { MATCH (c:Contact) WHERE c.id STARTS WITH 'bench-contact-' DELETE c }
           CALL () { MATCH (l:TargetLibrary {id: 'bench-library'}) DETACH DELETE l }`,
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const f = (ms: number) => ms.toFixed(1).padStart(7);

try {
  const [counted] = await executor.read({
    name: 'benchCount',
    text: 'MATCH (e:Enterprise) RETURN count(e) AS enterprises',
  });
  const pairs = await choosePairs(Number(args.pairs));
  const runs = Number(args.runs);
  process.stdout.write(
    `ChainMap engine benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model}, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${Number(counted?.enterprises).toLocaleString('en')} enterprises; ` +
      `${pairs.length} chain/region pairs × ${runs} runs after 1 warm-up\n` +
      `pairs: ${pairs.map((p) => `${p.chainId}/${p.regionCode}`).join(' ')}\n\n` +
      `${'query'.padEnd(16)} ${'api p50'.padStart(9)} ${'api p95'.padStart(9)} ${'direct p50'.padStart(11)} ${'direct p95'.padStart(11)} ${'cypher p50'.padStart(11)} ${'cypher p95'.padStart(11)}` +
      ` ${'cold p50'.padStart(11)} ${'cold p95'.padStart(11)} ${'cold cy p50'.padStart(11)} ${'cold cy p95'.padStart(11)}  target  round trips (warm; cold)\n`,
  );
  let failed = false;
  for (const [name, bench] of Object.entries(BENCHES)) {
    const api: number[] = [];
    const dir: number[] = [];
    const cy: number[] = [];
    const cold: number[] = [];
    const coldCy: number[] = [];
    const tripCounts = new Set<string>();
    const coldTrips = new Set<string>();
    for (const pair of pairs) {
      // Cold: nothing cached, as after a commit (the cache is keyed by the last committed transaction).
      engineCache.clear();
      const c = await direct((ctx) => bench.direct(ctx, pair));
      cold.push(c.ms);
      coldCy.push(c.cypher);
      coldTrips.add(`${c.trips.length}`);
      await viaApi(bench.query, pair);
      await direct((ctx) => bench.direct(ctx, pair));
      for (let i = 0; i < runs; i++) {
        const a = await viaApi(bench.query, pair);
        api.push(a.ms);
        tripCounts.add(`${a.trips.length} (${a.trips.map((t) => t.name).join(', ')})`);
        const d = await direct((ctx) => bench.direct(ctx, pair));
        dir.push(d.ms);
        cy.push(d.cypher);
      }
    }
    // After a commit of each kind: the first request at once, then one after the background refresh.
    const afterCommits: { label: string; first: number[]; refresh: number[]; then: number[] }[] = [];
    for (const commit of COMMITS) {
      await commit.write(0, pairs[0]!); // a first write of its kind may commit new property names (tokens) too
      await engineCache.settled();
      await viaApi(bench.query, pairs[0]!);
      const row = {
        label: commit.label,
        first: [] as number[],
        refresh: [] as number[],
        then: [] as number[],
      };
      for (let i = 0; i < Number(args.commits); i++) {
        const pair = pairs[(i * 5) % pairs.length]!;
        await viaApi(bench.query, pair); // in use, so cached before the commit
        await commit.write(i + 1, pair);
        const committed = performance.now();
        row.first.push((await viaApi(bench.query, pair)).ms);
        await engineCache.settled();
        row.refresh.push(performance.now() - committed);
        row.then.push((await viaApi(bench.query, pair)).ms);
      }
      afterCommits.push(row);
    }
    await cleanUpCommits();
    await engineCache.settled();
    const p95 = pct(api, 95);
    if (p95 > bench.target) failed = true;
    process.stdout.write(
      `${name.padEnd(16)} ${f(pct(api, 50))} ms ${f(p95)} ms ${f(pct(dir, 50))} ms ${f(pct(dir, 95))} ms ` +
        `${f(pct(cy, 50))} ms ${f(pct(cy, 95))} ms ${f(pct(cold, 50))} ms ${f(pct(cold, 95))} ms ` +
        `${f(pct(coldCy, 50))} ms ${f(pct(coldCy, 95))} ms  ≤ ${bench.target}${p95 > bench.target ? ' MISSED' : ''}  ` +
        `${[...tripCounts].join(' | ')}; ${[...coldTrips].join(' | ')}\n`,
    );
    for (const { label, first, refresh, then } of afterCommits)
      if (first.length > 0)
        process.stdout.write(
          `${''.padEnd(16)} after ${label} (${first.length}×): first request p50 ${f(pct(first, 50))} ms, max ${f(Math.max(...first))} ms; ` +
            `background refresh p50 ${f(pct(refresh, 50))} ms, max ${f(Math.max(...refresh))} ms; ` +
            `then p50 ${f(pct(then, 50))} ms, max ${f(Math.max(...then))} ms\n`,
        );
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  await app.stop();
  await driver.close();
  await local?.stop();
}
