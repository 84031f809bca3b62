import { z } from 'zod';

/**
 * The whole environment ChainMap reads, in one place. Every process (API, seed, CLI, tests)
 * loads it through {@link loadConfig}, so a bad value is reported the same way everywhere.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const size = z.string().regex(/^\d+[kmgKMG]?$/, 'expected a size such as 512m or 2g');

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** An external Neo4j (bolt://, neo4j://, bolt+s://, neo4j+s://…). Unset: the embedded launcher in graph/ runs one. */
  NEO4J_URI: z
    .string()
    .regex(
      /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/,
      'expected bolt://host:port or neo4j://host:port (optionally +s/+ssc)',
    )
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[a-z][a-z0-9.-]{2,62}$/, 'expected a Neo4j database name')
    .default('neo4j'),
  /** Transaction timeout for every query the executor runs. */
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65_535).default(7687),
  NEO4J_DATA_DIR: z.string().min(1).optional(),
  NEO4J_HEAP: size.default('2g'),
  NEO4J_PAGECACHE: size.default('2g'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  /** GraphQL introspection and the Apollo sandbox; default on except in production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /** Query limits (graphql-armor): nesting depth, aliases, estimated cost, tokens. */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, 'expected a size such as 100kb or 1mb')
    .default('1mb'),
  /**
   * After a commit retires the engine's cached figures, read the lately used ones again in the
   * background (docs/method.md, "Cached figures"). Default on; the tests that count round trips
   * turn it off.
   */
  ENGINE_CACHE_REFRESH: bool.default(true),
  /** Serve the built explorer (web/dist) from the API's port. */
  SERVE_WEB: bool.default(true),

  // Users, tokens and abuse limits (server/src/auth, docs/security.md).
  /** The key that signs sign-in tokens (HS256), at least 32 characters. Required in production. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long a sign-in token is valid, in seconds (default 8 hours). */
  AUTH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(8 * 3600),
  /** Issuer and audience written into tokens and required of them. */
  AUTH_ISSUER: z.string().min(1).default('chainmap'),
  AUTH_AUDIENCE: z.string().min(1).default('chainmap-api'),
  /** Public reference data readable without signing in; default on except in production. */
  ALLOW_ANONYMOUS_READ: bool.optional(),
  /** Sign-in attempts allowed per user name and per client address within the window. */
  SIGNIN_LIMIT_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(5),
  SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(30),
  SIGNIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** API requests allowed per token (anonymous callers: per address) within the window. */
  API_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).max(10_000_000).default(600),
  API_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Express `trust proxy` (e.g. `loopback` or a hop count) when behind a reverse proxy; unset: none. */
  TRUST_PROXY: z.string().min(1).optional(),
});

/** Signs development tokens when AUTH_SECRET is unset outside production (the API warns loudly). */
export const DEV_AUTH_SECRET = 'chainmap-development-only-secret-never-use-in-production';

export type Config = z.infer<typeof EnvSchema> & {
  introspection: boolean;
  /** Anonymous callers may read public reference data (ALLOW_ANONYMOUS_READ, default on except in production). */
  anonymousRead: boolean;
  /** The token key: AUTH_SECRET, or the development key outside production. */
  authSecret: string;
  /** True when tokens are signed with the development key (AUTH_SECRET unset). */
  devAuthSecret: boolean;
};

/** Raised with every problem found in the environment, one line each. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse the environment; throws a {@link ConfigError} naming every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as they do in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.');
        const value = cleaned[name];
        return `${name}: ${i.message}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`;
      }),
    );
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.AUTH_SECRET) {
    throw new ConfigError([
      'AUTH_SECRET: required in production (at least 32 random characters, e.g. `openssl rand -base64 48`)',
    ]);
  }
  return {
    ...c,
    introspection: c.GRAPHQL_INTROSPECTION ?? c.NODE_ENV !== 'production',
    anonymousRead: c.ALLOW_ANONYMOUS_READ ?? c.NODE_ENV !== 'production',
    authSecret: c.AUTH_SECRET ?? DEV_AUTH_SECRET,
    devAuthSecret: !c.AUTH_SECRET,
  };
}

/** For process entry points: print every problem and exit non-zero instead of throwing. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
