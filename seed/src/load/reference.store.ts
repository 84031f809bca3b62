import { cypher, type Executor } from '@chainmap/graph';

// Reference data: regions, source zones, industries, the chain catalog. All MERGE on keys, so
// loading twice changes nothing; provenance (`importId`) is set when a node is first created.

// regionsUpsert
export const regionsUpsertQ = cypher(
  'regionsUpsert',
  `UNWIND $rows AS row
   MERGE (r:Region {code: row.code})
   ON CREATE SET r.importId = $importId
   SET r.name = row.name, r.shortName = row.shortName, r.level = row.level, r.parentCode = row.parentCode`,
);

// regionsLinkParents
export const regionsLinkParentsQ = cypher(
  'regionsLinkParents',
  `UNWIND $rows AS row
   MATCH (r:Region {code: row.code}), (p:Region {code: row.parentCode})
   MERGE (r)-[:WITHIN]->(p)`,
);

// sourceZonesUpsert
export const sourceZonesUpsertQ = cypher(
  'sourceZonesUpsert',
  `UNWIND $zones AS z
   MERGE (s:SourceZone {code: z.code})
   ON CREATE SET s.importId = $importId
   SET s.name = z.name
   WITH s, z
   UNWIND z.members AS member
   MATCH (r:Region {code: member})
   MERGE (r)-[:IN_ZONE]->(s)`,
);

// industriesUpsert
export const industriesUpsertQ = cypher(
  'industriesUpsert',
  `UNWIND $rows AS row
   MERGE (i:Industry {code: row.code})
   ON CREATE SET i.importId = $importId
   SET i.name = row.name, i.level = row.level, i.scheme = 'SW2021', i.parentCode = row.parentCode
   WITH i, row WHERE row.parentCode IS NOT NULL
   MATCH (p:Industry {code: row.parentCode})
   MERGE (i)-[:WITHIN]->(p)`,
);

// chainsUpsert
export const chainsUpsertQ = cypher(
  'chainsUpsert',
  `UNWIND $chains AS c
   MERGE (ch:Chain {id: c.id})
   ON CREATE SET ch.importId = $importId, ch.version = 1
   SET ch.name = c.name, ch.description = c.description`,
);

// linksUpsert
export const linksUpsertQ = cypher(
  'linksUpsert',
  `UNWIND $links AS l
   MATCH (ch:Chain {id: l.chainId})
   MERGE (k:Link {id: l.id})
   ON CREATE SET k.importId = $importId, k.version = 1
   SET k.name = l.name, k.stage = l.stage, k.key = l.key, k.description = l.description,
       k.shenwan = l.shenwan, k.gbt4754 = l.gbt4754, k.chainId = l.chainId, k.parentId = l.parent
   MERGE (ch)-[:HAS_LINK]->(k)
   WITH k, l
   CALL (k, l) {
     UNWIND l.shenwan AS code
     MATCH (i:Industry {code: code})
     MERGE (k)-[:MAPS_TO]->(i)
   }`,
);

// linksParents
export const linksParentsQ = cypher(
  'linksParents',
  `UNWIND $links AS l
   MATCH (k:Link {id: l.id}), (p:Link {id: l.parent})
   MERGE (k)-[:PART_OF]->(p)`,
);

// linksSupplies
export const linksSuppliesQ = cypher(
  'linksSupplies',
  `UNWIND $supplies AS s
   MATCH (a:Link {id: s.from}), (b:Link {id: s.to})
   MERGE (a)-[r:SUPPLIES]->(b)
   SET r.note = s.note, r.allowCycle = coalesce(s.allowCycle, false)`,
);

/** Run a list of (query, params) steps in one write transaction. */
export async function writeAll(
  executor: Executor,
  name: string,
  steps: [ReturnType<typeof cypher>, Record<string, unknown>][],
): Promise<void> {
  await executor.writeTx(name, async (tx) => {
    for (const [q, p] of steps) await tx.run(q, p);
  });
}

// industryUpstream: "upstream industry supplies industry", mined from product mentions (chainkg)
export const industryUpstreamQ = cypher(
  'industryUpstream',
  `UNWIND $rows AS row
   MATCH (up:Industry {code: row.upstreamCode}), (down:Industry {code: row.industryCode})
   MERGE (up)-[s:SUPPLIES]->(down)
   SET s.mentions = row.mentions, s.importId = $importId`,
);
