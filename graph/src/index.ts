export {
  loadConfig,
  loadConfigOrExit,
  ConfigError,
  EnvSchema,
  DEV_AUTH_SECRET,
  type Config,
} from './config.js';
export { createLogger, type Logger } from './logger.js';
export {
  cypher,
  Executor,
  DbError,
  toDbError,
  toPlain,
  type CommitListener,
  type WriteChanges,
  type CypherQuery,
  type DbErrorCode,
  type Params,
  type QueryEvent,
  type Row,
  type Tx,
} from './executor.js';
export { createDriver, openDatabase, openDatabaseOrExit, type Database } from './database.js';
export { migrate, readMigrations, splitStatements, MIGRATIONS_DIR, type MigrateResult } from './migrate.js';
export { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from './launcher/local-neo4j.js';
export type { CommitChanges, GraphPart } from './parts.js';
export { bookmarkPosition, type BookmarkPosition } from './bookmark.js';
