// Contender (c) of the peers benchmark: the naive resolver design, without batching. A small
// Apollo server whose hand-written resolvers fetch each parent's children with a query of their
// own (a page of enterprises, then one query per enterprise for its region; a chain's links, then
// per link its counts; candidate enterprises, then per candidate its ties and fit). It accepts the
// same queries as ChainMap for the four questions of bench/peers/questions.ts and, for the engine
// questions, computes the same answer with ChainMap's own pure functions (buildDiagnosis, scoreCandidate,
// compareHits): only the data access differs. The runner checks the answers equal.
//
//   PORT=4792 NEO4J_URI=bolt://127.0.0.1:7771 node bench/dist/peers/naive.js
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  ANCHOR_TAGS,
  ChainModel,
  DiagnosisRowModel,
  EnterpriseModel,
  LINK_DEPTH,
  LinkModel,
  RegionModel,
  buildDiagnosis,
  chainFields,
  compareHits,
  enterpriseFields,
  gapTarget,
  scoreCandidate,
  linkFields,
  regionFields,
  resolveThresholds,
  resolveWeights,
  resolveZones,
} from '@chainmap/server';
import neo4j from 'neo4j-driver';

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { disableLosslessIntegers: true, maxConnectionPoolSize: 100 },
);

/** One query, one round trip, its own read transaction: the naive unit of work. */
async function run(text: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const res = await driver.executeQuery(text, params, { routing: neo4j.routing.READ });
  return res.records.map((r) => r.toObject() as Record<string, unknown>);
}

const inRegion = (e: string) =>
  `coalesce($regionCode IN [${e}.provinceCode, ${e}.cityCode, ${e}.countyCode, ${e}.regionCode], false)`;
const isAnchor = (e: string) => `any(t IN coalesce(${e}.tags, []) WHERE t IN $anchorTags)`;

const typeDefs = `#graphql
  type Query {
    enterprises(filter: EnterpriseFilter!, first: Int): EnterpriseConnection!
    link(id: ID!): Link
    chain(id: ID!): Chain
    chainDiagnosis(chainId: ID!, regionCode: String!): ChainDiagnosis!
    gapTargets(chainId: ID!, regionCode: String!, linkIds: [ID!]!, first: Int): TargetList!
  }
  input EnterpriseFilter { regionCode: String linkId: String! }
  type Chain { key: ID! name: String! links: [Link!]! }
  type Link { key: ID! name: String! stage: String enterprises(regionCode: String, first: Int): EnterpriseConnection! }
  type EnterpriseConnection { totalCount: Int! edges: [EnterpriseEdge!]! }
  type EnterpriseEdge { node: Enterprise! }
  type Enterprise { key: ID! name: String! tags: [String!]! revenue: Float region: Region }
  type Region { code: String! name: String! }
  type ChainDiagnosis {
    coverage: Float keyCoverage: Float localTotal: Int! nationalTotal: Int!
    links: [LinkDiagnosis!]! gaps: [LinkDiagnosis!]!
  }
  type LinkDiagnosis {
    link: Link! status: String! broken: Boolean! gap: String localCount: Int! anchorCount: Int!
    revenue: Float locationQuotient: Float nationalCount: Int!
  }
  type TargetList { totalCount: Int! hits: [TargetHit!]! }
  type TargetHit { enterprise: Enterprise! link: Link! gap: String score: Float! factors: [ScoreFactor!]! }
  type ScoreFactor { name: String! contribution: Float! }
`;

interface ConnectionArgs {
  linkId: string;
  regionCode: string | null;
  first: number;
}

/** 招什么 assembled from one query per link (and a few for the chain), then ChainMap's logic. */
async function diagnosis(chainId: string, regionCode: string) {
  const [chainRow] = await run(`MATCH (c:Chain {id: $chainId}) RETURN ${chainFields('c')} AS chain`, {
    chainId,
  });
  const [regionRow] = await run(
    `MATCH (r:Region {code: $regionCode}) RETURN ${regionFields('r')} AS region`,
    {
      regionCode,
    },
  );
  if (!chainRow || !regionRow) throw new Error('unknown chain or region');
  const links = await run(
    `MATCH (:Chain {id: $chainId})-[:HAS_LINK]->(l:Link) OPTIONAL MATCH (l)-[:PART_OF]->(p:Link)
     RETURN ${linkFields('l')} AS link, p.id AS parentId ORDER BY l.id`,
    { chainId },
  );
  const parents = new Set(links.map((l) => l.parentId).filter((p) => p != null));
  const perLink = [];
  for (const l of links) {
    const id = (l.link as { id: string }).id;
    const [deg] = await run(`MATCH (l:Link {id: $id}) RETURN COUNT { (l)<-[:OPERATES_IN]-() } AS degree`, {
      id,
    });
    const subtree = parents.has(id)
      ? await run(
          `MATCH (:Link {id: $id})<-[:PART_OF*0..${LINK_DEPTH}]-(:Link)<-[:OPERATES_IN]-(e:Enterprise)
           RETURN count(DISTINCT e) AS count`,
          { id },
        )
      : [];
    const [local] = await run(
      `MATCH (:Link {id: $id})<-[:PART_OF*0..${LINK_DEPTH}]-(x:Link)<-[:OPERATES_IN]-(e:Enterprise)
       WHERE ${inRegion('e')} AND EXISTS { (x)<-[:HAS_LINK]-(:Chain {id: $chainId}) }
       WITH DISTINCT e ORDER BY e.revenue IS NULL, e.revenue DESC, e.id
       RETURN count(e) AS count, sum(CASE WHEN ${isAnchor('e')} THEN 1 ELSE 0 END) AS anchors,
              sum(e.revenue) AS revenue, count(e.revenue) AS known`,
      { id, chainId, regionCode, anchorTags: ANCHOR_TAGS },
    );
    perLink.push({
      link: l.link as { id: string },
      parentId: l.parentId,
      degree: deg!.degree,
      subtree: subtree[0]?.count,
      local: local!,
    });
  }
  const [national] = await run(
    `MATCH (:Chain {id: $chainId})-[:HAS_LINK]->(:Link)<-[:OPERATES_IN]-(e:Enterprise) RETURN count(DISTINCT e) AS n`,
    { chainId },
  );
  const [localTotal] = await run(
    `MATCH (:Chain {id: $chainId})-[:HAS_LINK]->(:Link)<-[:OPERATES_IN]-(e:Enterprise) WHERE ${inRegion('e')}
     RETURN count(DISTINCT e) AS n`,
    { chainId, regionCode },
  );
  const edges = await run(
    `MATCH (c:Chain {id: $chainId})-[:HAS_LINK]->(a:Link)-[s:SUPPLIES]->(b:Link)<-[:HAS_LINK]-(c)
     WHERE NOT coalesce(s.allowCycle, false) RETURN a.id AS a, b.id AS b ORDER BY a, b`,
    { chainId },
  );
  const row = DiagnosisRowModel.parse({
    chain: chainRow.chain,
    region: regionRow.region,
    links: perLink.map((l) => ({ link: l.link, parentId: l.parentId, degree: l.degree })),
    subtreeCounts: perLink
      .filter((l) => l.subtree !== undefined)
      .map((l) => ({ id: l.link.id, count: l.subtree })),
    nationalTotal: national!.n,
    edges: edges.map((e) => [e.a, e.b]),
    localTotal: localTotal!.n,
    local: perLink
      .filter((l) => (l.local.count as number) > 0)
      .map((l) => ({
        id: l.link.id,
        count: l.local.count,
        anchors: l.local.anchors,
        revenue: (l.local.known as number) > 0 ? l.local.revenue : null,
        anchorList: [], // not asked for by the benchmark's query
      })),
  });
  return {
    chain: row.chain!,
    region: row.region!,
    ...buildDiagnosis(
      row,
      {
        // A link's national count: its firms and its sub-links' (distinct), or its degree without sub-links.
        counts: perLink.map((l) => ({ id: l.link.id, count: (l.subtree ?? l.degree) as number })),
        total: national!.n as number,
      },
      resolveThresholds(null),
    ),
  };
}

/** 补链 for the given links: candidates per link, then one query per candidate for its features. */
async function gapTargets(args: {
  chainId: string;
  regionCode: string;
  linkIds: string[];
  first?: number | null;
}) {
  const weights = resolveWeights(null);
  const zones = resolveZones(null);
  const d = await diagnosis(args.chainId, args.regionCode);
  const byKey = new Map(d.links.map((l) => [l.link.key, l]));
  const targets = args.linkIds.map((id) => {
    const l = byKey.get(id);
    if (!l) throw new Error(`${id} is not a link of ${args.chainId}`);
    return gapTarget(l);
  });
  const regionCode = d.region.code;
  const [within] = await run(
    `MATCH (:Region {code: $regionCode})<-[:WITHIN*0..4]-(w:Region) RETURN collect(w.code) AS codes`,
    { regionCode },
  );
  const zoneMembers = await run(
    `MATCH (z:SourceZone)<-[:IN_ZONE]-(m:Region) WHERE z.code IN $zones RETURN m.code AS code, z.name AS zone`,
    { zones },
  );
  const strongLinkIds = d.links.filter((l) => l.status === 'STRONG').map((l) => l.link.key);
  const found = new Map<string, { links: string[]; direct: string[] }>();
  for (const t of targets) {
    const firms = await run(
      `MATCH (:Link {id: $linkId})<-[:PART_OF*0..${LINK_DEPTH}]-(x:Link)<-[:OPERATES_IN]-(e:Enterprise)
       WHERE NOT ${inRegion('e')}
       RETURN e.id AS id, max(CASE WHEN x.id = $linkId THEN 1 ELSE 0 END) = 1 AS direct`,
      { linkId: t.link.key, regionCode },
    );
    for (const f of firms) {
      const c = found.get(f.id as string) ?? { links: [], direct: [] };
      c.links.push(t.link.key);
      if (f.direct) c.direct.push(t.link.key);
      found.set(f.id as string, c);
    }
  }
  const hits = [];
  for (const [id, c] of [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [f] = await run(
      `MATCH (e:Enterprise {id: $id})
       CALL (e) {
         OPTIONAL MATCH (e)-[:SUPPLIES_TO|INVESTS_IN]-(n:Enterprise) WHERE n <> e AND ${inRegion('n')}
         WITH DISTINCT n ORDER BY n.id RETURN collect(n.name) AS ties
       }
       CALL (e) {
         OPTIONAL MATCH (e)-[:OPERATES_IN]->(:Link)-[:PART_OF*0..${LINK_DEPTH}]->(:Link)-[:SUPPLIES]-(s:Link)
         WHERE s.id IN $strongLinkIds
         WITH DISTINCT s ORDER BY s.id RETURN collect(s.name) AS fit
       }
       RETURN e.id AS id, e.name AS name, e.tags AS tags, e.revenue AS revenue, e.provinceCode AS provinceCode,
              e.cityCode AS cityCode, ties, fit,
              [c IN [e.provinceCode, e.cityCode, e.countyCode, e.regionCode] WHERE c IS NOT NULL] AS codes,
              EXISTS { MATCH (e)<-[:INCLUDES]-(:TargetLibrary)<-[:OWNS]-(:TaskForce)-[:FOR_REGION]->(w:Region)
                       WHERE w.code IN $within } AS inLibrary,
              EXISTS { MATCH (e)<-[:BY]-(p:Project)-[:IN_REGION]->(w:Region)
                       WHERE w.code IN $within AND coalesce(p.stage, '') <> 'TERMINATED' } AS inProject`,
      { id, regionCode, strongLinkIds, within: within!.codes },
    );
    const codes = f!.codes as string[];
    const zonesOf = [
      ...new Set(zoneMembers.filter((m) => codes.includes(m.code as string)).map((m) => m.zone as string)),
    ];
    if (f!.inLibrary || f!.inProject) continue;
    // With several target links a firm goes to the one it works in directly, then the most severe.
    const target = [...targets].sort(
      (a, b) =>
        Number(c.direct.includes(b.link.key)) - Number(c.direct.includes(a.link.key)) ||
        b.severity - a.severity,
    )[0]!;
    if (!c.links.includes(target.link.key)) continue;
    const scored = scoreCandidate(
      {
        id: f!.id as string,
        name: f!.name as string,
        tags: (f!.tags as string[] | null) ?? [],
        revenue: (f!.revenue as number | null) ?? null,
        local: false,
        ties: f!.ties as string[],
        supplyFit: f!.fit as string[],
        zones: zonesOf,
      },
      target,
      weights,
    );
    hits.push({
      id: f!.id as string,
      link: target.link,
      gap: target.gap,
      score: scored.score,
      factors: scored.factors,
    });
  }
  hits.sort(compareHits);
  return { totalCount: hits.length, hits: hits.slice(0, args.first ?? 20) };
}

const resolvers = {
  Query: {
    enterprises: (
      _: unknown,
      a: { filter: { regionCode?: string | null; linkId: string }; first?: number | null },
    ): ConnectionArgs => ({
      linkId: a.filter.linkId,
      regionCode: a.filter.regionCode ?? null,
      first: a.first ?? 20,
    }),
    link: async (_: unknown, { id }: { id: string }) => {
      const [r] = await run(`MATCH (l:Link {id: $id}) RETURN ${linkFields('l')} AS link`, { id });
      return r ? LinkModel.parse(r.link) : null;
    },
    chain: async (_: unknown, { id }: { id: string }) => {
      const [r] = await run(`MATCH (c:Chain {id: $id}) RETURN ${chainFields('c')} AS chain`, { id });
      return r ? ChainModel.parse(r.chain) : null;
    },
    chainDiagnosis: (_: unknown, a: { chainId: string; regionCode: string }) =>
      diagnosis(a.chainId, a.regionCode),
    gapTargets: (_: unknown, a: { chainId: string; regionCode: string; linkIds: string[]; first?: number }) =>
      gapTargets(a),
  },
  Chain: {
    links: async (c: { key: string }) => {
      const rows = await run(
        `MATCH (:Chain {id: $id})-[:HAS_LINK]->(l:Link)
         RETURN ${linkFields('l')} AS link
         ORDER BY CASE l.stage WHEN 'UPSTREAM' THEN 0 WHEN 'MIDSTREAM' THEN 1 WHEN 'DOWNSTREAM' THEN 2 ELSE 3 END, l.name, l.id`,
        { id: c.key },
      );
      return rows.map((r) => LinkModel.parse(r.link));
    },
  },
  Link: {
    enterprises: (
      l: { key: string },
      a: { regionCode?: string | null; first?: number | null },
    ): ConnectionArgs => ({
      linkId: l.key,
      regionCode: a.regionCode ?? null,
      first: a.first ?? 20,
    }),
  },
  EnterpriseConnection: {
    totalCount: async (c: ConnectionArgs) => {
      const [r] = await run(
        `MATCH (:Link {id: $linkId})<-[:PART_OF*0..${LINK_DEPTH}]-(:Link)<-[:OPERATES_IN]-(e:Enterprise)
         WHERE $regionCode IS NULL OR ${inRegion('e')}
         RETURN count(DISTINCT e) AS n`,
        { ...c },
      );
      return r!.n;
    },
    edges: async (c: ConnectionArgs) => {
      const rows = await run(
        `MATCH (:Link {id: $linkId})<-[:PART_OF*0..${LINK_DEPTH}]-(:Link)<-[:OPERATES_IN]-(e:Enterprise)
         WHERE $regionCode IS NULL OR ${inRegion('e')}
         WITH DISTINCT e ORDER BY e.name, e.id LIMIT $first
         RETURN ${enterpriseFields('e')} AS e`,
        { ...c, first: neo4j.int(c.first) },
      );
      return rows.map((r) => ({ node: EnterpriseModel.parse(r.e) }));
    },
  },
  Enterprise: {
    // One query per enterprise: the N+1 this design is known for.
    region: async (e: { key: string }) => {
      const [r] = await run(
        `MATCH (:Enterprise {id: $id})-[:LOCATED_IN]->(r:Region) RETURN ${regionFields('r')} AS region`,
        { id: e.key },
      );
      return r ? RegionModel.parse(r.region) : null;
    },
  },
  TargetHit: {
    enterprise: async (h: { id: string }) => {
      const [r] = await run(`MATCH (e:Enterprise {id: $id}) RETURN ${enterpriseFields('e')} AS e`, {
        id: h.id,
      });
      return r ? EnterpriseModel.parse(r.e) : null;
    },
  },
};

const server = new ApolloServer({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4792) },
});
process.stdout.write(`naive listening ${url}\n`);
const stop = () => void server.stop().then(() => driver.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
