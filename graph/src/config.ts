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
  /** Serve the built explorer (web/dist) from the API's port. */
  SERVE_WEB: bool.default(true),
});

export type Config = z.infer<typeof EnvSchema> & { introspection: boolean };

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
  return { ...c, introspection: c.GRAPHQL_INTROSPECTION ?? c.NODE_ENV !== 'production' };
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
