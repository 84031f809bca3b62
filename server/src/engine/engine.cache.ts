// Figures the engine reads often and that no single request changes: a chain's national counts,
// the firms of each link with what scoring needs, the link catalog, a region's tie counts
// (docs/method.md, "Cached figures"). Every entry is stamped with the bookmark of the database's
// last committed transaction at the time it was read, and is only ever served to a request that
// observed the same bookmark: any commit, by this server or any other process (imports, the
// CLI, another instance), changes the bookmark and so retires every entry at once.

/** What one cache holds, by kind: the key type is always a string. */
export interface CacheKinds {
  national: unknown;
  catalog: unknown;
  linkFirms: unknown;
  regionTies: unknown;
}

export interface EngineCacheOptions {
  /** Most entries of one kind kept at once; the least recently used go first. */
  maxEntries?: Partial<Record<keyof CacheKinds, number>>;
}

const DEFAULT_MAX: Record<keyof CacheKinds, number> = {
  national: 200,
  catalog: 1,
  // Links of the catalog (≈ 350): their firms are ≈ 1.3 × the enterprises with a link.
  linkFirms: 400,
  regionTies: 100,
};

/** The engine's cache, one per server (not per request, not module-global): see `ContextDeps`. */
export class EngineCache {
  private bookmark: string | null = null;
  private readonly entries = new Map<keyof CacheKinds, Map<string, unknown>>();
  private readonly max: Record<keyof CacheKinds, number>;
  /** Hits and misses since start, for tests and the benchmark. */
  readonly stats = { hits: 0, misses: 0, generations: 0 };

  constructor(opts: EngineCacheOptions = {}) {
    this.max = { ...DEFAULT_MAX, ...opts.maxEntries };
  }

  /** The entry stamped with `bookmark`, or undefined (never one read at another bookmark). */
  get<T>(kind: keyof CacheKinds, key: string, bookmark: string): T | undefined {
    if (!bookmark || bookmark !== this.bookmark) {
      this.stats.misses += 1;
      return undefined;
    }
    const map = this.entries.get(kind);
    const value = map?.get(key);
    if (value === undefined) {
      this.stats.misses += 1;
      return undefined;
    }
    // Most recently used last.
    map!.delete(key);
    map!.set(key, value);
    this.stats.hits += 1;
    return value as T;
  }

  /**
   * Keep `value`, read in a transaction whose bookmark was `bookmark`. A new bookmark retires
   * everything stamped with the old one. An empty bookmark (a driver that gave none) keeps nothing.
   */
  put<T>(kind: keyof CacheKinds, key: string, bookmark: string, value: T): void {
    if (!bookmark) return;
    if (bookmark !== this.bookmark) {
      this.bookmark = bookmark;
      this.entries.clear();
      this.stats.generations += 1;
    }
    let map = this.entries.get(kind);
    if (!map) this.entries.set(kind, (map = new Map()));
    map.delete(key);
    map.set(key, value);
    while (map.size > this.max[kind]) map.delete(map.keys().next().value!);
  }

  /** Forget everything (tests, benchmarks of the cold path). */
  clear(): void {
    this.bookmark = null;
    this.entries.clear();
  }
}

/**
 * The cached value for `key` at `bookmark`, or `load` it: a read that reports its own bookmark.
 * The value is kept only when that bookmark is still `bookmark`, i.e. nothing was committed
 * between the request's first read and this one, so it can never be stamped with a state it
 * was not read from.
 */
export async function cached<T>(
  cache: EngineCache,
  kind: keyof CacheKinds,
  key: string,
  bookmark: string,
  load: () => Promise<{ value: T; bookmark: string }>,
): Promise<T> {
  const hit = cache.get<T>(kind, key, bookmark);
  if (hit !== undefined) return hit;
  const loaded = await load();
  if (loaded.bookmark === bookmark) cache.put(kind, key, bookmark, loaded.value);
  return loaded.value;
}
