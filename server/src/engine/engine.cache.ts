import { bookmarkPosition, type CommitChanges, type GraphPart, type Logger } from '@chainmap/graph';

// Figures the engine reads often and that no single request changes: a chain's national counts,
// a region's presence on a chain, the firms of each link with what scoring needs, the link
// catalog, a region's tie counts and the firms it courts (docs/method.md, "Cached figures").
// Every entry is stamped with the bookmark of the database's last committed transaction at the
// time it was read, and is only ever served to a request that observed the same bookmark: any
// commit, by this server or any other process (imports, the CLI, another instance), changes the
// bookmark and so retires the entries.
//
// With one exception: the commits this server makes say which parts of the graph they change
// (graph/src/parts.ts). When every commit between the entries' state and the new one is known to
// be this server's, by the transaction ids of the two bookmarks, the entries of the kinds that
// depend on none of the parts changed are carried over to the new state: logging a visit or
// moving a project leaves a chain's national counts and a region's presence as they were. A write
// to some enterprises also says the chains their links are in, before and after it: entries of
// the kinds keyed by chain (national, local, linkFirms) are then retired for those chains only.
// One unknown commit in between (anyone else's, or a bookmark that cannot be read) retires all.
//
// Two things keep that from costing every request after a commit the full price:
// - one load per entry at a time: requests that miss the same entry at the same state wait for
//   the load already running instead of starting their own (32 requests after a commit read a
//   chain's firms once, not 32 times);
// - with `refresh`, when a new state retires the entries, the ones used lately are read again in
//   the background, one at a time, at the new state, so that the requests that follow find them;
//   it steps aside while a request is reading figures of its own.
//   Commits made by this server announce the new state at once (Executor.onCommit); commits by
//   others are seen by the first request that reads after them.

/** What one cache holds, by kind: the key type is always a string. */
export interface CacheKinds {
  national: unknown;
  catalog: unknown;
  local: unknown;
  linkFirms: unknown;
  regionTies: unknown;
  courted: unknown;
}

type Kind = keyof CacheKinds;

/** What each kind is read from: a commit that changes none of these parts leaves it as it was. */
export const DEPENDS_ON: Record<Kind, readonly GraphPart[]> = {
  national: ['chains', 'enterprises'],
  catalog: ['chains', 'regions'],
  local: ['chains', 'enterprises', 'locations', 'regions'],
  linkFirms: ['chains', 'enterprises', 'locations'],
  // Ties of the region's firms: which firms are there, and their ties.
  regionTies: ['locations', 'ties', 'regions'],
  // The firms its task forces' libraries and projects court.
  courted: ['regions', 'organisation', 'pipeline'],
};

/**
 * The chain of an entry, for the kinds keyed by chain: a commit that changed enterprises of some
 * chains only (CommitChanges.chains) leaves the entries of the other chains as they were.
 */
const CHAIN_OF: Partial<Record<Kind, (key: string, value: unknown) => string | null>> = {
  national: (key) => key,
  // presenceKey's chain.
  local: (key) => key.slice(0, key.indexOf('\u0000')),
  // The link's own `chainId`, read with its firms (candidates.service.ts, LinkFirms).
  linkFirms: (_key, value) => (value as { chainId: string | null }).chainId,
};

/** The key of a region's presence on a chain (`local`): CHAIN_OF reads the chain back from it. */
export const presenceKey = (chainId: string, regionCode: string): string => `${chainId}\u0000${regionCode}`;

/** The parts whose changes a write can bound by chains (CommitChanges.chains). */
const CHAIN_SCOPED: readonly GraphPart[] = ['enterprises', 'locations'];

/** Own commits remembered with what they changed; older ones count as unknown. */
const OWN_COMMITS = 4_096;

/** A read that reports the bookmark of the state it read. */
export type Load<T> = () => Promise<{ value: T; bookmark: string }>;

export interface EngineCacheOptions {
  /**
   * Most weight of one kind kept at once (an entry weighs 1 unless `put` says otherwise: the
   * firms of a link weigh their number); the least recently used go first.
   */
  maxEntries?: Partial<Record<Kind, number>>;
  /** Re-read lately used entries in the background when a new state retires them. */
  refresh?: {
    logger: Logger;
    /** Only entries used within this long before the change (default 10 minutes). */
    windowMs?: number;
  };
}

const DEFAULT_MAX: Record<Kind, number> = {
  national: 200,
  catalog: 1,
  // A region's presence on a chain: a few hundred bytes a link.
  local: 2_000,
  // Firms over all cached links (≈ 200 bytes each): about 120 MB. A chain of the 1,000,000
  // enterprise graph has 35,000–137,000.
  linkFirms: 600_000,
  regionTies: 100,
  // Two short lists of ids per region and scope.
  courted: 1_000,
};

/** Cheap and always-needed kinds first, then the rest. */
const REFRESH_ORDER: Kind[] = ['catalog', 'national', 'courted', 'local', 'linkFirms', 'regionTies'];

interface Entry {
  value: unknown;
  weight: number;
  /** Its chain, for the kinds of CHAIN_OF; null when it has none. */
  chain?: string | null;
  usedAt: number;
  /** How to read it again (what loaded it), and what it weighs then. */
  reload?: Load<unknown>;
  weightOf?: (value: unknown) => number;
}

interface Pending {
  kind: Kind;
  key: string;
  usedAt: number;
  reload: Load<unknown>;
  weightOf?: (value: unknown) => number;
}

/** The engine's cache, one per server (not per request, not module-global): see `ContextDeps`. */
export class EngineCache {
  private bookmark: string | null = null;
  /**
   * States already left behind, most recent last. The database never returns to one, so a value
   * read at one of them (by a request that began before a commit) is old and must not bring its
   * state back.
   */
  private readonly retired = new Set<string>();
  private readonly entries = new Map<Kind, Map<string, Entry>>();
  private readonly weights = new Map<Kind, number>();
  private readonly max: Record<Kind, number>;
  private readonly inFlight = new Map<string, Promise<{ value: unknown; bookmark: string }>>();
  /** Entries retired by the last change of state, still to be read again (refresh only). */
  private pending: Pending[] = [];
  private refreshing: Promise<void> | null = null;
  /** Loads started by requests and still running; the refresh waits while there are any. */
  private requestLoads = 0;
  private idle: (() => void)[] = [];
  private stopped = false;
  /** Hits, misses, loads joined, state changes and background reloads since start (tests, benchmarks). */
  readonly stats = { hits: 0, misses: 0, joined: 0, generations: 0, refreshed: 0, carried: 0 };
  /** This server's commits: `database#tx` → what each changed. */
  private readonly own = new Map<string, CommitChanges>();

  constructor(private readonly opts: EngineCacheOptions = {}) {
    this.max = { ...DEFAULT_MAX, ...opts.maxEntries };
  }

  /** The entry stamped with `bookmark`, or undefined (never one read at another bookmark). */
  get<T>(kind: Kind, key: string, bookmark: string): T | undefined {
    if (!bookmark || bookmark !== this.bookmark) {
      this.stats.misses += 1;
      return undefined;
    }
    const map = this.entries.get(kind);
    const entry = map?.get(key);
    if (entry === undefined) {
      this.stats.misses += 1;
      return undefined;
    }
    // Most recently used last.
    map!.delete(key);
    map!.set(key, entry);
    entry.usedAt = Date.now();
    this.stats.hits += 1;
    return entry.value as T;
  }

  /**
   * Keep `value`, read in a transaction whose bookmark was `bookmark`. A new bookmark retires
   * everything stamped with the old one. An empty bookmark (a driver that gave none) keeps nothing.
   * `reload` (what read it, or reads it alone) lets a refresh read it again after a change of state.
   */
  put<T>(
    kind: Kind,
    key: string,
    bookmark: string,
    value: T,
    weight = 1,
    reload?: Load<T>,
    weightOf?: (value: T) => number,
  ): void {
    if (!bookmark || weight > this.max[kind] || this.stopped || this.retired.has(bookmark)) return;
    if (bookmark !== this.bookmark) this.advance(bookmark);
    let map = this.entries.get(kind);
    if (!map) this.entries.set(kind, (map = new Map()));
    let total = this.weights.get(kind) ?? 0;
    const old = map.get(key);
    if (old) total -= old.weight;
    map.delete(key);
    const chainOf = CHAIN_OF[kind];
    map.set(key, {
      value,
      weight,
      ...(chainOf ? { chain: chainOf(key, value) } : {}),
      usedAt: Date.now(),
      ...(reload ? { reload: reload as Load<unknown> } : {}),
      ...(weightOf ? { weightOf: weightOf as (v: unknown) => number } : {}),
    });
    total += weight;
    while (total > this.max[kind]) {
      const [oldest, e] = map.entries().next().value!;
      map.delete(oldest);
      total -= e.weight;
    }
    this.weights.set(kind, total);
  }

  /**
   * The entry at `bookmark`, or load it: once, however many requests ask at the same state
   * meanwhile. The loaded value is kept only when its own bookmark is still `bookmark` (nothing
   * was committed between the request's first read and this one), so an entry is never stamped
   * with a state it was not read from; the caller gets the loaded value either way. `reload`
   * reads the entry alone, when `load` reads it with others.
   */
  async load<T>(
    kind: Kind,
    key: string,
    bookmark: string,
    load: Load<T>,
    weightOf: (value: T) => number = () => 1,
    reload: Load<T> = load,
  ): Promise<T> {
    const hit = this.get<T>(kind, key, bookmark);
    if (hit !== undefined) return hit;
    // A request waits for this: the background refresh steps aside until it is done.
    this.requestLoads += 1;
    try {
      return (await this.loadOnce(kind, key, bookmark, load, weightOf, reload)).value;
    } finally {
      this.requestLoads -= 1;
      if (this.requestLoads === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** Is this entry being read at this state right now? */
  isLoading(kind: Kind, key: string, bookmark: string): boolean {
    return this.inFlight.has(`${kind}\u0000${key}\u0000${bookmark}`);
  }

  /**
   * A new state of the database, announced by a commit of this server that changed `changes`
   * (null: any part): retire the entries read before it that depend on what changed (all of them
   * unless every commit since their state is known), and (with `refresh`) read the lately used
   * ones again in the background.
   */
  committed(bookmark: string, changes: CommitChanges | null = null): void {
    const at = changes && bookmarkPosition(bookmark);
    if (at) {
      this.own.set(`${at.database}#${at.tx}`, changes);
      if (this.own.size > OWN_COMMITS) this.own.delete(this.own.keys().next().value!);
    }
    if (bookmark && bookmark !== this.bookmark && !this.stopped && !this.retired.has(bookmark))
      this.advance(bookmark);
  }

  /** Forget everything (tests, benchmarks of the cold path). */
  clear(): void {
    this.bookmark = null;
    this.entries.clear();
    this.weights.clear();
    this.pending = [];
  }

  /** Stop refreshing and keep nothing more (the server is shutting down); waits for a running reload. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clear();
    await this.refreshing;
  }

  /** Resolves when no background reload is running or due (tests). */
  async settled(): Promise<void> {
    while (this.refreshing) await this.refreshing;
  }

  private loadOnce<T>(
    kind: Kind,
    key: string,
    bookmark: string,
    load: Load<T>,
    weightOf: (value: T) => number,
    reload: Load<T> = load,
  ): Promise<{ value: T; bookmark: string }> {
    const id = `${kind}\u0000${key}\u0000${bookmark}`;
    const running = this.inFlight.get(id);
    if (running) {
      this.stats.joined += 1;
      return running as Promise<{ value: T; bookmark: string }>;
    }
    const p = load().then(
      (loaded) => {
        this.inFlight.delete(id);
        if (loaded.bookmark === bookmark)
          this.put(kind, key, bookmark, loaded.value, weightOf(loaded.value), reload, weightOf);
        return loaded;
      },
      (e: unknown) => {
        this.inFlight.delete(id);
        throw e;
      },
    );
    this.inFlight.set(id, p as Promise<{ value: unknown; bookmark: string }>);
    return p;
  }

  /**
   * What the commits from `from` to `to` did to each kind: nothing (absent), everything
   * (`'all'`), or the entries of some chains only (the set); `'all'` for every kind unless each
   * of those commits is this server's.
   */
  private staleness(from: string | null, to: string): Map<Kind, 'all' | Set<string>> {
    const kinds = Object.keys(DEPENDS_ON) as Kind[];
    const all = new Map(kinds.map((k) => [k, 'all' as const]));
    const a = from ? bookmarkPosition(from) : null;
    const b = bookmarkPosition(to);
    if (!a || !b || a.database !== b.database || b.tx <= a.tx || b.tx - a.tx > BigInt(OWN_COMMITS))
      return all;
    const stale = new Map<Kind, 'all' | Set<string>>();
    for (let tx = a.tx + 1n; tx <= b.tx; tx++) {
      const c = this.own.get(`${b.database}#${tx}`);
      if (!c) return all;
      for (const kind of kinds) {
        const hit = DEPENDS_ON[kind].filter((p) => c.parts.includes(p));
        if (hit.length === 0 || stale.get(kind) === 'all') continue;
        // Only enterprises of some chains changed: the entries of those chains.
        if (c.chains && CHAIN_OF[kind] && hit.every((p) => CHAIN_SCOPED.includes(p))) {
          const chains = (stale.get(kind) as Set<string> | undefined) ?? new Set<string>();
          for (const chain of c.chains) chains.add(chain);
          stale.set(kind, chains);
        } else stale.set(kind, 'all');
      }
    }
    return stale;
  }

  /**
   * Move to `bookmark`'s state: carry over the entries still true there, retire the others,
   * keeping what a refresh needs to read them again.
   */
  private advance(bookmark: string): void {
    // What a refresh reads again: only with `refresh`, and only once there was a state before.
    const refresh = this.opts.refresh !== undefined && this.bookmark !== null;
    const stale = this.staleness(this.bookmark, bookmark);
    const since = Date.now() - (this.opts.refresh?.windowMs ?? 10 * 60_000);
    // Still pending from an earlier change, unless loaded since.
    const retired: Pending[] = this.pending.filter((p) => !this.entries.get(p.kind)?.has(p.key));
    for (const [kind, map] of this.entries) {
      const chains = stale.get(kind);
      if (chains === undefined) {
        // Nothing it is read from changed: every entry holds (a visit logged, a project moved).
        this.stats.carried += map.size;
        continue;
      }
      let weight = this.weights.get(kind) ?? 0;
      for (const [key, e] of map) {
        if (chains !== 'all' && e.chain != null && !chains.has(e.chain)) {
          this.stats.carried += 1;
          continue;
        }
        map.delete(key);
        weight -= e.weight;
        if (refresh && e.reload && e.usedAt >= since)
          retired.push({
            kind,
            key,
            usedAt: e.usedAt,
            reload: e.reload,
            ...(e.weightOf ? { weightOf: e.weightOf } : {}),
          });
      }
      this.weights.set(kind, weight);
    }
    if (refresh) {
      // Most recently used first within a kind; one per key.
      const seen = new Set<string>();
      this.pending = retired
        .sort((a, b) => REFRESH_ORDER.indexOf(a.kind) - REFRESH_ORDER.indexOf(b.kind) || b.usedAt - a.usedAt)
        .filter((p) => {
          const id = `${p.kind}\u0000${p.key}`;
          return !seen.has(id) && seen.add(id);
        });
    }
    if (this.bookmark !== null) {
      this.retired.add(this.bookmark);
      if (this.retired.size > 256) this.retired.delete(this.retired.values().next().value!);
    }
    this.bookmark = bookmark;
    this.stats.generations += 1;
    if (this.pending.length > 0 && !this.refreshing) this.refreshing = this.refresh();
  }

  /**
   * Read the retired entries again, one at a time, at the current state. A reload that finds the
   * state changed again is not kept, and the refresh pauses until that state is seen (by a
   * request or a commit of this server); an entry a request loaded meanwhile is not read twice
   * (a request that misses it joins the reload).
   */
  private async refresh(): Promise<void> {
    const logger = this.opts.refresh!.logger;
    try {
      while (!this.stopped && this.pending.length > 0) {
        // Requests come first: their own reads get the database to themselves.
        while (this.requestLoads > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
        if (this.stopped || this.pending.length === 0) break;
        const p = this.pending.shift()!;
        const bookmark = this.bookmark!;
        if (this.entries.get(p.kind)?.has(p.key)) continue;
        try {
          const loaded = await this.loadOnce(p.kind, p.key, bookmark, p.reload, p.weightOf ?? (() => 1));
          if (this.bookmark !== bookmark) {
            // This server committed (or saw a commit) meanwhile: read it again at that state.
            this.pending.unshift(p);
          } else if (loaded.bookmark !== bookmark) {
            // Committed elsewhere meanwhile: pause until a request sees that state (it restarts
            // the refresh) rather than reading everything at a state already past.
            this.pending.unshift(p);
            break;
          } else this.stats.refreshed += 1;
        } catch (e) {
          // Neo4j away, the driver closed, the entry's subject deleted: the next request reads it itself.
          logger.debug({ err: e, kind: p.kind, key: p.key }, 'engine cache: background reload failed');
        }
      }
    } finally {
      this.refreshing = null;
    }
  }
}
