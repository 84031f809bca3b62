// Engine benchmark: the investment-map queries (招商地图) through the real API against an
// already seeded Neo4j, with latency percentiles and Cypher round trips per query.
//
//   npx tsc -b && NEO4J_URI=bolt://127.0.0.1:7687 node bench/dist/engine.js --chain nev --region 421200
//
// Options: --chain ID (nev) --region CODE (421200) --runs N (20, after 2 warm-up runs)
// --enterprise ID (a firm for `connections`; default: the first gap target found).
import { createDriver, createLogger, Executor, loadConfig, type QueryEvent } from '@chainmap/graph';
import { startApp } from '@chainmap/server';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    chain: { type: 'string', default: 'nev' },
    region: { type: 'string', default: '421200' },
    runs: { type: 'string', default: '20' },
    enterprise: { type: 'string' },
  },
});

const config = loadConfig({ ...process.env, PORT: '0', SERVE_WEB: 'false', LOG_LEVEL: 'warn' });
if (!config.NEO4J_URI) {
  process.stderr.write('NEO4J_URI must point at a seeded Neo4j (npm run seed -- default)\n');
  process.exit(2);
}
const logger = createLogger('warn', 'bench-engine');
const driver = createDriver(config, config.NEO4J_URI);
const executor = new Executor(driver, { database: config.NEO4J_DATABASE, timeoutMs: 120_000, logger });
const events = new Map<string, QueryEvent[]>();
const app = await startApp({
  config,
  logger,
  executor,
  onQuery: (id, e) => events.set(id, [...(events.get(id) ?? []), e]),
});

let n = 0;
async function gql(
  query: string,
  variables: Record<string, unknown>,
): Promise<{ ms: number; queries: QueryEvent[]; data: unknown }> {
  const id = `bench-${++n}`;
  const started = performance.now();
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': id },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  const ms = performance.now() - started;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { ms, queries: events.get(id) ?? [], data: body.data };
}

const vars = { chainId: args.chain, regionCode: args.region };
const QUERIES: Record<string, string> = {
  chainDiagnosis: `query ($chainId: ID!, $regionCode: String!) { chainDiagnosis(chainId: $chainId, regionCode: $regionCode) {
    coverage keyCoverage links { link { key } status broken localCount anchorCount locationQuotient nationalCount } gaps { link { key } gap } } }`,
  gapTargets: `query ($chainId: ID!, $regionCode: String!) { gapTargets(chainId: $chainId, regionCode: $regionCode, first: 50) {
    totalCount hits { enterprise { key name } link { key } score factors { name contribution } inLibrary inProject } } }`,
  strengthenTargets: `query ($chainId: ID!, $regionCode: String!) { strengthenTargets(chainId: $chainId, regionCode: $regionCode) {
    diagnosis { link { key } } hits { enterprise { key } score local } } }`,
  extensionOptions: `query ($chainId: ID!, $regionCode: String!) { extensionOptions(chainId: $chainId, regionCode: $regionCode) {
    link { key } touches { key } relatedness candidates { enterprise { key } score } } }`,
  sourceRegions: `query ($chainId: ID!, $regionCode: String!) { sourceRegions(chainId: $chainId, regionCode: $regionCode) {
    region { code } score candidateCount anchorCount links { link { key } count } } }`,
  investmentMap: `query ($chainId: ID!, $regionCode: String!) { investmentMap(chainId: $chainId, regionCode: $regionCode) {
    diagnosis { coverage } targets { hits { enterprise { key } score } } sourceRegions { region { code } score }
    organisation { targetCount projectCount } } }`,
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const runs = Number(args.runs);

async function measure(name: string, query: string, variables: Record<string, unknown>) {
  for (let i = 0; i < 2; i++) await gql(query, variables);
  const times: number[] = [];
  let trips: string[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const r = await gql(query, variables);
    times.push(r.ms);
    trips = r.queries.map((q) => q.name);
    last = r.data;
  }
  process.stdout.write(
    `${name.padEnd(18)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms  p95 ${pct(times, 95).toFixed(1).padStart(7)} ms  ` +
      `round trips ${trips.length}: ${trips.join(', ')}\n`,
  );
  return last;
}

try {
  process.stdout.write(`chain ${args.chain}, region ${args.region}, ${runs} runs each\n`);
  let firm = args.enterprise;
  for (const [name, query] of Object.entries(QUERIES)) {
    const data = (await measure(name, query, vars)) as {
      gapTargets?: { hits: { enterprise: { key: string } }[] };
    };
    firm ??= data.gapTargets?.hits[0]?.enterprise.key;
  }
  if (firm) {
    await measure(
      'connections',
      `query ($id: ID!, $regionCode: String!) { connections(enterpriseId: $id, regionCode: $regionCode) { target { key } hops } }`,
      { id: firm, regionCode: args.region },
    );
  }
  const started = performance.now();
  const res = await fetch(
    `${app.url}/export/investment-map.xlsx?chainId=${args.chain}&regionCode=${args.region}`,
  );
  const bytes = (await res.arrayBuffer()).byteLength;
  process.stdout.write(
    `export .xlsx       ${(performance.now() - started).toFixed(1)} ms, ${bytes} bytes (status ${res.status})\n`,
  );
} finally {
  await app.stop();
  await driver.close();
}
