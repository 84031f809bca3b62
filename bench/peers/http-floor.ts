// Contender (a′) of the peers benchmark, the HTTP floor: the floor's own answers (bench/peers/raw.ts,
// the same statements and the same in-process engine) served by the least HTTP server Node has,
// `node:http` alone: no framework, no GraphQL, no validation, no authentication. A request's body
// names the question in its `query` (`{"query":"countyLink"}`); the answer is the floor's, as
// `{"data": …}`. `{ __typename }` answers at once, like every contender's empty request.
//
// It answers nothing a user would ask: it is the least any HTTP API can take for these answers
// on this machine (the parse of a small JSON body, the answer's statements, the JSON of its rows,
// one socket write), so that `ChainMap ÷ HTTP floor` measures what ChainMap's own layers cost,
// where `ChainMap ÷ floor` also counts HTTP itself, which the in-process floor never pays.
//
//   PORT=4793 NEO4J_URI=bolt://127.0.0.1:7711 PEERS_PARAMS='{"chainId":"health",…}' node bench/dist/peers/http-floor.js
import { createDriver, createLogger, Executor, loadConfig } from '@chainmap/graph';
import { createServer } from 'node:http';
import { QUESTION_IDS, type Params, type QuestionId } from './questions.js';
import { rawAnswers } from './raw.js';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const logger = createLogger('warn', 'http-floor');
if (!config.NEO4J_URI) throw new Error('http-floor needs NEO4J_URI');
if (!process.env.PEERS_PARAMS)
  throw new Error('http-floor needs PEERS_PARAMS (the questions’ parameters, JSON)');
const params = JSON.parse(process.env.PEERS_PARAMS) as Params;
const driver = createDriver(config, config.NEO4J_URI);
const executor = new Executor(driver, { database: config.NEO4J_DATABASE, timeoutMs: 120_000, logger });
const answers = rawAnswers(driver, { executor, logger }, params);
const EMPTY = '{"data":{"__typename":"Query"}}';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const reply = (status: number, body: string) =>
      res
        .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
        .end(body);
    let query: unknown;
    try {
      query = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query?: unknown }).query;
    } catch {
      return reply(400, '{"errors":[{"message":"body is not JSON"}]}');
    }
    if (query === '{ __typename }') return reply(200, EMPTY);
    if (!QUESTION_IDS.includes(query as QuestionId))
      return reply(400, JSON.stringify({ errors: [{ message: `no question ${String(query)}` }] }));
    answers[query as QuestionId]().then(
      (data) => reply(200, JSON.stringify({ data })),
      (e: unknown) => reply(500, JSON.stringify({ errors: [{ message: String(e) }] })),
    );
  });
});
server.listen(Number(process.env.PORT ?? 4793), '127.0.0.1', () =>
  process.stdout.write(`http-floor listening on ${process.env.PORT ?? 4793}\n`),
);
const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
