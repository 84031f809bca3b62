import { cypher, type Tx } from '@chainmap/graph';
import { changedMeanwhile } from '../core/mutation.js';
import { int } from '../core/mutation.store.js';
import { enterpriseFields } from '../enterprise/enterprise.model.js';
import {
  TargetEntryModel,
  TargetLibraryModel,
  targetLibraryFields,
  type TargetEntryRecord,
  type TargetLibraryRecord,
} from './pipeline.model.js';

// Writes of target libraries (招商目标企业库) and their entries (INCLUDES). A library keeps its
// owner's chain and region as `chainId` and `regionCode`, as the seed writes them.

type Props = Record<string, unknown>;

const entryFields = (l: string, inc: string, e: string) => `{
     libraryId: ${l}.id,
     enterprise: ${enterpriseFields(e)},
     priority: ${inc}.priority, reason: ${inc}.reason,
     ownerId: ${inc}.ownerId, addedOn: toString(${inc}.addedOn)
   }`;

// targetLibraryCreate
export const targetLibraryCreateQ = cypher(
  'targetLibraryCreate',
  `MATCH (t:TaskForce {id: $taskForceId})
   CREATE (t)-[:OWNS]->(l:TargetLibrary {id: $id})
   SET l.name = $name, l.version = 1,
       l.chainId = head([(t)-[:FOR_CHAIN]->(c:Chain) | c.id]),
       l.regionCode = head([(t)-[:FOR_REGION]->(r:Region) | r.code])
   RETURN ${targetLibraryFields('l')} AS library, properties(l) AS after`,
);

// targetLibraryUpdate: properties; a new owner when `$taskForceId` is given.
export const targetLibraryUpdateQ = cypher(
  'targetLibraryUpdate',
  `MATCH (l:TargetLibrary {id: $id})
   SET l += $props, l.version = coalesce(l.version, 0) + 1
   WITH l
   CALL (l) {
     WITH l WHERE $taskForceId IS NOT NULL
     MATCH (t:TaskForce {id: $taskForceId})
     OPTIONAL MATCH (l)<-[old:OWNS]-(:TaskForce)
     DELETE old
     WITH DISTINCT l, t
     CREATE (t)-[:OWNS]->(l)
     SET l.chainId = head([(t)-[:FOR_CHAIN]->(c:Chain) | c.id]),
         l.regionCode = head([(t)-[:FOR_REGION]->(r:Region) | r.code])
   }
   RETURN ${targetLibraryFields('l')} AS library, properties(l) AS after`,
);

// targetLibraryDelete: the library and its entries (INCLUDES edges).
export const targetLibraryDeleteQ = cypher(
  'targetLibraryDelete',
  `MATCH (l:TargetLibrary {id: $id})
   DETACH DELETE l
   RETURN 1 AS removed`,
);

// libraryEntryAdd: MERGE, telling whether the firm was already included.
export const libraryEntryAddQ = cypher(
  'libraryEntryAdd',
  `MATCH (l:TargetLibrary {id: $libraryId}), (e:Enterprise {id: $enterpriseId})
   MERGE (l)-[inc:INCLUDES]->(e)
   ON CREATE SET inc._created = true, inc.priority = $priority, inc.reason = $reason,
                 inc.ownerId = $ownerId, inc.addedOn = date($today)
   WITH l, e, inc, inc._created IS NOT NULL AS created
   REMOVE inc._created
   RETURN created, ${entryFields('l', 'inc', 'e')} AS entry, properties(inc) AS after`,
);

// libraryEntryUpdate
export const libraryEntryUpdateQ = cypher(
  'libraryEntryUpdate',
  `MATCH (l:TargetLibrary {id: $libraryId})-[inc:INCLUDES]->(e:Enterprise {id: $enterpriseId})
   WITH l, e, inc, properties(inc) AS before
   SET inc += $props
   RETURN before, ${entryFields('l', 'inc', 'e')} AS entry, properties(inc) AS after`,
);

// libraryEntryRemove
export const libraryEntryRemoveQ = cypher(
  'libraryEntryRemove',
  `MATCH (l:TargetLibrary {id: $libraryId})
   OPTIONAL MATCH (l)-[inc:INCLUDES]->(:Enterprise {id: $enterpriseId})
   WITH l, inc, properties(inc) AS before
   DELETE inc
   RETURN before, ${targetLibraryFields('l')} AS library`,
);

function one(rows: Record<string, unknown>[], entity: string, id: string): Record<string, unknown> {
  const row = rows[0];
  if (!row) throw changedMeanwhile(entity, id);
  return row;
}

export async function createLibraryNode(
  tx: Tx,
  params: { id: string; taskForceId: string; name: string },
): Promise<{ record: TargetLibraryRecord; after: Props }> {
  const row = one(await tx.run(targetLibraryCreateQ, params), 'TargetLibrary', params.id);
  return { record: TargetLibraryModel.parse(row.library), after: row.after as Props };
}

export async function updateLibraryNode(
  tx: Tx,
  params: { id: string; props: Props; taskForceId: string | null },
): Promise<{ record: TargetLibraryRecord; after: Props }> {
  const row = one(await tx.run(targetLibraryUpdateQ, params), 'TargetLibrary', params.id);
  return { record: TargetLibraryModel.parse(row.library), after: row.after as Props };
}

export async function deleteLibraryNode(tx: Tx, id: string): Promise<void> {
  one(await tx.run(targetLibraryDeleteQ, { id }), 'TargetLibrary', id);
}

export async function addEntry(
  tx: Tx,
  p: {
    libraryId: string;
    enterpriseId: string;
    priority: number;
    reason: string;
    ownerId: string | null;
    today: string;
  },
): Promise<{ created: boolean; record: TargetEntryRecord; after: Props }> {
  const row = one(
    await tx.run(libraryEntryAddQ, { ...p, priority: int(p.priority) }),
    'TargetLibrary',
    p.libraryId,
  );
  return {
    created: row.created as boolean,
    record: TargetEntryModel.parse(row.entry),
    after: row.after as Props,
  };
}

export async function updateEntry(
  tx: Tx,
  p: { libraryId: string; enterpriseId: string; props: Props },
): Promise<{ record: TargetEntryRecord; before: Props; after: Props } | null> {
  const [row] = await tx.run(libraryEntryUpdateQ, p);
  if (!row) return null;
  return {
    record: TargetEntryModel.parse(row.entry),
    before: row.before as Props,
    after: row.after as Props,
  };
}

export async function removeEntry(
  tx: Tx,
  p: { libraryId: string; enterpriseId: string },
): Promise<{ record: TargetLibraryRecord; before: Props | null }> {
  const row = one(await tx.run(libraryEntryRemoveQ, p), 'TargetLibrary', p.libraryId);
  return { record: TargetLibraryModel.parse(row.library), before: (row.before as Props | null) ?? null };
}
