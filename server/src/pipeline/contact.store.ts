import { cypher, type Executor } from '@chainmap/graph';
import type DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { ScopeParam } from '../auth/auth.model.js';
import { inScope } from '../auth/scope.js';
import { manyLoader, type BatchParams } from '../core/batch.js';
import type { Context } from '../core/context.js';
import type { Loaders } from '../core/loaders.js';
import { optDate, optNum, optStr } from '../core/models.js';
import { ContactModel, contactFields, type ContactRecord } from './contact.model.js';

// Reads of contacts (走访/洽谈记录) and of projects' amount revisions: pipeline data, so every
// query takes the viewer's `$scope` (a contact is in scope when the task force it is logged for
// is; an amount revision when its project is).

export interface ContactFilter {
  regionCode: string | null;
  chainId: string | null;
  taskForceId: string | null;
  personId: string | null;
  enterpriseId: string | null;
}

// contactsFiltered: newest first; a region filter takes contacts of task forces in it or within it.
export const contactsFilteredQ = cypher(
  'contactsFiltered',
  `MATCH (c:Contact)-[:LOGGED_FOR]->(t:TaskForce)
   WHERE ($taskForceId IS NULL OR t.id = $taskForceId)
     AND ($chainId IS NULL OR c.chainId = $chainId)
     AND ($personId IS NULL OR c.personId = $personId)
     AND ($enterpriseId IS NULL OR c.enterpriseId = $enterpriseId)
     AND ($regionCode IS NULL
          OR EXISTS { (t)-[:FOR_REGION]->(:Region)-[:WITHIN*0..3]->(:Region {code: $regionCode}) })
     AND ${inScope.taskForce('t')}
   RETURN ${contactFields('c')} AS contact
   ORDER BY c.on DESC, c.id DESC
   LIMIT $limit`,
);

/** Contacts matching the filter within the scope, newest first, at most `limit`. */
export async function contactsFiltered(
  executor: Executor,
  scope: ScopeParam,
  filter: ContactFilter,
  limit: number,
): Promise<ContactRecord[]> {
  const rows = await executor.read(contactsFilteredQ, { ...filter, scope, limit: neo4j.int(limit) });
  return rows.map((r) => ContactModel.parse(r.contact));
}

// taskForceContacts: each task force's latest 20 contacts.
export const taskForceContactsQ = cypher(
  'taskForceContacts',
  `UNWIND $keys AS key
   MATCH (:TaskForce {id: key})<-[:LOGGED_FOR]-(c:Contact)
   WHERE ${inScope.contact('c')}
   WITH key, c ORDER BY c.on DESC, c.id DESC
   WITH key, collect(${contactFields('c')}) AS all
   RETURN key, all[0..20] AS values`,
);

// projectAmounts: a project's dated amount revisions, oldest first.
export const projectAmountsQ = cypher(
  'projectAmounts',
  `UNWIND $keys AS key
   MATCH (p:Project {id: key})-[:HAS_AMOUNT]->(a:AmountEntry)
   WHERE ${inScope.project('p')}
   WITH key, a ORDER BY a.on, a.seq
   RETURN key, collect({on: toString(a.on), amount: a.amount, reason: a.reason}) AS values`,
);

export const AmountEntryModel = z.object({ on: optDate, amount: optNum, reason: optStr });
export type AmountEntryRecord = z.output<typeof AmountEntryModel>;

interface TrackingLoaders {
  taskForceContacts: DataLoader<string, ContactRecord[]>;
  projectAmounts: DataLoader<string, AmountEntryRecord[]>;
}

const made = new WeakMap<Loaders, TrackingLoaders>();

/**
 * The request's DataLoaders for contacts and amount entries, made on first use beside the
 * request's other loaders (and dropped with them after a write), filtered by the viewer's scope.
 */
export function contactLoaders(ctx: Context): TrackingLoaders {
  let l = made.get(ctx.loaders);
  if (!l) {
    const scoped: BatchParams = async () => ({ scope: (await ctx.viewer.scope()).param });
    l = {
      taskForceContacts: manyLoader(ctx.executor, taskForceContactsQ, ContactModel, scoped),
      projectAmounts: manyLoader(ctx.executor, projectAmountsQ, AmountEntryModel, scoped),
    };
    made.set(ctx.loaders, l);
  }
  return l;
}
