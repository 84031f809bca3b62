import { cypher } from '@chainmap/graph';
import { importFile } from '@chainmap/seed';
import {
  buildSchema,
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  isLeafType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDb, testConfig, type TestDb } from '../support/db.js';
import { tokenFor } from '../support/users.js';
import { buildWorld } from '../support/world.js';

// Hostile and broken input (issue 9): thousands of generated requests — every root field with
// hostile arguments (Cypher-looking strings in every text argument, huge strings and lists, wrong
// types, unknown ids), malformed documents, deep nesting, alias floods, oversized and broken
// bodies — and broken import files. The server never crashes or hangs, every request gets a clear
// error or an answer, and nothing rejected changes the graph (a digest of every node and
// relationship, compared before and after each write attempt).

let db: TestDb;
let api: TestApi;
let schema: GraphQLSchema;
/** Requests are sent as the test ADMIN, so hostile input reaches validation and the writes themselves. */
let admin: Record<string, string>;

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof rng>;

const CYPHER_LIKE = [
  `' OR 1=1 //`,
  `"}) MATCH (n) DETACH DELETE n //`,
  `x'}) WITH 1 AS x MATCH (n) DETACH DELETE n RETURN 1 AS y //`,
  '`) DETACH DELETE n //',
  `\\'; CALL db.clearQueryCaches(); //`,
  `$regionCode} RETURN 1 UNION MATCH (n) RETURN n //`,
  `LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l`,
  `/* */ MATCH (n) SET n.pwned = true`,
  `421200' OR '1'='1`,
  `nev.battery"]->(x) DELETE x //`,
];
const ODD = [
  '',
  ' ',
  '\u0000',
  '\uFEFF咸宁',
  '\uD800',
  '🧪'.repeat(200),
  'a'.repeat(100_000),
  '%s%s%s%n',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\r\n\t',
  '421200'.repeat(1000),
  'VXNlcjox', // base64 of "User:1": a global id of a type that doesn't exist
  'RW50ZXJwcmlzZTpub3BlOm5vcGU=', // "Enterprise:nope:nope"
];
const HOSTILE_STRINGS = [...CYPHER_LIKE, ...ODD];
const HOSTILE_NUMBERS = [0, -1, -2147483648, 2147483647, 2 ** 53, 1e308, -1e308, 0.5, Number.MIN_VALUE];

/** A hostile value for an input type: usually of the right shape, sometimes deliberately not. */
function hostileValue(type: GraphQLInputType, r: Rng, depth = 0): unknown {
  if (r.next() < 0.08) return r.pick<unknown>([null, 42, 'text', true, [], {}, [[['deep']]], { $ne: 1 }]);
  if (type instanceof GraphQLNonNull) return hostileValue(type.ofType, r, depth);
  if (type instanceof GraphQLList) {
    const n = r.next() < 0.1 ? 5_000 : r.int(4);
    return Array.from({ length: n }, () => hostileValue(type.ofType, r, depth + 1));
  }
  if (type instanceof GraphQLEnumType) {
    return r.next() < 0.7 ? r.pick(type.getValues()).value : r.pick(HOSTILE_STRINGS);
  }
  if (type instanceof GraphQLInputObjectType) {
    if (depth > 3) return {};
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (f.type instanceof GraphQLNonNull || r.next() < 0.6)
        out[f.name] = hostileValue(f.type, r, depth + 1);
    }
    if (r.next() < 0.1) out['notAField'] = r.pick(CYPHER_LIKE);
    return out;
  }
  if (type instanceof GraphQLScalarType) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return r.pick(HOSTILE_NUMBERS);
      case 'Boolean':
        return r.next() < 0.8 ? r.next() < 0.5 : 'yes';
      default:
        return r.pick(HOSTILE_STRINGS);
    }
  }
  return null;
}

/** A selection of the leaf fields without required arguments, one level down, for a field's type. */
function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return '';
  if (!(named instanceof GraphQLObjectType)) return '{ __typename }';
  const leaves = Object.values(named.getFields())
    .filter(
      (f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !(a.type instanceof GraphQLNonNull)),
    )
    .slice(0, 6)
    .map((f) => f.name);
  return `{ __typename ${leaves.join(' ')} }`;
}

/** A document calling one root field with every argument as a variable. */
function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionFor(field)} }`;
}

interface Outcome {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  raw: string;
}

/** Send raw bytes to /graphql; a request that takes longer than 30 s is a hang and fails the test. */
async function send(body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Outcome> {
  const started = performance.now();
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...admin,
      ...headers,
    },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const raw = await res.text();
  let parsed: Outcome['body'] = null;
  try {
    parsed = JSON.parse(raw) as Outcome['body'];
  } catch {
    parsed = null;
  }
  return { status: res.status, ms: performance.now() - started, body: parsed, raw };
}

/** A clear error or an answer: JSON, not a server fault, and every error says what went wrong. */
function expectClear(o: Outcome, what: string): void {
  const context = `${what} → ${o.status} ${o.raw.slice(0, 300)}`;
  expect(o.status, context).toBeLessThan(500);
  expect(o.body, context).not.toBeNull();
  const errors = o.body?.errors ?? [];
  if (o.body?.data == null) expect(errors.length, context).toBeGreaterThan(0);
  for (const e of errors) {
    expect(e.message, context).toMatch(/\S/);
    expect(e.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

/** Every node (labels, properties) and relationship (type, ends, properties), hashed in a stable order. */
async function digest(): Promise<string> {
  const [row] = await db.executor.read(
    cypher(
      'fuzzDigest',
      `CALL () {
         MATCH (n) WHERE NOT n:Migration AND NOT n:Import
         RETURN collect([elementId(n), labels(n), properties(n)]) AS nodes
       }
       CALL () {
         MATCH (a)-[r]->(b) WHERE NOT a:Import AND NOT b:Import
         RETURN collect([elementId(a), type(r), elementId(b), properties(r)]) AS rels
       }
       RETURN nodes, rels`,
    ),
  );
  const stable = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(stable)
      : x && typeof x === 'object' && x.constructor === Object
        ? Object.fromEntries(
            Object.entries(x)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => [k, stable(v)]),
          )
        : String(x);
  const lines = (xs: unknown) => (xs as unknown[]).map((x) => JSON.stringify(stable(x))).sort();
  return createHash('sha256')
    .update(JSON.stringify([lines(row!.nodes), lines(row!.rels)]))
    .digest('hex');
}

beforeAll(async () => {
  db = await openTestDb();
  await db.reset();
  await buildWorld(db.executor, { fillers: 20 });
  api = await startTestApi({ API_LIMIT_PER_TOKEN: '10000000' });
  admin = { authorization: `Bearer ${await tokenFor(testConfig(), 'admin')}` };
  schema = buildSchema(readFileSync(new URL('../../server/schema.graphql', import.meta.url), 'utf8'));
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

describe('hostile and broken input', () => {
  it('every query field, with hostile arguments, answers or refuses clearly and changes nothing', async () => {
    const before = await digest();
    const r = rng(9);
    const fields = Object.values(schema.getQueryType()!.getFields());
    const jobs: (() => Promise<void>)[] = [];
    for (const field of fields) {
      const doc = operationFor('query', field);
      for (let i = 0; i < 48; i++) {
        const variables = Object.fromEntries(field.args.map((a) => [a.name, hostileValue(a.type, r)]));
        jobs.push(async () =>
          expectClear(
            await send(JSON.stringify({ query: doc, variables })),
            `${doc} ${JSON.stringify(variables).slice(0, 200)}`,
          ),
        );
      }
    }
    // Four at a time, as several analysts would.
    for (let i = 0; i < jobs.length; i += 4) await Promise.all(jobs.slice(i, i + 4).map((j) => j()));
    expect(jobs.length).toBeGreaterThan(1000);
    expect(await digest()).toBe(before);
  }, 600_000);

  it('every mutation with hostile input: a rejected write leaves nothing, and no text ever runs as Cypher', async () => {
    const r = rng(17);
    const fields = Object.values(schema.getMutationType()!.getFields());
    let last = await digest();
    let rejected = 0;
    let accepted = 0;
    for (const field of fields) {
      const doc = operationFor('mutation', field);
      for (let i = 0; i < 16; i++) {
        const variables = Object.fromEntries(field.args.map((a) => [a.name, hostileValue(a.type, r)]));
        const what = `${field.name} ${JSON.stringify(variables).slice(0, 300)}`;
        const o = await send(JSON.stringify({ query: doc, variables }));
        expectClear(o, what);
        const now = await digest();
        if (o.body?.errors?.length) {
          rejected++;
          expect(now, `rejected but changed the graph: ${what}`).toBe(last);
        } else {
          accepted++;
        }
        last = now;
      }
    }
    expect(rejected + accepted).toBeGreaterThan(500);
    expect(rejected).toBeGreaterThan(0);
    // Whatever was accepted, no Cypher-looking text ever ran as Cypher.
    const [check] = await db.executor.read(
      cypher(
        'fuzzPwned',
        `RETURN COUNT { MATCH (n) WHERE n.pwned IS NOT NULL } AS pwned, COUNT { MATCH (c:Chain) } AS chains,
                COUNT { MATCH (r:Region {code: '421200'}) } AS xianning`,
      ),
    );
    expect(check).toMatchObject({ pwned: 0, xianning: 1 });
    expect(Number(check!.chains)).toBeGreaterThan(0);
  }, 900_000);

  it('malformed documents, deep nesting, alias floods, huge and broken bodies: refused clearly', async () => {
    const before = await digest();
    const r = rng(23);
    const valid = `query { chains { key name links { key name stage } } }`;
    const cases: { what: string; body: string | Uint8Array; headers?: Record<string, string> }[] = [];
    for (let i = 0; i < 300; i++) {
      const cut = valid.slice(0, r.int(valid.length));
      const noise = Array.from({ length: r.int(40) }, () => String.fromCharCode(r.int(0x3000))).join('');
      cases.push({
        what: `truncated/noisy document ${i}`,
        body: JSON.stringify({ query: r.next() < 0.5 ? cut : cut + noise }),
      });
    }
    for (const depth of [13, 30, 200, 2_000]) {
      const q = `query { chains { ${'links { chain { '.repeat(depth)} key ${'} } '.repeat(depth)} } }`;
      cases.push({ what: `nesting ${depth}`, body: JSON.stringify({ query: q }) });
    }
    for (const n of [31, 500, 10_000]) {
      const q = `query { ${Array.from({ length: n }, (_, i) => `a${i}: chains { key }`).join(' ')} }`;
      cases.push({ what: `${n} aliases`, body: JSON.stringify({ query: q }) });
    }
    cases.push(
      {
        what: 'fragment cycle',
        body: JSON.stringify({
          query: 'query { chains { ...A } } fragment A on Chain { ...B } fragment B on Chain { ...A }',
        }),
      },
      {
        what: 'directive flood',
        body: JSON.stringify({ query: `query { chains ${'@include(if: true) '.repeat(2_000)} { key } }` }),
      },
      {
        what: '10 MB body',
        body: JSON.stringify({ query: valid, variables: { pad: 'x'.repeat(10 * 2 ** 20) } }),
      },
      { what: 'invalid JSON', body: '{"query": "query { chains { key } }"' },
      { what: 'JSON array batch', body: JSON.stringify([{ query: valid }, { query: valid }]) },
      { what: 'not an object', body: '"query"' },
      { what: 'query is a number', body: JSON.stringify({ query: 42 }) },
      { what: 'variables is a string', body: JSON.stringify({ query: valid, variables: 'x' }) },
      { what: 'unknown operation name', body: JSON.stringify({ query: valid, operationName: 'Nope' }) },
      { what: 'two anonymous operations', body: JSON.stringify({ query: `${valid} ${valid}` }) },
      {
        what: 'invalid UTF-8 bytes',
        body: new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
      },
      { what: 'empty body', body: '' },
      { what: 'wrong content type', body: valid, headers: { 'content-type': 'text/plain' } },
      {
        what: 'a mutation by GET-style body',
        body: JSON.stringify({
          query: 'mutation { __typename }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } },
        }),
      },
    );
    for (const c of cases) expectClear(await send(c.body, c.headers), c.what);
    // Still serving normally afterwards.
    const ok = await send(JSON.stringify({ query: valid }));
    expect(ok.status).toBe(200);
    expect(ok.body?.errors).toBeUndefined();
    expect(await digest()).toBe(before);
  }, 300_000);

  it('broken import files are rejected line by line; nothing of a rejected row is written', async () => {
    const before = await digest();
    const dir = mkdtempSync(join(tmpdir(), 'chainmap-fuzz-'));
    const r = rng(31);
    try {
      for (let i = 0; i < 30; i++) {
        const bytes = Uint8Array.from({ length: 200 + r.int(2_000) }, () => r.int(256));
        const header = r.next() < 0.5 ? 'id,name,regionCode\n' : '';
        const file = join(dir, `broken-${i}.${r.next() < 0.5 ? 'csv' : 'jsonl'}`);
        writeFileSync(file, Buffer.concat([Buffer.from(header), Buffer.from(bytes)]));
        const result = await importFile(db.executor, { kind: 'enterprises', file, quiet: true });
        expect(result.rejected + result.created + result.updated).toBeGreaterThanOrEqual(0);
        expect(result.created + result.updated, file).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await digest()).toBe(before);
  }, 300_000);
});
