import { cypher, type Tx } from '@chainmap/graph';
import { changedMeanwhile } from '../core/mutation.js';
import {
  ChainModel,
  chainFields,
  LinkModel,
  linkFields,
  type ChainRecord,
  type LinkRecord,
} from './chain.model.js';

// Writes of chains (产业链), links (环节) and SUPPLIES between links. Every write raises the
// node's `version`; a link keeps `chainId` and `parentId` in step with HAS_LINK and PART_OF.

type Props = Record<string, unknown>;

// chainCreate
export const chainCreateQ = cypher(
  'chainCreate',
  `CREATE (c:Chain {id: $id})
   SET c += $props, c.version = 1
   RETURN ${chainFields('c')} AS chain, properties(c) AS after`,
);

// chainUpdate
export const chainUpdateQ = cypher(
  'chainUpdate',
  `MATCH (c:Chain {id: $id})
   SET c += $props, c.version = coalesce(c.version, 0) + 1
   RETURN ${chainFields('c')} AS chain, properties(c) AS after`,
);

// chainDependants: what hangs off a chain and stops or widens its deletion.
export const chainDependantsQ = cypher(
  'chainDependants',
  `MATCH (c:Chain {id: $id})
   RETURN COUNT { (c)-[:HAS_LINK]->(:Link) } AS links,
          COLLECT { MATCH (c)<-[:FOR_CHAIN]-(t:TaskForce) RETURN t.id ORDER BY t.id LIMIT 10 } AS taskForces,
          COLLECT { MATCH (c)-[:HAS_LINK]->(:Link)<-[:FILLS]-(p:Project)
                    RETURN DISTINCT p.id AS id ORDER BY id LIMIT 10 } AS projects`,
);

// chainDelete: the chain and, with cascade, every link it has (sub-links are HAS_LINK too).
export const chainDeleteQ = cypher(
  'chainDelete',
  `MATCH (c:Chain {id: $id})
   OPTIONAL MATCH (c)-[:HAS_LINK]->(l:Link)
   WITH c, collect(l) AS links
   FOREACH (l IN links | DETACH DELETE l)
   DETACH DELETE c
   RETURN size(links) + 1 AS removed`,
);

// linkContext: the chain a link is on and its ancestors (to refuse PART_OF cycles).
export const linkContextQ = cypher(
  'linkContext',
  `MATCH (l:Link {id: $id})
   OPTIONAL MATCH (c:Chain)-[:HAS_LINK]->(l)
   RETURN c.id AS chainId,
          COLLECT { MATCH (l)<-[:PART_OF*1..10]-(s:Link) RETURN DISTINCT s.id } AS descendants`,
);

// linkCreate
export const linkCreateQ = cypher(
  'linkCreate',
  `MATCH (c:Chain {id: $chainId})
   CREATE (c)-[:HAS_LINK]->(l:Link {id: $id})
   SET l += $props, l.chainId = $chainId, l.parentId = $parentId, l.version = 1
   WITH l
   CALL (l) {
     MATCH (p:Link {id: $parentId})
     CREATE (l)-[:PART_OF]->(p)
   }
   CALL (l) {
     UNWIND l.shenwan AS code
     MATCH (i:Industry {code: code})
     CREATE (l)-[:MAPS_TO]->(i)
   }
   RETURN ${linkFields('l')} AS link, properties(l) AS after`,
);

// linkUpdate: properties; PART_OF when `$setParent`; MAPS_TO when `$setShenwan`.
export const linkUpdateQ = cypher(
  'linkUpdate',
  `MATCH (l:Link {id: $id})
   SET l += $props, l.version = coalesce(l.version, 0) + 1
   WITH l
   CALL (l) {
     WITH l WHERE $setParent
     OPTIONAL MATCH (l)-[old:PART_OF]->(:Link)
     DELETE old
     WITH DISTINCT l
     SET l.parentId = $parentId
     WITH l
     MATCH (p:Link {id: $parentId})
     CREATE (l)-[:PART_OF]->(p)
   }
   CALL (l) {
     WITH l WHERE $setShenwan
     OPTIONAL MATCH (l)-[old:MAPS_TO]->(:Industry)
     DELETE old
     WITH DISTINCT l
     UNWIND l.shenwan AS code
     MATCH (i:Industry {code: code})
     CREATE (l)-[:MAPS_TO]->(i)
   }
   RETURN ${linkFields('l')} AS link, properties(l) AS after`,
);

// linkDependants: sub-links, and projects filling the link or any sub-link.
export const linkDependantsQ = cypher(
  'linkDependants',
  `MATCH (l:Link {id: $id})
   RETURN COUNT { (l)<-[:PART_OF*1..10]-(:Link) } AS subLinks,
          COLLECT { MATCH (l)<-[:PART_OF*0..10]-(:Link)<-[:FILLS]-(p:Project)
                    RETURN DISTINCT p.id AS id ORDER BY id LIMIT 10 } AS projects`,
);

// linkDelete: the link and its sub-links (the caller has checked cascade).
export const linkDeleteQ = cypher(
  'linkDelete',
  `MATCH (l:Link {id: $id})
   OPTIONAL MATCH (l)<-[:PART_OF*1..10]-(s:Link)
   WITH l, collect(DISTINCT s) AS subs
   FOREACH (s IN subs | DETACH DELETE s)
   DETACH DELETE l
   RETURN size(subs) + 1 AS removed`,
);

// suppliesAdd: MERGE, telling whether it was new.
export const suppliesAddQ = cypher(
  'suppliesAdd',
  `MATCH (a:Link {id: $fromId}), (b:Link {id: $toId})
   MERGE (a)-[s:SUPPLIES]->(b)
   ON CREATE SET s._created = true
   WITH a, s, s._created IS NOT NULL AS created
   REMOVE s._created
   RETURN created, ${linkFields('a')} AS link, properties(s) AS after`,
);

// suppliesRemove
export const suppliesRemoveQ = cypher(
  'suppliesRemove',
  `MATCH (a:Link {id: $fromId})
   OPTIONAL MATCH (a)-[s:SUPPLIES]->(:Link {id: $toId})
   WITH a, s, properties(s) AS before
   DELETE s
   RETURN s IS NOT NULL AS removed, before, ${linkFields('a')} AS link`,
);

export interface Written<T> {
  record: T;
  after: Props;
}

function one(rows: Record<string, unknown>[], entity: string, id: string): Record<string, unknown> {
  const row = rows[0];
  if (!row) throw changedMeanwhile(entity, id);
  return row;
}

export async function createChainNode(tx: Tx, id: string, props: Props): Promise<Written<ChainRecord>> {
  const row = one(await tx.run(chainCreateQ, { id, props }), 'Chain', id);
  return { record: ChainModel.parse(row.chain), after: row.after as Props };
}

export async function updateChainNode(tx: Tx, id: string, props: Props): Promise<Written<ChainRecord>> {
  const row = one(await tx.run(chainUpdateQ, { id, props }), 'Chain', id);
  return { record: ChainModel.parse(row.chain), after: row.after as Props };
}

export async function chainDependants(
  tx: Tx,
  id: string,
): Promise<{ links: number; taskForces: string[]; projects: string[] }> {
  const row = one(await tx.run(chainDependantsQ, { id }), 'Chain', id);
  return {
    links: row.links as number,
    taskForces: row.taskForces as string[],
    projects: row.projects as string[],
  };
}

export async function deleteChainNode(tx: Tx, id: string): Promise<number> {
  const row = one(await tx.run(chainDeleteQ, { id }), 'Chain', id);
  return row.removed as number;
}

export async function linkContext(
  tx: Tx,
  id: string,
): Promise<{ chainId: string | null; descendants: string[] } | null> {
  const [row] = await tx.run(linkContextQ, { id });
  return row ? { chainId: row.chainId as string | null, descendants: row.descendants as string[] } : null;
}

export async function createLinkNode(
  tx: Tx,
  params: { id: string; chainId: string; parentId: string | null; props: Props },
): Promise<Written<LinkRecord>> {
  const row = one(await tx.run(linkCreateQ, params), 'Link', params.id);
  return { record: LinkModel.parse(row.link), after: row.after as Props };
}

export async function updateLinkNode(
  tx: Tx,
  params: { id: string; props: Props; setParent: boolean; parentId: string | null; setShenwan: boolean },
): Promise<Written<LinkRecord>> {
  const row = one(await tx.run(linkUpdateQ, params), 'Link', params.id);
  return { record: LinkModel.parse(row.link), after: row.after as Props };
}

export async function linkDependants(tx: Tx, id: string): Promise<{ subLinks: number; projects: string[] }> {
  const row = one(await tx.run(linkDependantsQ, { id }), 'Link', id);
  return { subLinks: row.subLinks as number, projects: row.projects as string[] };
}

export async function deleteLinkNode(tx: Tx, id: string): Promise<number> {
  const row = one(await tx.run(linkDeleteQ, { id }), 'Link', id);
  return row.removed as number;
}

export async function addSuppliesEdge(
  tx: Tx,
  fromId: string,
  toId: string,
): Promise<{ created: boolean; link: LinkRecord; after: Props }> {
  const row = one(await tx.run(suppliesAddQ, { fromId, toId }), 'Link', fromId);
  return { created: row.created as boolean, link: LinkModel.parse(row.link), after: row.after as Props };
}

export async function removeSuppliesEdge(
  tx: Tx,
  fromId: string,
  toId: string,
): Promise<{ removed: boolean; link: LinkRecord; before: Props | null }> {
  const row = one(await tx.run(suppliesRemoveQ, { fromId, toId }), 'Link', fromId);
  return {
    removed: row.removed as boolean,
    link: LinkModel.parse(row.link),
    before: (row.before as Props | null) ?? null,
  };
}
