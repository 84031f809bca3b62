import { DbError } from '@chainmap/graph';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ServerResponse } from 'node:http';
import type { ZodError } from 'zod';

/**
 * The error codes a client can rely on (`extensions.code`). Anything else is unexpected:
 * logged in full and masked as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  // Apollo's own request-level codes are safe to show.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** A user's mistake in one argument: `field` is the path of the offending input, e.g. `input.name`. */
export function badInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
}

/** Every problem of a zod validation at once, each with its field path, under `extensions.problems`. */
export function fromZod(error: ZodError, prefix: string): GraphQLError {
  const problems = error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
  const first = problems[0]!;
  return new GraphQLError(`Invalid ${first.field}: ${first.message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: first.field, problems },
  });
}

/** Nothing has this id; `extra` may name the input `field` that referred to it. */
export function notFound(what: string, id: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`${what} ${JSON.stringify(id)} was not found`, {
    extensions: { code: ErrorCode.NOT_FOUND, id, ...extra },
  });
}

export function conflict(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, ...extra } });
}

const DB_MESSAGES: Record<DbError['code'], [ErrorCode, string]> = {
  CONFLICT: [
    ErrorCode.CONFLICT,
    'The change conflicts with an existing record (a unique value is already taken).',
  ],
  SERVICE_UNAVAILABLE: [
    ErrorCode.SERVICE_UNAVAILABLE,
    'The database is unavailable or busy; try again shortly.',
  ],
  TIMEOUT: [ErrorCode.TIMEOUT, 'The query took too long and was stopped; narrow it down and retry.'],
  BAD_QUERY: [ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'],
  DB_ERROR: [ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'],
};

/**
 * Apollo's `formatError`: typed errors pass through; database errors become their public code;
 * everything else is logged with its stack and masked.
 */
export function createFormatError(log: (err: unknown, msg: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DbError) {
      const [code, message] = DB_MESSAGES[original.code];
      if (code === ErrorCode.INTERNAL_SERVER_ERROR) log(original, 'database error');
      return { message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Apollo's request-level refusals (e.g. a persisted-query hash that doesn't match) carry an
    // HTTP 4xx status but sometimes no code: the client's mistake, so say what it was.
    const http = (error instanceof GraphQLError ? error.extensions?.http : undefined) as
      { status?: number } | undefined;
    if (http?.status && http.status >= 400 && http.status < 500) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    log(original, 'unexpected error');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/**
 * An error answered over HTTP outside GraphQL execution (a refused token, an unreadable body, a
 * crash in the HTTP layer): its status, headers, and the `errors` body GraphQL clients read.
 */
export interface HttpError {
  status: number;
  headers: Record<string, string>;
  body: { errors: { message: string; extensions: Record<string, unknown> }[] };
}

export function httpError(
  status: number,
  code: string,
  message: string,
  more: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
): HttpError {
  return {
    status,
    headers: more.headers ?? {},
    body: { errors: [{ message, extensions: { code, ...more.extensions } }] },
  };
}

/** Send {@link HttpError} `error` as the whole answer (express's responses are node's too). */
export function sendHttpError(res: ServerResponse, error: HttpError): void {
  const text = JSON.stringify(error.body);
  res.writeHead(error.status, {
    ...error.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
