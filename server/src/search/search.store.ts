import { cypher, type Executor } from '@chainmap/graph';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { ChainModel, chainFields, LinkModel, linkFields } from '../chain/chain.model.js';
import { EnterpriseModel, enterpriseFields } from '../enterprise/enterprise.model.js';
import { REGION_LEVELS, RegionModel, regionFields } from '../region/region.model.js';
import type { Candidate, SearchMatch } from './rank.js';

// Search across enterprises, chains, links and regions. The `name_search` full-text index
// (cjk bigrams) answers queries of two characters or more; one Chinese character cannot match a
// bigram term, so it goes to `name STARTS WITH` (range index) and `name CONTAINS` (text index,
// migration 0004). Chains, links and regions are a few thousand nodes: they are also matched by
// plain substring so enterprises never crowd them out of the full-text top hits.

/** Every hit as `(kind, node, score, match)`, `node` projected for its label. */
const HIT = `RETURN CASE
     WHEN node:Enterprise THEN 'ENTERPRISE' WHEN node:Chain THEN 'CHAIN'
     WHEN node:Link THEN 'LINK' ELSE 'REGION' END AS kind,
   CASE
     WHEN node:Enterprise THEN ${enterpriseFields('node')}
     WHEN node:Chain THEN ${chainFields('node')}
     WHEN node:Link THEN ${linkFields('node')}
     ELSE ${regionFields('node')} END AS node,
   score, match`;

// searchText: full-text hits (all four labels) + substring hits on the small labels + a stock code.
export const searchTextQ = cypher(
  'searchText',
  `CALL () {
     CALL db.index.fulltext.queryNodes('name_search', $lucene, {limit: $fulltextLimit}) YIELD node, score
     RETURN node, score, 'FULLTEXT' AS match
     UNION ALL
     MATCH (node:Chain|Link|Region)
     WHERE all(t IN $terms WHERE toLower(node.name) CONTAINS t OR toLower(coalesce(node.shortName, '')) CONTAINS t)
     RETURN node, null AS score, 'CONTAINS' AS match
     UNION ALL
     MATCH (node:Enterprise {stockCode: $stockCode})
     RETURN node, null AS score, 'EXACT' AS match
   }
   ${HIT}`,
);

// searchOneChar: one Chinese character. Enterprises by prefix (range index, in name order),
// then by substring (text index); the small labels by substring, shortest names first. The
// index hints keep that plan on small graphs too, where the planner may take the text index
// for the prefix and lose the name order.
export const searchOneCharQ = cypher(
  'searchOneChar',
  `CALL () {
     MATCH (node:Enterprise) USING RANGE INDEX node:Enterprise(name)
     WHERE node.name STARTS WITH $char
     RETURN node, null AS score, 'PREFIX' AS match LIMIT $limit
     UNION ALL
     MATCH (node:Enterprise) USING TEXT INDEX node:Enterprise(name)
     WHERE node.name CONTAINS $char AND NOT node.name STARTS WITH $char
     RETURN node, null AS score, 'CONTAINS' AS match LIMIT $limit
     UNION ALL
     MATCH (node:Chain|Link|Region)
     WHERE (node.name CONTAINS $char OR coalesce(node.shortName, '') CONTAINS $char)
     RETURN node, null AS score, 'CONTAINS' AS match ORDER BY size(node.name) LIMIT $limit
   }
   ${HIT}`,
);

// searchEnterprisePinyin: enterprises whose stored `pinyinInitials` start with the query.
export const searchEnterprisePinyinQ = cypher(
  'searchEnterprisePinyin',
  `MATCH (node:Enterprise) WHERE node.pinyinInitials STARTS WITH $initials
   WITH node LIMIT $limit
   RETURN ${enterpriseFields('node')} AS node, node.pinyinInitials = $initials AS exact`,
);

// searchCatalog: every chain, link and region name, to match pinyin initials computed here.
export const searchCatalogQ = cypher(
  'searchCatalog',
  `MATCH (node:Chain|Link|Region)
   RETURN CASE WHEN node:Chain THEN 'CHAIN' WHEN node:Link THEN 'LINK' ELSE 'REGION' END AS kind,
     CASE WHEN node:Chain THEN ${chainFields('node')}
          WHEN node:Link THEN ${linkFields('node')}
          ELSE ${regionFields('node')} END AS node, null AS score, 'PINYIN' AS match`,
);

/** A hit as the search service ranks it; `node` is the parsed record of its type. */
export type SearchNodeRecord =
  | z.output<typeof EnterpriseModel>
  | z.output<typeof ChainModel>
  | z.output<typeof LinkModel>
  | z.output<typeof RegionModel>;

const HitRow = z.object({
  kind: z.enum(['ENTERPRISE', 'CHAIN', 'LINK', 'REGION']),
  node: z.unknown(),
  score: z.number().nullable(),
  match: z.enum(['EXACT', 'PREFIX', 'FULLTEXT', 'CONTAINS', 'PINYIN']),
});

/** A row to a ranking candidate, the node parsed by its type's model. */
function toCandidate(row: unknown): Candidate<SearchNodeRecord> {
  const h = HitRow.parse(row);
  const base = { match: h.match as SearchMatch, lucene: h.score };
  switch (h.kind) {
    case 'ENTERPRISE': {
      const node = EnterpriseModel.parse(h.node);
      return { ...base, kind: h.kind, key: node.key, names: [node.name, node.fullName], node };
    }
    case 'CHAIN': {
      const node = ChainModel.parse(h.node);
      return { ...base, kind: h.kind, key: node.key, names: [node.name], node };
    }
    case 'LINK': {
      const node = LinkModel.parse(h.node);
      return { ...base, kind: h.kind, key: node.key, names: [node.name], node };
    }
    case 'REGION': {
      const node = RegionModel.parse(h.node);
      const tier = REGION_LEVELS.indexOf(node.level);
      return { ...base, kind: h.kind, key: node.code, names: [node.name, node.shortName], node, tier };
    }
  }
}

/** Full-text (two characters or more), substring on the small labels, and a stock code. */
export async function searchText(
  executor: Executor,
  p: { lucene: string; terms: string[]; stockCode: string | null; fulltextLimit: number },
): Promise<Candidate<SearchNodeRecord>[]> {
  const rows = await executor.read(searchTextQ, { ...p, fulltextLimit: neo4j.int(p.fulltextLimit) });
  return rows.map(toCandidate);
}

/** A one-character query: prefix and substring matches, each list at most `limit` long. */
export async function searchOneChar(
  executor: Executor,
  p: { char: string; limit: number },
): Promise<Candidate<SearchNodeRecord>[]> {
  const rows = await executor.read(searchOneCharQ, { ...p, limit: neo4j.int(p.limit) });
  return rows.map(toCandidate);
}

/** Enterprises by stored pinyin initials (empty until importers store `pinyinInitials`). */
export async function searchEnterprisePinyin(
  executor: Executor,
  p: { initials: string; limit: number },
): Promise<Candidate<SearchNodeRecord>[]> {
  const rows = await executor.read(searchEnterprisePinyinQ, { ...p, limit: neo4j.int(p.limit) });
  return rows.map((r) => {
    const node = EnterpriseModel.parse(r.node);
    return {
      kind: 'ENTERPRISE' as const,
      key: node.key,
      names: [node.name, node.fullName],
      node,
      match: 'PINYIN' as const,
      exact: r.exact === true,
    };
  });
}

/** Every chain, link and region, as candidates still to be matched by pinyin. */
export async function searchCatalog(executor: Executor): Promise<Candidate<SearchNodeRecord>[]> {
  const rows = await executor.read(searchCatalogQ);
  return rows.map(toCandidate);
}
