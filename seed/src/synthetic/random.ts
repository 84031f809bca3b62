// Deterministic randomness for the synthetic generator: the same seed gives the same stream on
// every machine and Node version (no Math.random, no floating-point transcendental differences
// beyond IEEE double, which V8 guarantees for the operations used here).

/** A 53-bit hash of a string (cyrb53): stable seeds and per-key draws. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A uniform number in [0, 1) determined by a key alone (no stream): for structure that must not depend on the seed. */
export function unitOf(key: string): number {
  return hash53(key) / 2 ** 53;
}

/** A seed as typed on a command line: a number, or any string. */
export type Seed = number | string;

/**
 * sfc32, a small fast PRNG with a 128-bit state, seeded through cyrb53 so that nearby seeds
 * ('1', '2') give unrelated streams. `fork(label)` derives an independent stream, so that adding
 * draws to one part of the generator does not shift every other part.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: Seed, label = '') {
    const s = `${seed}\u0000${label}`;
    const h = hash53(s, 1);
    const g = hash53(s, 2);
    this.a = h >>> 0;
    this.b = (h / 4294967296) >>> 0;
    this.c = g >>> 0;
    this.d = (g / 4294967296) >>> 0 || 1;
    for (let i = 0; i < 12; i++) this.next32();
  }

  fork(label: string): Rng {
    return new Rng(`${this.next32()}:${this.next32()}`, label);
  }

  next32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.next32() / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** Sampling by weight: cumulative sums and a binary search, O(log n) a draw. */
export class WeightedSampler {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (!(w >= 0)) throw new RangeError(`weight ${i} is ${w}`);
      sum += w;
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new RangeError('all weights are zero');
    this.total = sum;
  }

  /** An index, with probability proportional to its weight. */
  sample(rng: Rng): number {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * A set of 64-bit keys (two 32-bit halves) in flat typed arrays: remembers a million names in
 * 16 MB instead of the ~100 MB a `Set<string>` takes.
 */
export class KeySet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used: Uint8Array;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.used = new Uint8Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the key of `text`; false if it was there already. */
  add(text: string): boolean {
    const h = hash53(text, 7);
    const hi = Math.floor(h / 4294967296) >>> 0;
    const lo = h >>> 0;
    if ((this.count + 1) * 2 > this.used.length) this.grow();
    return this.insert(hi, lo);
  }

  private insert(hi: number, lo: number): boolean {
    const mask = this.used.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.used[i]) {
      if (this.hi[i] === hi && this.lo[i] === lo) return false;
      i = (i + 1) & mask;
    }
    this.used[i] = 1;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.count++;
    return true;
  }

  private grow(): void {
    const { hi, lo, used } = this;
    const size = used.length * 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.used = new Uint8Array(size);
    this.count = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.insert(hi[i]!, lo[i]!);
  }
}
