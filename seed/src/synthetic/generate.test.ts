import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../catalog/validate.js';
import type { AssignmentRow, EnterpriseRow, RelationRow } from '../load/enterprises.store.js';
import { buildRegions, lineage, type RegionSet } from '../regions/regions.js';
import { isValidCreditCode } from './credit-code.js';
import { planSynthetic, TAGS, type SyntheticPlan } from './generate.js';
import { SEED_PLACES } from './places.js';

let catalog: Catalog;
let regions: RegionSet;

interface Run {
  plan: SyntheticPlan;
  enterprises: EnterpriseRow[];
  assignments: AssignmentRow[];
  relations: RelationRow[];
}

function run(enterprises: number, seed: number | string, batch = 4000): Run {
  const plan = planSynthetic({ enterprises, seed, catalog, regions });
  const out: Run = { plan, enterprises: [], assignments: [], relations: [] };
  for (const b of plan.enterpriseBatches(batch)) {
    out.enterprises.push(...b.enterprises);
    out.assignments.push(...b.assignments);
  }
  for (const b of plan.relationBatches(batch * 3)) out.relations.push(...b);
  return out;
}

const digest = (r: Run): string =>
  createHash('sha256')
    .update(JSON.stringify([r.enterprises, r.assignments, r.relations]))
    .digest('hex');

const SIZE = 40_000;
let big: Run;
/** Enterprise id → its row, its links, and the city it sits in. */
let byId: Map<string, EnterpriseRow>;
let linksOf: Map<string, string[]>;
const cityOf = (e: EnterpriseRow): string | undefined =>
  lineage(regions, e.regionCode!).find((r) => r.level === 'CITY')?.code;

beforeAll(async () => {
  catalog = await loadCatalog();
  regions = buildRegions();
  big = run(SIZE, 'chainmap');
  byId = new Map(big.enterprises.map((e) => [e.id, e]));
  linksOf = new Map();
  for (const a of big.assignments)
    linksOf.set(a.enterpriseId, [...(linksOf.get(a.enterpriseId) ?? []), a.linkId]);
});

describe('determinism', () => {
  it('the same seed gives the same rows, whatever the batch size', () => {
    const a = run(6000, 7, 1000);
    const b = run(6000, 7, 2500);
    expect(digest(a)).toBe(digest(b));
    expect(a.enterprises[5999]).toEqual(b.enterprises[5999]);
  });

  it('a different seed gives different rows', () => {
    const a = run(6000, 7);
    const c = run(6000, 8);
    expect(digest(a)).not.toBe(digest(c));
    expect(a.enterprises.map((e) => e.name)).not.toEqual(c.enterprises.map((e) => e.name));
  });
});

describe('enterprises', () => {
  it('have ids syn-1…syn-N, synthetic: true, and unique names and credit codes', () => {
    expect(big.enterprises).toHaveLength(SIZE);
    expect(big.enterprises[0]!.id).toBe('syn-1');
    expect(big.enterprises[SIZE - 1]!.id).toBe(`syn-${SIZE}`);
    expect(big.enterprises.every((e) => e.synthetic === true)).toBe(true);
    expect(new Set(big.enterprises.map((e) => e.name)).size).toBe(SIZE);
    expect(new Set(big.enterprises.map((e) => e.creditCode)).size).toBe(SIZE);
    expect(big.enterprises.every((e) => isValidCreditCode(e.creditCode!))).toBe(true);
  });

  it('have names that read like Chinese company names', () => {
    const re = /^[\p{Script=Han}（）]+(有限公司|股份有限公司)$/u;
    expect(big.enterprises.every((e) => re.test(e.name))).toBe(true);
    // Most start with the city they are registered in.
    const withCity = big.enterprises.filter((e) => {
      const city = lineage(regions, e.regionCode!).find((r) => r.level === 'CITY');
      return city && e.name.startsWith(city.shortName);
    });
    expect(withCity.length / SIZE).toBeGreaterThan(0.5);
  });

  it('sit in known regions, with a credit code of that region', () => {
    const bad = big.enterprises.filter((e) => {
      const region = regions.byCode.get(e.regionCode!);
      return (
        !region ||
        region.level === 'PROVINCE' ||
        !e.creditCode!.startsWith(`91${/^\d{6}$/.test(region.code) ? region.code : region.parentCode}`)
      );
    });
    expect(bad).toEqual([]);
  });

  it('have tag shares that look like China: very few giants, a few % listed, 5–10% high-tech', () => {
    const share = Object.fromEntries(
      TAGS.map((t) => [t, big.enterprises.filter((e) => e.tags.includes(t)).length / SIZE]),
    );
    expect(share.GLOBAL_500).toBeLessThan(0.0005);
    expect(share.CHINA_500).toBeLessThan(0.002);
    expect(share.CENTRAL_SOE).toBeLessThan(0.004);
    expect(share.PRIVATE_500).toBeLessThan(0.002);
    expect(share.LISTED).toBeGreaterThan(0.015);
    expect(share.LISTED).toBeLessThan(0.06);
    expect(share.LEADER).toBeGreaterThan(0.015);
    expect(share.LEADER).toBeLessThan(0.06);
    expect(share.HIGH_TECH).toBeGreaterThan(0.05);
    expect(share.HIGH_TECH).toBeLessThan(0.1);
    expect(share.SPECIALIZED_SME).toBeGreaterThan(0.01);
    expect(share.SPECIALIZED_SME).toBeLessThan(0.03);
    expect(share.FOREIGN).toBeGreaterThan(0.02);
    expect(share.FOREIGN).toBeLessThan(0.07);
    expect(share.EXPORT_ORIENTED).toBeGreaterThan(0.03);
    expect(share.EXPORT_ORIENTED).toBeLessThan(0.1);
    // Every China-500 firm is big, and every Global-500 firm is also a China-500 one.
    for (const e of big.enterprises) {
      if (e.tags.includes('CHINA_500')) expect(e.revenue).toBeGreaterThanOrEqual(450);
      if (e.tags.includes('GLOBAL_500')) expect(e.tags).toContain('CHINA_500');
    }
  });

  it('have log-normal revenue in 亿元, bigger for tagged firms, and employees that follow revenue', () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const revenue = big.enterprises.map((e) => e.revenue!);
    expect(median(revenue)).toBeGreaterThan(0.2);
    expect(median(revenue)).toBeLessThan(2);
    expect(Math.min(...revenue)).toBeGreaterThan(0);
    const plain = big.enterprises.filter((e) => e.tags.length === 0).map((e) => e.revenue!);
    const listed = big.enterprises.filter((e) => e.tags.includes('LISTED')).map((e) => e.revenue!);
    expect(median(listed)).toBeGreaterThan(10 * median(plain));
    // Heavy tail: the top 1% hold far more than 1% of revenue.
    const sorted = [...revenue].sort((a, b) => b - a);
    const top = sorted.slice(0, SIZE / 100).reduce((s, x) => s + x, 0);
    expect(top / sorted.reduce((s, x) => s + x, 0)).toBeGreaterThan(0.3);
    // Correlation of log(revenue) and log(employees).
    const xs = big.enterprises.map((e) => Math.log(e.revenue!));
    const ys = big.enterprises.map((e) => Math.log(e.employees!));
    const mx = xs.reduce((s, x) => s + x, 0) / SIZE;
    const my = ys.reduce((s, y) => s + y, 0) / SIZE;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < SIZE; i++) {
      sxy += (xs[i]! - mx) * (ys[i]! - my);
      sxx += (xs[i]! - mx) ** 2;
      syy += (ys[i]! - my) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.7);
    expect(big.enterprises.every((e) => Number.isInteger(e.employees) && e.employees! >= 5)).toBe(true);
  });
});

describe('links', () => {
  it('each firm operates in 1–2 links, with an industry code taken from its first link', () => {
    const links = new Map(catalog.links.map((l) => [l.id, l]));
    const bad: string[] = [];
    for (const e of big.enterprises) {
      const own = linksOf.get(e.id)!;
      if (own.length < 1 || own.length > 2) bad.push(`${e.id} has ${own.length} links`);
      const first = links.get(own[0]!)!;
      if (first.shenwan.length > 0 && !first.shenwan.includes(e.industryCode!))
        bad.push(`${e.id} code ${e.industryCode}`);
    }
    for (const a of big.assignments) {
      const ok =
        (a.source === 'INDUSTRY_CODE' && a.confidence === 0.8) ||
        (a.source === 'IMPORT' && a.confidence > 0 && a.confidence <= 1);
      if (!ok) bad.push(`${a.enterpriseId}→${a.linkId} ${a.source} ${a.confidence}`);
    }
    expect(bad).toEqual([]);
  });

  it('every link of every chain has national candidates (outside the seed places)', () => {
    const seedCities = new Set(SEED_PLACES.map((p) => p.code));
    const national = new Map<string, number>();
    for (const a of big.assignments) {
      const city = cityOf(byId.get(a.enterpriseId)!);
      if (city && !seedCities.has(city)) national.set(a.linkId, (national.get(a.linkId) ?? 0) + 1);
    }
    for (const l of catalog.links) expect(national.get(l.id) ?? 0, l.id).toBeGreaterThanOrEqual(3);
  });

  it('national candidates lean toward the source zones (长三角, 粤港澳, 京津冀, 成渝)', () => {
    const members = new Set(
      regions.sourceZones
        .filter((z) => ['JJJ', 'CSJ', 'YGA', 'CY'].includes(z.code))
        .flatMap((z) => z.members),
    );
    const inZone = big.enterprises.filter((e) =>
      lineage(regions, e.regionCode!).some((r) => members.has(r.code)),
    );
    expect(inZone.length / SIZE).toBeGreaterThan(0.4);
  });
});

describe('seed places', () => {
  /** Local firms per (city, link), counted from the rows. */
  function localCounts(): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const p of SEED_PLACES) out.set(p.code, new Map());
    for (const a of big.assignments) {
      const m = out.get(cityOf(byId.get(a.enterpriseId)!) ?? '');
      if (m) m.set(a.linkId, (m.get(a.linkId) ?? 0) + 1);
    }
    return out;
  }

  it('have strong, weak and missing links, exactly as laid out', () => {
    const counts = localCounts();
    for (const layout of big.plan.layouts) {
      const kinds = new Set(layout.strengths.values());
      expect([...kinds].sort(), layout.name).toEqual(['MISSING', 'STRONG', 'WEAK']);
      const got = counts.get(layout.code)!;
      for (const [linkId, strength] of layout.strengths) {
        const n = got.get(linkId) ?? 0;
        if (strength === 'MISSING') expect(n, `${layout.name} ${linkId}`).toBe(0);
        if (strength === 'WEAK') expect(n, `${layout.name} ${linkId}`).toBeLessThanOrEqual(4);
        if (strength === 'STRONG') expect(n, `${layout.name} ${linkId}`).toBeGreaterThanOrEqual(5);
      }
      // No local firm in a link outside the place's profile.
      for (const linkId of got.keys())
        expect(layout.strengths.has(linkId), `${layout.name} ${linkId}`).toBe(true);
    }
  });

  it('咸宁: strong in textiles, food and health; weak in electronics; key new-energy-vehicle links missing', () => {
    const xn = big.plan.layout('421200')!;
    const of = (chainId: string) =>
      catalog.links.filter((l) => l.chainId === chainId && xn.strengths.has(l.id));
    for (const chain of ['tex', 'food', 'health']) {
      const links = of(chain);
      const strong = links.filter((l) => xn.strengths.get(l.id) === 'STRONG');
      expect(strong.length / links.length, chain).toBeGreaterThan(0.6);
      for (const l of links.filter((x) => x.key)) expect(xn.strengths.get(l.id), l.id).toBe('STRONG');
    }
    expect(of('eit').some((l) => xn.strengths.get(l.id) === 'STRONG')).toBe(false);
    expect(of('eit').some((l) => xn.strengths.get(l.id) === 'WEAK')).toBe(true);
    const nev = of('nev');
    expect(nev.filter((l) => l.key).every((l) => xn.strengths.get(l.id) === 'MISSING')).toBe(true);
    expect(nev.some((l) => xn.strengths.get(l.id) !== 'MISSING')).toBe(true);
  });

  it('the layout does not depend on the seed', () => {
    const other = planSynthetic({ enterprises: 6000, seed: 'another', catalog, regions });
    for (const layout of big.plan.layouts)
      expect(other.layout(layout.code)!.strengths).toEqual(layout.strengths);
  });

  it('local firms spread over the counties and zones of 咸宁, with clusters', () => {
    const codes = new Set(big.enterprises.filter((e) => cityOf(e) === '421200').map((e) => e.regionCode));
    for (const c of ['421202', '421221', '421222', '421223', '421224', '421281', '4212Z01'])
      expect(codes.has(c), c).toBe(true);
  });
});

describe('ties', () => {
  it('SUPPLIES_TO goes from a link to one it supplies, never to itself and never twice', () => {
    const supplies = new Set(catalog.supplies.map((s) => `${s.from}>${s.to}`));
    const seen = new Set<string>();
    const ties = big.relations.filter((r) => r.type === 'SUPPLIES_TO');
    expect(ties.length / SIZE).toBeGreaterThan(1);
    expect(ties.length / SIZE).toBeLessThan(3);
    const bad: string[] = [];
    for (const t of ties) {
      const key = `${t.fromId}>${t.toId}`;
      if (t.fromId === t.toId) bad.push(`self ${key}`);
      if (seen.has(key)) bad.push(`twice ${key}`);
      seen.add(key);
      const ok = linksOf
        .get(t.fromId)!
        .some((a) => linksOf.get(t.toId)!.some((b) => supplies.has(`${a}>${b}`)));
      if (!ok) bad.push(`not along SUPPLIES ${key}`);
    }
    expect(bad).toEqual([]);
  });

  it('local anchors have national suppliers, some in links their place is missing (以商招商 leads)', () => {
    for (const layout of big.plan.layouts) {
      const leads = big.relations.filter((t) => {
        if (t.type !== 'SUPPLIES_TO') return false;
        const to = byId.get(t.toId)!;
        const from = byId.get(t.fromId)!;
        return cityOf(to) === layout.code && cityOf(from) !== layout.code && to.tags.includes('LEADER');
      });
      expect(leads.length, layout.name).toBeGreaterThan(20);
      const intoGaps = leads.filter((t) =>
        linksOf.get(t.fromId)!.some((l) => layout.strengths.get(l) === 'MISSING' || !layout.strengths.has(l)),
      );
      expect(intoGaps.length, layout.name).toBeGreaterThan(0);
    }
  });

  it('local firms also supply each other inside their city', () => {
    const local = big.relations.filter(
      (t) =>
        t.type === 'SUPPLIES_TO' &&
        cityOf(byId.get(t.fromId)!) === '421200' &&
        cityOf(byId.get(t.toId)!) === '421200',
    );
    expect(local.length).toBeGreaterThan(10);
  });

  it('INVESTS_IN goes from a big firm to a smaller one of its chain, with a share in (0, 1]', () => {
    const chainOf = new Map(catalog.links.map((l) => [l.id, l.chainId]));
    const ties = big.relations.filter((r) => r.type === 'INVESTS_IN');
    expect(ties.length).toBeGreaterThan(SIZE / 100);
    const bad = ties.filter((t) => {
      const a = byId.get(t.fromId)!;
      const b = byId.get(t.toId)!;
      const chainsA = new Set(linksOf.get(a.id)!.map((l) => chainOf.get(l)));
      return !(
        b.revenue! * 2 <= a.revenue! &&
        t.share! > 0 &&
        t.share! <= 1 &&
        linksOf.get(b.id)!.some((l) => chainsA.has(chainOf.get(l)))
      );
    });
    expect(bad).toEqual([]);
  });
});
