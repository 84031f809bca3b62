import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '@chainmap/graph';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { attachAuth, isRefusal, type RequestAuth } from '../auth/authenticate.js';
import { httpError, sendHttpError, type HttpError } from './errors.js';

/** `1mb`, `100kb`, `512b` (config's BODY_LIMIT) in bytes, as express.json counts them. */
export function sizeInBytes(size: string): number {
  const m = /^(\d+)(b|kb|mb)$/i.exec(size);
  if (!m) throw new Error(`Not a size: ${size} (expected a size such as 100kb or 1mb)`);
  return Number(m[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[m[2]!.toLowerCase() as 'b' | 'kb' | 'mb'];
}

export interface GraphqlPostDeps<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context: (args: { req: IncomingMessage }) => Promise<C>;
  /** Who is asking, or the refusal (auth/authenticate.ts). */
  check: (authorization: string | undefined, address: string) => Promise<RequestAuth | HttpError>;
  /** The client's address (the app's one function, for both paths: TRUST_PROXY). */
  address: (req: IncomingMessage) => string;
  /** The largest body accepted, in bytes (BODY_LIMIT). */
  limit: number;
  logger: Logger;
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * The GraphQL request every client sends, `POST /graphql` with a JSON body of known length,
 * answered on node:http directly: the same token check and request limit, the same body limit,
 * the same Apollo server, without express's router and body parser in between (they were half
 * of the API's CPU for a request that reads nothing: BENCHMARKS.md, "Where the time goes").
 *
 * Returns false, having touched nothing, for any other request (GET, another path, another
 * content type or charset, a compressed or chunked body, a body over the limit): express answers
 * those as before, errors included.
 */
export function graphqlPost<C extends BaseContext>(
  deps: GraphqlPostDeps<C>,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    if (url !== '/graphql' && !url.startsWith('/graphql?')) return false;
    const type = req.headers['content-type'];
    if (type === undefined || !JSON_TYPE.test(type)) return false;
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
    const declared = req.headers['content-length'];
    const length = declared === undefined || !/^\d+$/.test(declared) ? NaN : Number(declared);
    if (!(length <= deps.limit) || req.headers['transfer-encoding'] !== undefined) return false;
    serve(deps, req, res, url, length).catch((err: unknown) => {
      deps.logger.error({ err }, 'http error');
      if (res.headersSent) res.destroy();
      else sendHttpError(res, httpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'));
    });
    return true;
  };
}

async function serve<C extends BaseContext>(
  deps: GraphqlPostDeps<C>,
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  length: number,
): Promise<void> {
  const auth = await deps.check(req.headers.authorization, deps.address(req));
  if (isRefusal(auth)) return sendHttpError(res, auth);
  attachAuth(req, auth);
  const raw = await readBody(req, length);
  if (raw === null) return; // the client went away
  const body = parseBody(raw);
  if (body instanceof Error) {
    return sendHttpError(res, httpError(400, 'BAD_REQUEST', body.message));
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const q = url.indexOf('?');
  const response = await deps.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: q < 0 ? '' : url.slice(q), body },
    context: () => deps.context({ req }),
  });
  res.statusCode = response.status ?? 200;
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.body.kind === 'complete') {
    res.setHeader('Content-Length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The body's bytes (node's parser stops at Content-Length); null when the client aborted. */
function readBody(req: IncomingMessage, length: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)));
    // Whichever comes first: after 'end', a later 'close' changes nothing.
    req.once('error', () => resolve(null));
    req.once('close', () => resolve(null));
  });
}

/**
 * The body as express.json reads it: empty is `{}`; otherwise a JSON object or array (a lone
 * string or number is refused). Invalid UTF-8 bytes become U+FFFD, as there.
 */
function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  const text = raw.toString('utf8');
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') {
    return new Error('The request body must be a JSON object, such as {"query": "{ chains { key } }"}.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return new Error(`The request body is not valid JSON: ${(e as Error).message}`);
  }
}
