import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Session,
  isInt,
  isRetryableError,
  Neo4jError,
} from 'neo4j-driver';
import type { Logger } from './logger.js';
import type { CommitChanges, GraphPart } from './parts.js';

/** A named, parameterised Cypher template. Values only ever travel as `$parameters`. */
export interface CypherQuery {
  readonly name: string;
  readonly text: string;
}

/** Declare a named query: `const byId = cypher('enterpriseById', 'MATCH … $id …')`. */
export function cypher(name: string, text: string): CypherQuery {
  return { name, text: text.trim() };
}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;
export type AccessMode = 'READ' | 'WRITE';

/** What every query reports when it finishes: for debug logs, metrics and the N+1 tests. */
export interface QueryEvent {
  name: string;
  mode: AccessMode;
  ms: number;
  rows: number;
  error?: string;
}

export type DbErrorCode = 'CONFLICT' | 'SERVICE_UNAVAILABLE' | 'TIMEOUT' | 'BAD_QUERY' | 'DB_ERROR';

/** A database failure, classified so the API can map it to a typed GraphQL error. */
export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly queryName: string,
    readonly neo4jCode?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbError';
  }
}

const CODE_MAP: [RegExp, DbErrorCode][] = [
  [/^Neo\.ClientError\.Schema\.ConstraintValidationFailed$/, 'CONFLICT'],
  [/^(ServiceUnavailable|SessionExpired)$/, 'SERVICE_UNAVAILABLE'],
  [/^Neo\.TransientError\.General\.DatabaseUnavailable$/, 'SERVICE_UNAVAILABLE'],
  [/^Neo\.ClientError\.Database\.DatabaseNotFound$/, 'SERVICE_UNAVAILABLE'],
  [/TransactionTimedOut|TransactionTimedOutClientConfiguration/, 'TIMEOUT'],
  // Transient (a deadlock, a lock wait): retried by the driver; still refused after the retries,
  // it is the database being busy, and a client may try again.
  [/^Neo\.TransientError\./, 'SERVICE_UNAVAILABLE'],
  [/^Neo\.ClientError\.Statement\./, 'BAD_QUERY'],
];

/** Classify any error thrown by the driver. */
export function toDbError(e: unknown, queryName: string): DbError {
  if (e instanceof DbError) return e;
  const code = e instanceof Neo4jError ? e.code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  const kind: DbErrorCode = (code ? CODE_MAP.find(([re]) => re.test(code))?.[1] : undefined) ?? 'DB_ERROR';
  return new DbError(kind, message, queryName, code, { cause: e });
}

/** Neo4j values to plain JSON-friendly ones: integers to numbers, temporals to ISO strings. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (value instanceof neo4j.types.Node || value instanceof neo4j.types.Relationship) {
    return toPlain(value.properties);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

/** A transaction handed to {@link Executor.readTx}/{@link Executor.writeTx}: several queries, one commit. */
export interface Tx {
  run(query: CypherQuery, params?: Params): Promise<Row[]>;
}

export interface ExecutorOptions {
  database: string;
  timeoutMs: number;
  logger: Logger;
  /** Transaction metadata (visible in `SHOW TRANSACTIONS` and the query log). */
  metadata?: Record<string, string>;
  observer?: (e: QueryEvent) => void;
  /** Told of every write transaction committed through this executor or its scoped views. */
  commitListeners?: Set<CommitListener>;
}

/**
 * Told the bookmark of a commit and what the write said it changes (null: it did not say, so any
 * part may have changed).
 */
export type CommitListener = (bookmark: string, changes: CommitChanges | null) => void;

/**
 * What a write says it changes: the parts of the graph, or, for a write that learns more while it
 * runs, a function called once it has committed.
 */
export type WriteChanges = readonly GraphPart[] | (() => CommitChanges);

/**
 * The one place every Cypher query runs. Reads go through read sessions (one statement: an
 * auto-commit transaction; several: a managed read transaction) and writes through managed write
 * transactions, so a `neo4j://` routing URI sends reads to secondaries in a cluster. Each
 * query gets the configured timeout and metadata, is logged with its timing at debug level, and
 * any failure is classified as a {@link DbError}.
 */
export class Executor {
  private readonly opts: ExecutorOptions & { commitListeners: Set<CommitListener> };
  private seen: string | null = null;

  constructor(
    readonly driver: Driver,
    opts: ExecutorOptions,
  ) {
    // Shared with every scoped view, so a listener hears commits made through any of them.
    this.opts = { ...opts, commitListeners: opts.commitListeners ?? new Set() };
  }

  /**
   * Call `listener` with the bookmark of each write transaction committed through this executor
   * (or a view of it) from now on, and the parts of the graph it said it changes; returns the
   * function that stops it. Listeners must not throw.
   */
  onCommit(listener: CommitListener): () => void {
    this.opts.commitListeners.add(listener);
    return () => this.opts.commitListeners.delete(listener);
  }

  /**
   * The bookmark of the last read or write through this executor that returned one (null before
   * any): a database state this executor has seen. A request's executor is its own view
   * (`scoped`), so this is a state the request itself observed, as a cache stamped with bookmarks
   * needs (see {@link readWithBookmark}).
   */
  get observedBookmark(): string | null {
    return this.seen;
  }

  /** A view of this executor for one request: same driver, extra metadata and an observer. */
  scoped(extra: { metadata?: Record<string, string>; observer?: (e: QueryEvent) => void }): Executor {
    const parent = this.opts.observer;
    const child = extra.observer;
    return new Executor(this.driver, {
      ...this.opts,
      metadata: { ...this.opts.metadata, ...extra.metadata },
      observer:
        parent && child
          ? (e) => {
              parent(e);
              child(e);
            }
          : (child ?? parent),
    });
  }

  /**
   * One statement, read. It runs as an auto-commit transaction: RUN and PULL go out in one write
   * and come back in one round trip, where a managed transaction adds BEGIN and a COMMIT round
   * trip (0.6 ms of a 1.5 ms read on the benchmark machine). A read has nothing to commit. On a
   * retryable failure (a restart, a leader switch), it is run again as a managed transaction,
   * with the driver's retries.
   */
  read(query: CypherQuery, params: Params = {}): Promise<Row[]> {
    return this.autoRead(query, params);
  }

  /**
   * A read that also returns the bookmark of its transaction. After a read, the bookmark names
   * the database's last committed transaction, so two reads return the same bookmark exactly
   * when nothing was committed in between: a cache stamped with it is correct for any write, by
   * anyone (the engine's figures, server/src/engine/engine.cache.ts).
   */
  async readWithBookmark(
    query: CypherQuery,
    params: Params = {},
  ): Promise<{ rows: Row[]; bookmark: string }> {
    let bookmark = '';
    const rows = await this.autoRead(query, params, (b) => (bookmark = b));
    return { rows, bookmark };
  }

  /** One statement, written. `changes`: the parts of the graph it may change (default: any). */
  write(query: CypherQuery, params: Params = {}, changes?: WriteChanges): Promise<Row[]> {
    return this.transaction('WRITE', query.name, (tx) => tx.run(query, params), undefined, changes);
  }

  /** Several reads in one transaction (one consistent snapshot). */
  readTx<T>(name: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('READ', name, work);
  }

  /**
   * Several writes committed together or not at all. `changes`: the parts of the graph they may
   * change, told to the commit listeners (default: any).
   */
  writeTx<T>(name: string, work: (tx: Tx) => Promise<T>, changes?: WriteChanges): Promise<T> {
    return this.transaction('WRITE', name, work, undefined, changes);
  }

  private async transaction<T>(
    mode: AccessMode,
    name: string,
    work: (tx: Tx) => Promise<T>,
    onBookmark?: (bookmark: string) => void,
    changes?: WriteChanges,
  ): Promise<T> {
    const started = performance.now();
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = {
      timeout: this.opts.timeoutMs,
      metadata: { app: 'chainmap', tx: name, ...this.opts.metadata },
    };
    try {
      const fn = (mtx: ManagedTransaction) => work(this.wrap(mtx, mode));
      const result =
        mode === 'READ' ? await session.executeRead(fn, config) : await session.executeWrite(fn, config);
      if (onBookmark || mode === 'WRITE') {
        const bookmark = this.observe(session);
        onBookmark?.(bookmark);
        if (mode === 'WRITE') {
          const note =
            typeof changes === 'function' ? changes() : changes ? { parts: changes, chains: null } : null;
          for (const listener of this.opts.commitListeners) listener(bookmark, note);
        }
      }
      return result;
    } catch (e) {
      const err = toDbError(e, name);
      // A retryable failure its statement passed on, still failing after the driver's retries:
      // reported here, once (every other failure was reported by its statement).
      if (!(e instanceof DbError))
        this.emit({ name, mode, ms: performance.now() - started, rows: 0, error: err.code });
      throw err;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private async autoRead(
    query: CypherQuery,
    params: Params,
    onBookmark?: (bookmark: string) => void,
  ): Promise<Row[]> {
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: neo4j.session.READ,
    });
    const config = {
      timeout: this.opts.timeoutMs,
      metadata: { app: 'chainmap', tx: query.name, ...this.opts.metadata },
    };
    try {
      const rows = await this.statement(
        query,
        params,
        'READ',
        () => session.run(query.text, params, config),
        isRetryableError,
      );
      // The bookmark arrives with the statement's last message: the session has it now.
      const bookmark = this.observe(session);
      onBookmark?.(bookmark);
      return rows;
    } catch (e) {
      if (!isRetryableError(e as Error)) throw e;
    } finally {
      await session.close().catch(() => undefined);
    }
    // Retryable: once more as a managed transaction, which retries for maxTransactionRetryTime.
    return this.transaction('READ', query.name, (tx) => tx.run(query, params), onBookmark);
  }

  /** The bookmark of `session`'s last transaction, kept as the latest state seen. */
  private observe(session: Session): string {
    const bookmark = [...session.lastBookmarks()].sort().join(',');
    if (bookmark) this.seen = bookmark;
    return bookmark;
  }

  /**
   * A managed transaction's statements. A retryable failure (a deadlock between two writers, a
   * leader switch) goes back to the driver as it came, so that the driver runs the transaction
   * again; classified, it would look final and be answered as an error.
   */
  private wrap(mtx: ManagedTransaction, mode: AccessMode): Tx {
    return {
      run: (query, params = {}) =>
        this.statement(query, params, mode, () => mtx.run(query.text, params), isRetryableError),
    };
  }

  /**
   * Run one statement, convert its rows and report it. A failure is classified and reported,
   * unless `passOn` says the caller deals with it (and reports what it does then).
   */
  private async statement(
    query: CypherQuery,
    params: Params,
    mode: AccessMode,
    run: () => Promise<QueryResult>,
    passOn?: (e: Error) => boolean,
  ): Promise<Row[]> {
    const started = performance.now();
    const log = this.opts.logger;
    try {
      const result = await unstacked(run);
      const rows = result.records.map((r) => toPlain(r.toObject()) as Row);
      this.emit({ name: query.name, mode, ms: performance.now() - started, rows: rows.length });
      if (log.isLevelEnabled('trace')) log.trace({ cypher: query.text, params }, `cypher ${query.name}`);
      return rows;
    } catch (e) {
      if (passOn?.(e as Error)) throw e;
      const err = toDbError(e, query.name);
      this.emit({ name: query.name, mode, ms: performance.now() - started, rows: 0, error: err.code });
      throw err;
    }
  }

  private emit(e: QueryEvent): void {
    const log = this.opts.logger;
    if (log.isLevelEnabled('debug'))
      log.debug(
        { query: e.name, mode: e.mode, ms: Math.round(e.ms * 10) / 10, rows: e.rows, error: e.error },
        'cypher',
      );
    this.opts.observer?.(e);
  }
}

/**
 * Start a statement without the stack trace the driver captures for each one (its Result
 * records the caller's stack, only to graft it onto the stack of a failure). Formatting that
 * stack was about 4% of the API's CPU on a page of firms; a failure is classified and logged by
 * this executor with its own stack, and the driver's error keeps its message and code. The
 * limit is lifted only while the statement is handed to the driver, synchronously.
 */
function unstacked<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
