import { unitOf } from './random.js';

// The places of the seed documents and what their local industry looks like. The pattern of
// strong, weak and missing links depends only on this table and the catalog, never on the
// random seed: a demo about 咸宁's missing 新能源汽车 links tells the same story at any seed and
// any size.

/** How well a place covers a link: STRONG (an anchor and several firms), WEAK (one or two small firms), MISSING (none). */
export type LinkStrength = 'STRONG' | 'WEAK' | 'MISSING';

/**
 * How a place stands in a chain, which fixes its links' strengths:
 * - `strong`: key links strong, most others strong, a few weak, rarely one missing;
 * - `moderate`: key links strong or weak, others a mix including gaps;
 * - `weak`: nothing strong, about half the links missing;
 * - `gapped`: key links missing (补链 targets), the rest a mix.
 */
export type ChainStanding = 'strong' | 'moderate' | 'weak' | 'gapped';

export interface PlaceProfile {
  /** The prefecture-level city. */
  code: string;
  name: string;
  /** Chain id → standing; chains not listed have no local firms at all. */
  chains: Readonly<Record<string, ChainStanding>>;
  /** Chain id → the counties or zones where that chain clusters (most of its local firms go there). */
  clusters: Readonly<Record<string, readonly string[]>>;
}

export const SEED_PLACES: readonly PlaceProfile[] = [
  {
    code: '421200',
    name: '咸宁市',
    // 2021 work plan: textiles, food, health and tea (赤壁青砖茶) are where it is strong;
    // electronics thin; new-energy vehicles wanted but with their key links missing.
    chains: {
      tex: 'strong',
      food: 'strong',
      health: 'strong',
      tea: 'strong',
      eit: 'weak',
      nm: 'weak',
      nev: 'gapped',
    },
    clusters: {
      tex: ['421281', '421202'],
      food: ['421221', '421202'],
      health: ['4212Z01', '421224'],
      tea: ['421281', '421223'],
      eit: ['4212Z01'],
      nm: ['421222'],
      nev: ['4212Z01', '421202'],
    },
  },
  {
    code: '610700',
    name: '汉中市',
    // Aviation and equipment, steel and non-ferrous, green food and tea; medicine partly there.
    chains: {
      ieq: 'strong',
      nm: 'strong',
      food: 'strong',
      tea: 'strong',
      bio: 'moderate',
      eit: 'weak',
      nev: 'gapped',
    },
    clusters: {
      ieq: ['6107Z04', '6107Z01', '610702'],
      nm: ['610725', '610727'],
      food: ['610722', '610723'],
      tea: ['610724', '610703'],
      bio: ['610722', '6107Z02'],
      eit: ['6107Z02'],
      nev: ['6107Z01'],
    },
  },
  {
    code: '350200',
    name: '厦门市',
    // Electronics and machinery are its 千亿 chains; chips and photovoltaics have gaps.
    chains: {
      eit: 'strong',
      ieq: 'strong',
      bio: 'moderate',
      nm: 'moderate',
      ic: 'gapped',
      pv: 'gapped',
      nev: 'weak',
      food: 'weak',
    },
    clusters: {
      eit: ['3502Z01', '350213'],
      ieq: ['350211', '350212'],
      bio: ['350205'],
      nm: ['350212'],
      ic: ['350213', '350205'],
      pv: ['350213'],
      nev: ['350211'],
      food: ['350212'],
    },
  },
  {
    code: '431000',
    name: '郴州市',
    // 有色金属之都; electronics moving in from the Greater Bay Area; photovoltaics gapped.
    chains: {
      nm: 'strong',
      eit: 'moderate',
      food: 'moderate',
      health: 'moderate',
      ieq: 'weak',
      env: 'weak',
      pv: 'gapped',
    },
    clusters: {
      nm: ['431023', '431021', '431081'],
      eit: ['4310Z01', '4310Z02'],
      food: ['431028'],
      health: ['431081'],
      ieq: ['4310Z02'],
      env: ['431023'],
      pv: ['4310Z01'],
    },
  },
];

/** The strength of one link in one place, from the place's standing in the link's chain. */
export function linkStrength(
  place: Pick<PlaceProfile, 'code' | 'chains'>,
  link: { id: string; chainId: string; key: boolean },
): LinkStrength {
  const standing = place.chains[link.chainId];
  if (!standing) return 'MISSING';
  const u = unitOf(`${place.code}/${link.id}`);
  switch (standing) {
    case 'strong':
      if (link.key) return 'STRONG';
      return u < 0.72 ? 'STRONG' : u < 0.95 ? 'WEAK' : 'MISSING';
    case 'moderate':
      if (link.key) return u < 0.5 ? 'STRONG' : 'WEAK';
      return u < 0.3 ? 'STRONG' : u < 0.7 ? 'WEAK' : 'MISSING';
    case 'weak':
      return u < 0.6 ? 'WEAK' : 'MISSING';
    case 'gapped':
      if (link.key) return 'MISSING';
      return u < 0.4 ? 'STRONG' : u < 0.8 ? 'WEAK' : 'MISSING';
  }
}
