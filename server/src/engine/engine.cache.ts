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
  /**
   * Most weight of one kind kept at once (an entry weighs 1 unless `put` says otherwise: the
   * firms of a link weigh their number); the least recently used go first.
   */
  maxEntries?: Partial<Record<keyof CacheKinds, number>>;
}

const DEFAULT_MAX: Record<keyof CacheKinds, number> = {
  national: 200,
  catalog: 1,
  // Firms over all cached links (≈ 200 bytes each): about 120 MB. A chain of the 1,000,000
  // enterprise graph has 35,000–137,000.
  linkFirms: 600_000,
  regionTies: 100,
};

/** The engine's cache, one per server (not per request, not module-global): see `ContextDeps`. */
export class EngineCache {
  private bookmark: string | null = null;
  private readonly entries = new Map<keyof CacheKinds, Map<string, { value: unknown; weight: number }>>();
  private readonly weights = new Map<keyof CacheKinds, number>();
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
    const entry = map?.get(key);
    if (entry === undefined) {
      this.stats.misses += 1;
      return undefined;
    }
    // Most recently used last.
    map!.delete(key);
    map!.set(key, entry);
    this.stats.hits += 1;
    return entry.value as T;
  }

  /**
   * Keep `value`, read in a transaction whose bookmark was `bookmark`. A new bookmark retires
   * everything stamped with the old one. An empty bookmark (a driver that gave none) keeps nothing.
   */
  put<T>(kind: keyof CacheKinds, key: string, bookmark: string, value: T, weight = 1): void {
    if (!bookmark || weight > this.max[kind]) return;
    if (bookmark !== this.bookmark) {
      this.bookmark = bookmark;
      this.entries.clear();
      this.weights.clear();
      this.stats.generations += 1;
    }
    let map = this.entries.get(kind);
    if (!map) this.entries.set(kind, (map = new Map()));
    let total = this.weights.get(kind) ?? 0;
    const old = map.get(key);
    if (old) total -= old.weight;
    map.delete(key);
    map.set(key, { value, weight });
    total += weight;
    while (total > this.max[kind]) {
      const [oldest, e] = map.entries().next().value!;
      map.delete(oldest);
      total -= e.weight;
    }
    this.weights.set(kind, total);
  }

  /** Forget everything (tests, benchmarks of the cold path). */
  clear(): void {
    this.bookmark = null;
    this.entries.clear();
    this.weights.clear();
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
