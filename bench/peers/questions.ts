// The four analyst questions of issue 9, as each contender asks them, and how each answer is
// brought to one comparable shape (`normal`) so the runner can check them equal before timing.
//
//   countyLink      a county's enterprises in a link (the link or its sub-links), with their
//                   region and tags, page of 50 by name
//   diagnosis       a chain's diagnosis in a city (招什么): per link status, counts, gaps
//   gapTargets      a gap's targets (补链) for one link, first 50, by score
//   provinceCounts  a province's enterprise count per link of a chain
//
// ChainMap and the naive server take the same query text (the naive schema mirrors ChainMap's
// for these fields) and must give the same answer in full. The raw floor computes the same
// answer without GraphQL; the HTTP floor serves the raw floor's answer over bare HTTP, asked by
// the question's name (httpFloorAsks). `@neo4j/graphql` answers countyLink and provinceCounts in full; for
// diagnosis and gapTargets it cannot compute ChainMap's answer (statuses, location quotients,
// gaps, scores are logic, not data), so it is asked the closest nested/aggregate query it can
// express and checked on the part both answers share (`part`): per link its national, local and
// anchor counts; the number of candidates outside the region.
import { ANCHOR_TAGS } from '@chainmap/server';

/** What the questions are asked about (CLI options of bench/peers.ts). */
export interface Params {
  /** Chain of diagnosis, gapTargets and provinceCounts; one whose links have no sub-links, so
   * that @neo4j/graphql's per-relationship counts mean the same as ChainMap's per-subtree ones. */
  chainId: string;
  /** City of diagnosis and gapTargets. */
  city: string;
  /** The gap link of gapTargets (a link of `chainId`). */
  gapLinkId: string;
  /** Link and county of countyLink (the link may have sub-links: both answers follow PART_OF). */
  linkId: string;
  county: string;
  /** Province of provinceCounts. */
  province: string;
}

export type QuestionId = 'countyLink' | 'diagnosis' | 'gapTargets' | 'provinceCounts';
export const QUESTION_IDS: QuestionId[] = ['countyLink', 'diagnosis', 'gapTargets', 'provinceCounts'];

export interface HttpAsk {
  query: string;
  variables: Record<string, unknown>;
  /** The answer in the shape shared by every contender that answers in full. */
  normal: (data: Json) => unknown;
  /** Only for a contender that answers in part: the shared part, of its answer and of ChainMap's. */
  part?: { of: (data: Json) => unknown; ofChainMap: (data: Json) => unknown; what: string };
}

// GraphQL responses are untyped JSON to the benchmark.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Floats rounded to 9 significant digits: sums taken in another order may differ in the last bit. */
export function round(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isInteger(v)) return Number(v.toPrecision(9));
  if (Array.isArray(v)) return v.map(round);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)]));
  return v;
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const firm = (e: Json) => ({
  key: e.key ?? e.id,
  name: e.name,
  tags: [...(e.tags ?? [])].sort(),
  revenue: e.revenue ?? null,
});

/** ChainMap's query text for each question (the naive server takes it as it is). */
export function chainMapAsks(p: Params): Record<QuestionId, HttpAsk> {
  return {
    countyLink: {
      query: `query ($linkId: String!, $county: String!) {
        enterprises(filter: { regionCode: $county, linkId: $linkId }, first: 50) {
          edges { node { key name tags revenue region { code name } } } } }`,
      variables: { linkId: p.linkId, county: p.county },
      normal: (d) =>
        d.enterprises.edges.map(({ node: e }: Json) => ({
          ...firm(e),
          region: { code: e.region.code, name: e.region.name },
        })),
    },
    diagnosis: {
      query: `query ($chainId: ID!, $city: String!) { chainDiagnosis(chainId: $chainId, regionCode: $city) {
        coverage keyCoverage localTotal nationalTotal
        links { link { key } status broken gap localCount anchorCount revenue locationQuotient nationalCount }
        gaps { link { key } gap } } }`,
      variables: { chainId: p.chainId, city: p.city },
      normal: (d) => round(d.chainDiagnosis),
    },
    gapTargets: {
      query: `query ($chainId: ID!, $city: String!, $gapLinkId: ID!) {
        gapTargets(chainId: $chainId, regionCode: $city, linkIds: [$gapLinkId], first: 50) {
          totalCount hits { enterprise { key name tags revenue } link { key } gap score factors { name contribution } } } }`,
      variables: { chainId: p.chainId, city: p.city, gapLinkId: p.gapLinkId },
      normal: (d) =>
        round({
          totalCount: d.gapTargets.totalCount,
          hits: d.gapTargets.hits.map((h: Json) => ({ ...h, enterprise: firm(h.enterprise) })),
        }),
    },
    provinceCounts: {
      query: `query ($chainId: ID!, $province: String!) { chain(id: $chainId) { links { key
        enterprises(regionCode: $province) { totalCount } } } }`,
      variables: { chainId: p.chainId, province: p.province },
      normal: (d) =>
        d.chain.links.map((l: Json) => ({ key: l.key, count: l.enterprises.totalCount })).sort(byKey),
    },
  };
}

const count = (c: Json): number => c.aggregate.count.nodes;

/** The same questions to the API `@neo4j/graphql` generates (bench/peers/neo4j-graphql.ts). */
export function neo4jGraphqlAsks(p: Params): Record<QuestionId, HttpAsk> {
  const anchorFilter = ANCHOR_TAGS.map((t) => `{ tags: { includes: ${JSON.stringify(t)} } }`).join(' ');
  return {
    countyLink: {
      // The link or its sub-links: PART_OF is one level deep in the catalog (checked by the runner).
      query: `query ($linkId: ID!, $county: String!) { enterprises(
          where: { countyCode: { eq: $county }, operatesIn: { some: { OR: [{ id: { eq: $linkId } }, { parent: { some: { id: { eq: $linkId } } } }] } } }
          sort: [{ name: ASC }, { id: ASC }], limit: 50) {
        id name tags revenue locatedIn { code name } } }`,
      variables: { linkId: p.linkId, county: p.county },
      normal: (d) =>
        d.enterprises.map((e: Json) => ({
          ...firm(e),
          region: { code: e.locatedIn[0].code, name: e.locatedIn[0].name },
        })),
    },
    diagnosis: {
      query: `query ($chainId: ID!, $city: String!) { chains(where: { id: { eq: $chainId } }) { links { id
          national: enterprisesConnection { aggregate { count { nodes } } }
          local: enterprisesConnection(where: { node: { cityCode: { eq: $city } } }) { aggregate { count { nodes } } }
          anchors: enterprisesConnection(where: { node: { cityCode: { eq: $city }, OR: [${anchorFilter}] } }) { aggregate { count { nodes } } }
        } } }`,
      variables: { chainId: p.chainId, city: p.city },
      normal: () => null,
      part: {
        what: 'per link: national, local and anchor counts (no status, quotient, gaps, coverage)',
        of: (d) =>
          d.chains[0].links
            .map((l: Json) => ({
              key: l.id,
              national: count(l.national),
              local: count(l.local),
              anchors: count(l.anchors),
            }))
            .sort(byKey),
        ofChainMap: (d) =>
          d.chainDiagnosis.links
            .map((l: Json) => ({
              key: l.link.key,
              national: l.nationalCount,
              local: l.localCount,
              anchors: l.anchorCount,
            }))
            .sort(byKey),
      },
    },
    gapTargets: {
      // No score: the closest it can express is the link's firms outside the city, largest first.
      query: `query ($gapLinkId: ID!, $city: String!) {
        candidates: enterprisesConnection(where: { operatesIn: { some: { OR: [{ id: { eq: $gapLinkId } }, { parent: { some: { id: { eq: $gapLinkId } } } }] } }, NOT: { cityCode: { eq: $city } } }) {
          aggregate { count { nodes } } }
        top: enterprises(where: { operatesIn: { some: { OR: [{ id: { eq: $gapLinkId } }, { parent: { some: { id: { eq: $gapLinkId } } } }] } }, NOT: { cityCode: { eq: $city } } },
          sort: [{ revenue: DESC }, { id: ASC }], limit: 50) { id name tags revenue locatedIn { code name } } }`,
      variables: { gapLinkId: p.gapLinkId, city: p.city },
      normal: () => null,
      part: {
        what: 'the number of candidates outside the city (no score, no ranking: its 50 are the largest by revenue)',
        of: (d) => count(d.candidates),
        ofChainMap: (d) => d.gapTargets.totalCount,
      },
    },
    provinceCounts: {
      query: `query ($chainId: ID!, $province: String!) { chains(where: { id: { eq: $chainId } }) { links { id
          enterprisesConnection(where: { node: { provinceCode: { eq: $province } } }) { aggregate { count { nodes } } } } } }`,
      variables: { chainId: p.chainId, province: p.province },
      normal: (d) =>
        d.chains[0].links
          .map((l: Json) => ({ key: l.id, count: count(l.enterprisesConnection) }))
          .sort(byKey),
    },
  };
}

/**
 * The HTTP floor's asks (bench/peers/http-floor.ts): the body names the question, and the answer
 * is already the floor's normal shape.
 */
export function httpFloorAsks(): Record<QuestionId, HttpAsk> {
  return Object.fromEntries(
    QUESTION_IDS.map((q) => [q, { query: q, variables: {}, normal: (d: Json) => d as unknown }]),
  ) as Record<QuestionId, HttpAsk>;
}
