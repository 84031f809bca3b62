// Contender (a) of the peers benchmark, the floor: the same answers straight from the driver, in
// the benchmark's own process, with no GraphQL, no HTTP, no JSON. countyLink and provinceCounts
// are one hand-written Cypher statement each (the faster of the shapes tried: see
// BENCHMARKS.md). diagnosis and gapTargets are logic over data (statuses, location quotients,
// scores), so their floor is ChainMap's engine called in-process: the engine's statements through
// the driver (one round trip for the diagnosis, three for the targets) plus its pure scoring.
import { authSettings, createContextFactory, diagnose, gapTargets, type Context } from '@chainmap/server';
import { loadConfig, type Executor, type Logger } from '@chainmap/graph';
import neo4j, { type Driver } from 'neo4j-driver';
import { round, type Params, type QuestionId } from './questions.js';

// countyLinkFloor: the county's firms (one index seek; a county has far fewer firms than a
// link), kept if they work in the link's subtree, a page by name, their region. Faster than
// starting from the link's firms (BENCHMARKS.md).
const COUNTY_LINK = `CALL () {
    MATCH (:Link {id: $linkId})<-[:PART_OF*0..4]-(s:Link)
    RETURN collect(s) AS links
  }
  MATCH (e:Enterprise) WHERE e.countyCode = $county AND EXISTS { (e)-[:OPERATES_IN]->(x) WHERE x IN links }
  WITH e ORDER BY e.name, e.id LIMIT 50
  MATCH (e)-[:LOCATED_IN]->(r:Region)
  RETURN e.id AS key, e.name AS name, e.tags AS tags, e.revenue AS revenue, r.code AS code, r.name AS rname`;

// provinceCountsFloor: one pass over the province's firms (one index seek), kept if they work in
// a link's precollected subtree, up PART_OF to the chain's links, distinct firms per link; links
// with none count 0. Faster than counting each link's firms in the province (~40 ms against
// ~70 ms at 1M: BENCHMARKS.md).
const PROVINCE_COUNTS = `MATCH (:Chain {id: $chainId})-[:HAS_LINK]->(l:Link)
  CALL (l) {
    MATCH (l)<-[:PART_OF*0..4]-(s:Link)
    RETURN collect(s) AS subs
  }
  WITH collect(l) AS asked, reduce(all = [], s IN collect(subs) | all + s) AS subs
  CALL (asked, subs) {
    MATCH (e:Enterprise) WHERE e.provinceCode = $province
    MATCH (e)-[:OPERATES_IN]->(x:Link) WHERE x IN subs
    MATCH (x)-[:PART_OF*0..4]->(l:Link) WHERE l IN asked
    WITH l, count(DISTINCT e) AS n
    RETURN collect([l, n]) AS found
  }
  UNWIND asked AS l
  RETURN l.id AS key, coalesce(head([f IN found WHERE f[0] = l | f[1]]), 0) AS n`;

/** One function per question, each answering in the runner's normal shape. */
export function rawAnswers(
  driver: Driver,
  deps: { executor: Executor; logger: Logger },
  p: Params,
): Record<QuestionId, () => Promise<unknown>> {
  // An auto-commit read: RUN and PULL in one round trip, no BEGIN, no COMMIT (the fastest the
  // driver offers; ChainMap's single-statement reads run the same way).
  const read = async (text: string, params: Record<string, unknown>) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return (await session.run(text, params)).records;
    } finally {
      await session.close();
    }
  };
  // In-process, as the operator's own tool: the whole pipeline is in scope (no sign-in).
  const contextFor = createContextFactory({
    ...deps,
    auth: authSettings(loadConfig(process.env)),
    system: true,
  });
  const context = (): Promise<Context> => contextFor({ req: { headers: {} } });
  return {
    countyLink: async () =>
      (await read(COUNTY_LINK, { linkId: p.linkId, county: p.county })).map((r) => ({
        key: r.get('key'),
        name: r.get('name'),
        tags: [...((r.get('tags') as string[] | null) ?? [])].sort(),
        revenue: r.get('revenue') ?? null,
        region: { code: r.get('code'), name: r.get('rname') },
      })),
    diagnosis: async () => {
      const d = await diagnose(await context(), { chainId: p.chainId, regionCode: p.city });
      const row = (l: (typeof d.links)[number]) => ({
        link: { key: l.link.key },
        status: l.status,
        broken: l.broken,
        gap: l.gap,
        localCount: l.localCount,
        anchorCount: l.anchorCount,
        revenue: l.revenue,
        locationQuotient: l.locationQuotient,
        nationalCount: l.nationalCount,
      });
      return round({
        coverage: d.coverage,
        keyCoverage: d.keyCoverage,
        localTotal: d.localTotal,
        nationalTotal: d.nationalTotal,
        links: d.links.map(row),
        gaps: d.gaps.map((g) => ({ link: { key: g.link.key }, gap: g.gap })),
      });
    },
    gapTargets: async () => {
      const t = await gapTargets(await context(), {
        chainId: p.chainId,
        regionCode: p.city,
        linkIds: [p.gapLinkId],
        first: 50,
      });
      return round({
        totalCount: t.totalCount,
        hits: t.hits.map((h) => ({
          enterprise: {
            key: h.enterprise.key,
            name: h.enterprise.name,
            tags: [...h.enterprise.tags].sort(),
            revenue: h.enterprise.revenue,
          },
          link: { key: h.link.key },
          gap: h.gap,
          score: h.score,
          factors: h.factors.map((f) => ({ name: f.name, contribution: f.contribution })),
        })),
      });
    },
    provinceCounts: async () =>
      (await read(PROVINCE_COUNTS, { chainId: p.chainId, province: p.province }))
        .map((r) => ({ key: r.get('key') as string, count: r.get('n') as number }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}
