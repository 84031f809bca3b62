import type { AssignmentRow, EnterpriseRow, RelationRow } from '../load/enterprises.store.js';
import { syntheticCreditCode } from './credit-code.js';
import { Geography, type SyntheticRegions } from './geography.js';
import { industryWords, NameMaker } from './names.js';
import { linkStrength, SEED_PLACES, type LinkStrength, type PlaceProfile } from './places.js';
import { Rng, WeightedSampler, type Seed } from './random.js';

export type { SyntheticRegions } from './geography.js';

// A deterministic synthetic economy: local firms of the seed documents' places, laid out so
// that each place has strong, weak and missing links, and national candidates everywhere else
// so that every link of every chain has targets; tags, revenue and employees distributed
// roughly as China's are; supplier and investment ties between them.
//
// Memory: the plan keeps a handful of typed arrays (about 40 bytes a firm); rows are produced
// batch by batch, so a million firms never sit in memory as objects.

/** The part of the chain catalog (seed/src/catalog) the generator reads. */
export interface SyntheticCatalog {
  chains: readonly { id: string; name: string }[];
  links: readonly {
    id: string;
    chainId: string;
    name: string;
    stage: string;
    key: boolean;
    parent?: string;
    shenwan: readonly string[];
  }[];
  supplies: readonly { from: string; to: string }[];
}

export interface SyntheticOptions {
  /** How many enterprises in all, local and national. */
  enterprises: number;
  seed: Seed;
  catalog: SyntheticCatalog;
  regions: SyntheticRegions;
  /** Defaults to the seed documents' four cities. */
  places?: readonly PlaceProfile[];
}

/** Company categories, as stored in `Enterprise.tags`. */
export const TAGS = [
  'GLOBAL_500',
  'CHINA_500',
  'PRIVATE_500',
  'CENTRAL_SOE',
  'LISTED',
  'LEADER',
  'HIGH_TECH',
  'SPECIALIZED_SME',
  'FOREIGN',
  'EXPORT_ORIENTED',
] as const;
export type Tag = (typeof TAGS)[number];
const BIT = Object.fromEntries(TAGS.map((t, i) => [t, 1 << i])) as Record<Tag, number>;
const BIG_GROUP = BIT.GLOBAL_500 | BIT.CHINA_500 | BIT.PRIVATE_500 | BIT.CENTRAL_SOE;

const NO_LINK = 0xffff;
const FLAG_LOCAL = 1;
const FLAG_ANCHOR = 2;
const FLAG_BY_CODE = 4;

/** Firms a STRONG local link gets (an anchor and its peers) and a WEAK one gets. */
const STRONG_FIRMS: readonly [number, number] = [5, 12];
const WEAK_FIRMS: readonly [number, number] = [1, 2];

/** The local layout of one seed place: link id → strength, and how many firms each link got. */
export interface PlaceLayout {
  code: string;
  name: string;
  strengths: Map<string, LinkStrength>;
  firms: Map<string, number>;
}

const round2 = (x: number): number => Math.max(0.01, Math.round(x * 100) / 100);

/**
 * Plan a synthetic economy. Planning draws every firm's link, place, size and tags into typed
 * arrays; `enterpriseBatches` and `relationBatches` then stream rows from the plan. The same
 * options always give the same rows, whatever the batch size.
 */
export function planSynthetic(opts: SyntheticOptions): SyntheticPlan {
  return new SyntheticPlan(opts);
}

export class SyntheticPlan {
  readonly size: number;
  /** Firms 0…localCount−1 are the seed places' own; the rest are national candidates. */
  readonly localCount: number;
  readonly layouts: PlaceLayout[] = [];

  private readonly links: SyntheticCatalog['links'];
  private readonly geo: Geography;
  private readonly link1: Uint16Array;
  private readonly link2: Uint16Array;
  private readonly leaf: Uint32Array;
  private readonly revenue: Float64Array;
  private readonly employees: Uint32Array;
  private readonly tags: Uint16Array;
  private readonly flags: Uint8Array;
  private readonly industry: Uint8Array;
  private readonly confidence: Uint8Array;
  private readonly downstream: number[][];
  private readonly upstream: number[][];
  private readonly linksOfChain = new Map<string, number[]>();
  private readonly words: string[][];
  private members?: { offsets: Uint32Array; keys: Float64Array };

  constructor(private readonly opts: SyntheticOptions) {
    const n = opts.enterprises;
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`enterprises must be a positive integer (got ${n})`);
    if (n >= 2 ** 24) throw new RangeError(`at most ${2 ** 24 - 1} enterprises`);
    const links = opts.catalog.links;
    if (links.length === 0 || links.length >= NO_LINK)
      throw new RangeError(`catalog has ${links.length} links`);
    this.links = links;
    this.size = n;
    const places = opts.places ?? SEED_PLACES;
    this.geo = new Geography(
      opts.regions,
      places.map((p) => p.code),
    );

    const linkIndex = new Map(links.map((l, i) => [l.id, i]));
    this.downstream = links.map(() => []);
    this.upstream = links.map(() => []);
    for (const s of opts.catalog.supplies) {
      const a = linkIndex.get(s.from);
      const b = linkIndex.get(s.to);
      if (a === undefined || b === undefined || a === b) continue;
      this.downstream[a]!.push(b);
      this.upstream[b]!.push(a);
    }
    links.forEach((l, i) => {
      let list = this.linksOfChain.get(l.chainId);
      if (!list) this.linksOfChain.set(l.chainId, (list = []));
      list.push(i);
    });
    const hasChildren = new Set(links.map((l) => l.parent).filter((p): p is string => !!p));
    this.words = links.map((l) => industryWords(l));

    this.link1 = new Uint16Array(n);
    this.link2 = new Uint16Array(n).fill(NO_LINK);
    this.leaf = new Uint32Array(n);
    this.revenue = new Float64Array(n);
    this.employees = new Uint32Array(n);
    this.tags = new Uint16Array(n);
    this.flags = new Uint8Array(n);
    this.industry = new Uint8Array(n);
    this.confidence = new Uint8Array(n);

    const rng = new Rng(opts.seed, 'plan');

    // --- Local firms: the places' profiles, link by link.
    type Slot = {
      link: number;
      place: PlaceProfile;
      cluster: number[];
      leaves: number[];
      strength: LinkStrength;
    };
    const slots: { slot: Slot; count: number }[] = [];
    for (const place of places) {
      const layout: PlaceLayout = {
        code: place.code,
        name: place.name,
        strengths: new Map(),
        firms: new Map(),
      };
      this.layouts.push(layout);
      const leaves = this.geo.placeLeaves.get(place.code) ?? [];
      for (const chainId of Object.keys(place.chains).sort()) {
        const clusterCodes = new Set(place.clusters[chainId] ?? []);
        const cluster = leaves.filter((i) => clusterCodes.has(this.geo.leaves[i]!.code));
        for (const li of this.linksOfChain.get(chainId) ?? []) {
          const link = links[li]!;
          // Umbrella links with sub-links get no firms of their own: their sub-links carry them.
          if (hasChildren.has(link.id)) continue;
          const strength = linkStrength(place, link);
          layout.strengths.set(link.id, strength);
          if (strength === 'MISSING') continue;
          const [lo, hi] = strength === 'STRONG' ? STRONG_FIRMS : WEAK_FIRMS;
          slots.push({ slot: { link: li, place, cluster, leaves, strength }, count: rng.int(lo, hi) });
        }
      }
    }
    // Small runs (tests) shrink the local share so that at least half the firms are national.
    const wanted = slots.reduce((s, x) => s + x.count, 0);
    if (wanted * 2 > n) {
      const f = n / (wanted * 2);
      for (const x of slots)
        x.count = x.slot.strength === 'STRONG' ? Math.max(3, Math.round(x.count * f)) : 1;
    }
    let i = 0;
    for (const { slot, count } of slots) {
      for (let k = 0; k < count && i < n; k++, i++) {
        const anchor = k === 0 && slot.strength === 'STRONG';
        this.link1[i] = slot.link;
        this.leaf[i] = this.localLeaf(rng, slot.cluster, slot.leaves, slot.place.code);
        this.flags[i] = FLAG_LOCAL | (anchor ? FLAG_ANCHOR : 0);
        this.drawFirm(rng, i, anchor ? 'anchor' : slot.strength === 'WEAK' ? 'weak' : 'local');
        const layout = this.layouts.find((l) => l.code === slot.place.code)!;
        const id = links[slot.link]!.id;
        layout.firms.set(id, (layout.firms.get(id) ?? 0) + 1);
      }
    }
    this.localCount = i;
    // A local firm's second link must be one its place is strong in: never a silent gap-filler,
    // and a weak link stays weak.
    for (let f = 0; f < this.localCount; f++) {
      if (!rng.chance(0.25)) continue;
      const place = this.layouts.find((l) => l.code === this.geo.leaves[this.leaf[f]!]!.cityCode)!;
      const near = this.neighbours(this.link1[f]!).filter(
        (li) => place.strengths.get(links[li]!.id) === 'STRONG',
      );
      if (near.length > 0) this.link2[f] = rng.pick(near);
    }

    // --- National candidates: every link covered first, then by weight.
    const national = n - this.localCount;
    const minPer = national >= links.length * 20 ? 3 : 1;
    const cover = Math.min(national, links.length * minPer);
    const chainWeight: Record<string, number> = {
      eit: 1.5,
      nev: 1.3,
      food: 1.3,
      ieq: 1.3,
      nm: 1.2,
      tex: 1.2,
      bio: 1.1,
      pv: 1,
      ic: 0.9,
      pack: 0.8,
      env: 0.8,
      health: 0.8,
      emer: 0.6,
      tea: 0.5,
    };
    const linkSampler = new WeightedSampler(
      links.map((l) => {
        const inChain = this.linksOfChain.get(l.chainId)!.length;
        return (
          ((chainWeight[l.chainId] ?? 1) * (l.key ? 1.5 : 1) * (hasChildren.has(l.id) ? 0.3 : 1) * 20) /
          inChain
        );
      }),
    );
    for (let k = 0; k < national; k++, i++) {
      const li = k < cover ? k % links.length : linkSampler.sample(rng);
      this.link1[i] = li;
      this.leaf[i] = this.geo.samplerFor(links[li]!.chainId).sample(rng);
      this.drawFirm(rng, i, 'national');
      if (rng.chance(0.3)) {
        const near = this.neighbours(li);
        if (near.length > 0) this.link2[i] = rng.pick(near);
      }
    }
    // Industry code (from the primary link's Shenwan list) and how the link was assigned.
    for (let f = 0; f < n; f++) {
      const sw = links[this.link1[f]!]!.shenwan;
      this.industry[f] = sw.length > 0 ? rng.int(0, Math.min(sw.length, 255) - 1) : 0;
      if (sw.length > 0 && rng.chance(0.55)) this.flags[f]! |= FLAG_BY_CODE;
      this.confidence[f] = rng.int(17, 20); // ×0.05: 0.85–1.0 for IMPORT
    }
  }

  /** Links next to `li`: what it supplies, what supplies it, and its sibling sub-links. */
  private neighbours(li: number): number[] {
    const link = this.links[li]!;
    const out = new Set<number>([...this.downstream[li]!, ...this.upstream[li]!]);
    if (link.parent) {
      for (const other of this.linksOfChain.get(link.chainId)!)
        if (this.links[other]!.parent === link.parent) out.add(other);
    }
    out.delete(li);
    return [...out].sort((a, b) => a - b);
  }

  private localLeaf(rng: Rng, cluster: number[], leaves: number[], cityCode: string): number {
    const r = rng.next();
    if (cluster.length > 0 && r < 0.6) return rng.pick(cluster);
    const city = leaves.find((i) => this.geo.leaves[i]!.code === cityCode);
    if (city !== undefined && r > 0.95) return city;
    const precise = leaves.filter((i) => i !== city);
    if (precise.length > 0) return rng.pick(precise);
    if (city !== undefined) return city;
    throw new Error(`synthetic: no region found for seed place ${cityCode}`);
  }

  /** Tags, revenue (亿元) and employees of firm `i`. */
  private drawFirm(rng: Rng, i: number, kind: 'national' | 'local' | 'weak' | 'anchor'): void {
    let tags = 0;
    let revenue: number;
    const u = rng.next();
    if (kind === 'anchor') {
      tags = BIT.LEADER | (rng.chance(0.3) ? BIT.LISTED : 0);
      revenue = Math.max(5, rng.logNormal(30, 0.7));
    } else if (kind === 'weak') {
      revenue = Math.min(3, rng.logNormal(0.3, 0.9));
    } else if (kind === 'national' && u < 0.0002) {
      tags = BIT.GLOBAL_500 | BIT.CHINA_500 | BIT.LEADER;
      tags |= rng.chance(0.5) ? BIT.CENTRAL_SOE : rng.chance(0.6) ? BIT.PRIVATE_500 : 0;
      if (rng.chance(0.8)) tags |= BIT.LISTED;
      revenue = Math.max(2100, rng.logNormal(3500, 0.6));
    } else if (kind === 'national' && u < 0.0008) {
      tags = BIT.CHINA_500 | BIT.LEADER;
      tags |= rng.chance(0.35) ? BIT.CENTRAL_SOE : rng.chance(0.55) ? BIT.PRIVATE_500 : 0;
      if (rng.chance(0.6)) tags |= BIT.LISTED;
      revenue = Math.min(2000, Math.max(450, rng.logNormal(900, 0.6)));
    } else if (kind === 'national' && u < 0.0013) {
      tags = BIT.PRIVATE_500 | (rng.chance(0.5) ? BIT.LEADER : 0) | (rng.chance(0.4) ? BIT.LISTED : 0);
      revenue = Math.min(449, Math.max(260, rng.logNormal(340, 0.3)));
    } else if (kind === 'national' && u < 0.0025) {
      tags = BIT.CENTRAL_SOE | (rng.chance(0.3) ? BIT.LEADER : 0) | (rng.chance(0.2) ? BIT.LISTED : 0);
      revenue = rng.logNormal(60, 1);
    } else if (u < (kind === 'national' ? 0.0325 : 0.01)) {
      tags = BIT.LISTED | (rng.chance(0.25) ? BIT.LEADER : 0);
      revenue = rng.logNormal(25, 1.1);
    } else if (u < (kind === 'national' ? 0.0475 : 0.02)) {
      tags = BIT.LEADER;
      revenue = rng.logNormal(15, 0.9);
    } else if (rng.chance(0.022)) {
      // 专精特新"小巨人": small, specialised, almost always high-tech.
      tags = BIT.SPECIALIZED_SME | (rng.chance(0.9) ? BIT.HIGH_TECH : 0);
      revenue = Math.min(20, Math.max(0.5, rng.logNormal(3, 0.6)));
    } else {
      revenue = rng.logNormal(kind === 'national' ? 0.5 : 0.4, 1.3);
    }
    const listedOrLeader = (tags & (BIT.LISTED | BIT.LEADER)) !== 0;
    if (!(tags & BIT.HIGH_TECH) && rng.chance(listedOrLeader ? 0.14 : 0.06)) {
      tags |= BIT.HIGH_TECH;
      if (!(tags & BIG_GROUP) && !listedOrLeader) revenue *= 1.3;
    }
    if (!(tags & (BIT.CENTRAL_SOE | BIT.PRIVATE_500)) && rng.chance(0.04)) tags |= BIT.FOREIGN;
    if (rng.chance(tags & BIT.FOREIGN ? 0.45 : 0.05)) tags |= BIT.EXPORT_ORIENTED;
    this.tags[i] = tags;
    this.revenue[i] = round2(revenue);
    // About 1.5 million yuan of revenue per employee, give or take.
    this.employees[i] = Math.min(
      600_000,
      Math.max(5, Math.round(revenue * 65 * Math.exp(0.5 * rng.normal()))),
    );
  }

  /** The place layout of a seed city. */
  layout(code: string): PlaceLayout | undefined {
    return this.layouts.find((l) => l.code === code);
  }

  // -------------------------------------------------------------------------------------------
  // Enterprises and their link assignments

  /** Enterprise rows and their OPERATES_IN rows, `size` enterprises a batch, in id order. */
  *enterpriseBatches(
    size: number,
  ): Generator<{ enterprises: EnterpriseRow[]; assignments: AssignmentRow[] }> {
    const names = new NameMaker(new Rng(this.opts.seed, 'names'), this.size);
    let enterprises: EnterpriseRow[] = [];
    let assignments: AssignmentRow[] = [];
    for (let i = 0; i < this.size; i++) {
      const { enterprise, links } = this.enterprise(i, names);
      enterprises.push(enterprise);
      assignments.push(...links);
      if (enterprises.length >= size) {
        yield { enterprises, assignments };
        enterprises = [];
        assignments = [];
      }
    }
    if (enterprises.length > 0) yield { enterprises, assignments };
  }

  private enterprise(i: number, names: NameMaker): { enterprise: EnterpriseRow; links: AssignmentRow[] } {
    const leaf = this.geo.leaves[this.leaf[i]!]!;
    const l1 = this.links[this.link1[i]!]!;
    const tags = this.tags[i]!;
    const id = syntheticId(i);
    const name = names.make({
      city: leaf.cityName,
      ...(leaf.countyName ? { county: leaf.countyName } : {}),
      province: leaf.provinceName,
      words: this.words[this.link1[i]!]!,
      listed: (tags & BIT.LISTED) !== 0,
      group: (tags & (BIT.GLOBAL_500 | BIT.CHINA_500 | BIT.PRIVATE_500)) !== 0,
      centralSoe: (tags & BIT.CENTRAL_SOE) !== 0,
    });
    const enterprise: EnterpriseRow = {
      id,
      name,
      creditCode: syntheticCreditCode(leaf.division, i),
      tags: TAGS.filter((t) => tags & BIT[t]),
      revenue: this.revenue[i]!,
      employees: this.employees[i]!,
      regionCode: leaf.code,
      synthetic: true,
    };
    if (l1.shenwan.length > 0) enterprise.industryCode = l1.shenwan[this.industry[i]!]!;
    const byCode = (this.flags[i]! & FLAG_BY_CODE) !== 0;
    const links: AssignmentRow[] = [
      byCode
        ? { enterpriseId: id, linkId: l1.id, source: 'INDUSTRY_CODE', confidence: 0.8 }
        : { enterpriseId: id, linkId: l1.id, source: 'IMPORT', confidence: (this.confidence[i]! * 5) / 100 },
    ];
    const l2 = this.link2[i]!;
    if (l2 !== NO_LINK) {
      links.push({
        enterpriseId: id,
        linkId: this.links[l2]!.id,
        source: 'IMPORT',
        confidence: ((this.confidence[i]! - 2) * 5) / 100,
      });
    }
    return { enterprise, links };
  }

  // -------------------------------------------------------------------------------------------
  // Ties

  /**
   * Firms of each link (first and second links), sorted by (province, city), as one flat
   * array with offsets: a link's firms in one city or province are a contiguous range.
   * Each entry is `placeKey · 2²⁴ + firm`.
   */
  private linkMembers(): { offsets: Uint32Array; keys: Float64Array } {
    if (this.members) return this.members;
    const counts = new Uint32Array(this.links.length + 1);
    for (let f = 0; f < this.size; f++) {
      counts[this.link1[f]! + 1]!++;
      if (this.link2[f] !== NO_LINK) counts[this.link2[f]! + 1]!++;
    }
    const offsets = new Uint32Array(this.links.length + 1);
    for (let l = 0; l < this.links.length; l++) offsets[l + 1] = offsets[l]! + counts[l + 1]!;
    const keys = new Float64Array(offsets[this.links.length]!);
    const fill = offsets.slice(0, this.links.length);
    for (let f = 0; f < this.size; f++) {
      const key = this.placeKey(f) * 2 ** 24 + f;
      keys[fill[this.link1[f]!]!++] = key;
      if (this.link2[f] !== NO_LINK) keys[fill[this.link2[f]!]!++] = key;
    }
    for (let l = 0; l < this.links.length; l++) keys.subarray(offsets[l]!, offsets[l + 1]!).sort();
    this.members = { offsets, keys };
    return this.members;
  }

  private placeKey(f: number): number {
    const leaf = this.geo.leaves[this.leaf[f]!]!;
    return leaf.provinceIndex * 65536 + leaf.cityIndex;
  }

  /** Index range [lo, hi) of `link`'s members whose key lies in [from, to). */
  private range(link: number, from: number, to: number): [number, number] {
    const { offsets, keys } = this.linkMembers();
    const search = (x: number): number => {
      let lo = offsets[link]!;
      let hi = offsets[link + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [search(from * 2 ** 24), search(to * 2 ** 24)];
  }

  private firmAt(index: number): number {
    return this.members!.keys[index]! % 2 ** 24;
  }

  /** A firm of `link`: near `near` (same city, else same province) when asked, bigger ones favoured otherwise. */
  private pickIn(
    rng: Rng,
    link: number,
    near: number | undefined,
    where: 'city' | 'province' | 'any',
  ): number | undefined {
    const { offsets } = this.linkMembers();
    let lo = offsets[link]!;
    let hi = offsets[link + 1]!;
    if (hi === lo) return undefined;
    if (near !== undefined && where !== 'any') {
      const key = this.placeKey(near);
      const [a, b] =
        where === 'city'
          ? this.range(link, key, key + 1)
          : this.range(link, key - (key % 65536), key - (key % 65536) + 65536);
      if (b > a) {
        lo = a;
        hi = b;
      }
    }
    const x = this.firmAt(lo + Math.floor(rng.next() * (hi - lo)));
    const y = this.firmAt(lo + Math.floor(rng.next() * (hi - lo)));
    return this.revenue[x]! >= this.revenue[y]! ? x : y;
  }

  /**
   * National suppliers of each local anchor, in the links upstream of the anchor's: the
   * 以商招商 leads ("your anchor's suppliers"), including those in links the place is missing.
   */
  private anchorSuppliers(rng: Rng): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (let a = 0; a < this.localCount; a++) {
      if (!(this.flags[a]! & FLAG_ANCHOR)) continue;
      const ups = [...this.upstream[this.link1[a]!]!];
      for (let k = 0; k < Math.min(6, ups.length); k++) {
        const u = ups.splice(Math.floor(rng.next() * ups.length), 1)[0]!;
        const count = rng.int(1, 2);
        for (let c = 0; c < count; c++) {
          const s = this.pickIn(rng, u, undefined, 'any');
          if (s === undefined || s < this.localCount) continue;
          let list = out.get(s);
          if (!list) out.set(s, (list = []));
          if (!list.includes(a)) list.push(a);
        }
      }
    }
    return out;
  }

  /** SUPPLIES_TO and INVESTS_IN rows, `size` a batch, each tie once. */
  *relationBatches(size: number): Generator<RelationRow[]> {
    const rng = new Rng(this.opts.seed, 'ties');
    const anchors = this.anchorSuppliers(rng.fork('anchors'));
    let batch: RelationRow[] = [];
    const customers: number[] = [];
    const investees: number[] = [];
    for (let i = 0; i < this.size; i++) {
      // Customers in the links downstream of this firm's.
      customers.length = 0;
      const l2 = this.link2[i]!;
      const downs =
        l2 === NO_LINK
          ? this.downstream[this.link1[i]!]!
          : [...this.downstream[this.link1[i]!]!, ...this.downstream[l2]!];
      if (downs.length > 0) {
        const r = rng.next();
        const k = r < 0.4 ? 1 : r < 0.7 ? 2 : r < 0.9 ? 3 : 4;
        for (let t = 0; t < k * 3 && customers.length < k; t++) {
          const d = downs[Math.floor(rng.next() * downs.length)]!;
          const w = rng.next();
          const j = this.pickIn(rng, d, i, w < 0.35 ? 'city' : w < 0.6 ? 'province' : 'any');
          if (j === undefined || j === i || customers.includes(j)) continue;
          customers.push(j);
        }
      }
      for (const a of anchors.get(i) ?? []) if (!customers.includes(a)) customers.push(a);
      for (const j of customers)
        batch.push({ fromId: syntheticId(i), toId: syntheticId(j), type: 'SUPPLIES_TO' });

      // Big firms hold stakes in smaller ones of their chain.
      investees.length = 0;
      const tags = this.tags[i]!;
      const m =
        tags & BIG_GROUP
          ? rng.int(2, 6)
          : tags & (BIT.LISTED | BIT.LEADER)
            ? rng.chance(0.4)
              ? rng.int(1, 3)
              : 0
            : this.revenue[i]! > 50 && rng.chance(0.2)
              ? 1
              : 0;
      const chain = this.linksOfChain.get(this.links[this.link1[i]!]!.chainId)!;
      for (let t = 0; t < m * 6 && investees.length < m; t++) {
        const link = chain[Math.floor(rng.next() * chain.length)]!;
        const { offsets } = this.linkMembers();
        const count = offsets[link + 1]! - offsets[link]!;
        if (count === 0) continue;
        const j = this.firmAt(offsets[link]! + Math.floor(rng.next() * count));
        if (j === i || investees.includes(j) || this.revenue[j]! >= this.revenue[i]! * 0.5) continue;
        investees.push(j);
        const s = rng.next();
        const share =
          s < 0.3
            ? 1
            : s < 0.6
              ? 0.51 + Math.round(rng.next() * 44) / 100
              : 0.05 + Math.round(rng.next() * 44) / 100;
        batch.push({ fromId: syntheticId(i), toId: syntheticId(j), type: 'INVESTS_IN', share });
      }
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/** `syn-1`, `syn-2`…: the id of the `i`-th synthetic firm (0-based). */
export function syntheticId(i: number): string {
  return `syn-${i + 1}`;
}
