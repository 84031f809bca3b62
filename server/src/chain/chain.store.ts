import { cypher, type Executor } from '@chainmap/graph';
import { ChainModel, chainFields, linkFields, stageRank, type ChainRecord } from './chain.model.js';

// Chains (产业链) and their links (环节): `HAS_LINK`, sub-links `PART_OF` their parent, and
// `SUPPLIES` between links (graph/README.md).

// chainsById
export const chainsByIdQ = cypher(
  'chainsById',
  `UNWIND $keys AS key
   MATCH (c:Chain {id: key})
   RETURN key, ${chainFields('c')} AS value`,
);

// chainLinks: every link of a chain, sub-links included, upstream first, then by name.
export const chainLinksQ = cypher(
  'chainLinks',
  `UNWIND $keys AS key
   MATCH (:Chain {id: key})-[:HAS_LINK]->(l:Link)
   WITH key, l ORDER BY ${stageRank('l')}, l.name, l.id
   RETURN key, collect(${linkFields('l')}) AS values`,
);

// chainsWithLinks: a chain and its links at once (as chainLinks lists them), for a request that
// asks for both: one round trip instead of two.
export const chainsWithLinksQ = cypher(
  'chainsWithLinks',
  `UNWIND $keys AS key
   MATCH (c:Chain {id: key})
   CALL (c) {
     OPTIONAL MATCH (c)-[:HAS_LINK]->(l:Link)
     WITH l ORDER BY ${stageRank('l')}, l.name, l.id
     RETURN collect(${linkFields('l')}) AS links
   }
   RETURN key, {chain: ${chainFields('c')}, links: links} AS value`,
);

// linksById
export const linksByIdQ = cypher(
  'linksById',
  `UNWIND $keys AS key
   MATCH (l:Link {id: key})
   RETURN key, ${linkFields('l')} AS value`,
);

// linkChains
export const linkChainsQ = cypher(
  'linkChains',
  `UNWIND $keys AS key
   MATCH (:Link {id: key})<-[:HAS_LINK]-(c:Chain)
   RETURN key, ${chainFields('c')} AS value`,
);

// linkParents
export const linkParentsQ = cypher(
  'linkParents',
  `UNWIND $keys AS key
   MATCH (:Link {id: key})-[:PART_OF]->(p:Link)
   RETURN key, ${linkFields('p')} AS value`,
);

// linkSubLinks
export const linkSubLinksQ = cypher(
  'linkSubLinks',
  `UNWIND $keys AS key
   MATCH (:Link {id: key})<-[:PART_OF]-(s:Link)
   WITH key, s ORDER BY ${stageRank('s')}, s.name, s.id
   RETURN key, collect(${linkFields('s')}) AS values`,
);

// linkSuppliesTo: the links this one supplies (downstream of it), across chains too.
export const linkSuppliesToQ = cypher(
  'linkSuppliesTo',
  `UNWIND $keys AS key
   MATCH (:Link {id: key})-[:SUPPLIES]->(d:Link)
   WITH key, d ORDER BY ${stageRank('d')}, d.name, d.id
   RETURN key, collect(${linkFields('d')}) AS values`,
);

// linkSuppliedBy: the links that supply this one (upstream of it).
export const linkSuppliedByQ = cypher(
  'linkSuppliedBy',
  `UNWIND $keys AS key
   MATCH (:Link {id: key})<-[:SUPPLIES]-(u:Link)
   WITH key, u ORDER BY ${stageRank('u')}, u.name, u.id
   RETURN key, collect(${linkFields('u')}) AS values`,
);

// chainsAll
export const chainsAllQ = cypher(
  'chainsAll',
  `MATCH (c:Chain)
   RETURN ${chainFields('c')} AS chain
   ORDER BY c.name, c.id`,
);

/** Every industry chain, by name. */
export async function allChains(executor: Executor): Promise<ChainRecord[]> {
  const rows = await executor.read(chainsAllQ);
  return rows.map((r) => ChainModel.parse(r.chain));
}
