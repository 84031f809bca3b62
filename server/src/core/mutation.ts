import type { CommitChanges, GraphPart, Tx } from '@chainmap/graph';
import { GraphQLError } from 'graphql';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Scope } from '../auth/auth.model.js';
import { WRITERS, type WriteGroup } from '../auth/policy.js';
import { forbidden, signedInScope } from '../auth/viewer.js';
import { writeTargetPlaces, type Place, type WriteTarget } from '../auth/write-scope.store.js';
import { recordAudit } from '../audit/audit.store.js';
import type { Context } from './context.js';
import { conflict, fromZod, notFound } from './errors.js';
import { createLoaders } from './loaders.js';
import {
  firmChains,
  lockNode,
  missingRefs,
  type Ref,
  type RefType,
  type Versioned,
} from './mutation.store.js';

/**
 * The one way a mutation runs: validate the input with zod, run the service's write in one
 * transaction (all of it or nothing), return the result. Every mutation of the API goes
 * through {@link runMutation}, so authorization and the audit trail happen here, once: see
 * {@link authorize} and audit/audit.store.ts.
 */

/** What a write did to one entity: the client's result, and the stored state around it. */
export interface Change<R> {
  /** What the mutation returns. */
  result: R;
  /** The entity's stored properties before the write; null when it was created. */
  before: Record<string, unknown> | null;
  /** Its stored properties after the write; null when it was deleted. */
  after: Record<string, unknown> | null;
  /** The id actually written, when it is only known inside the transaction (else the target's). */
  id?: string;
}

/** Facts of the request a write may record (dates of stage moves, who made them). */
export interface WriteMeta {
  /** Today in China (Asia/Shanghai), `YYYY-MM-DD`: the default date of dated facts. */
  today: string;
  /** The user name of who is writing (kept on dated facts such as stage moves). */
  actor: string | null;
  requestId: string;
}

/** One mutation: its name, the entity it writes, its input schema and its transactional write. */
export interface MutationSpec<S extends z.ZodType, R> {
  /** The GraphQL mutation, e.g. `updateChain`: names the transaction and the audit record. */
  name: string;
  /** The entity written, e.g. `Chain`, `LibraryEntry`. */
  entity: string;
  /**
   * Every part of the graph the write may change (graph/src/parts.ts), deletions' cascades
   * included; the audit entry is added by {@link runMutation}. Cached figures that depend on none
   * of them outlive its commit (server/src/engine/engine.cache.ts), so leaving one out would let
   * them go stale: name too many rather than too few.
   */
  changes: readonly GraphPart[] | ((input: z.output<S>) => readonly GraphPart[]);
  /**
   * For a write to some enterprises (`changes` naming `enterprises` or `locations`): their ids.
   * {@link runMutation} then reads, before and after the write, the chains their links belong
   * to, and tells the cache that only those chains' figures changed (engine.cache.ts).
   */
  firms?: (input: z.output<S>) => string[];
  /** The input's zod schema: nothing reaches Cypher before it passes. */
  schema: S;
  /** The id of the entity written, from the validated input (relations: `from->to`). */
  id: (input: z.output<S>) => string;
  /**
   * Who may run it: the roles of its group (auth/policy.ts `WRITERS`), and the records, regions
   * and task forces the input names, each of which must lie within the writer's scope.
   */
  access: WriteAccess<z.output<S>>;
  /** The write itself; everything it runs on `tx` commits together or not at all. */
  write: (tx: Tx, input: z.output<S>, meta: WriteMeta) => Promise<Change<R>>;
}

/** A mutation's access rule: its group of writers and what the input touches. */
export interface WriteAccess<I> {
  group: WriteGroup;
  /** Every existing record the write changes and every place it puts something in. */
  targets: (input: I) => WriteTarget[];
}

/** Declare a mutation (an identity function, for type inference). */
export function defineMutation<S extends z.ZodType, R>(spec: MutationSpec<S, R>): MutationSpec<S, R> {
  return spec;
}

/** What a mutation is about to touch, known before it runs. */
export interface MutationTarget {
  mutation: string;
  entity: string;
  id: string;
}

/** Whether one place (region, chain) lies within the scope. */
function placeInScope(scope: Scope, [region, chain]: Place): boolean {
  const p = scope.param;
  if (p.all) return true;
  if (region == null || !p.regions.includes(region)) return false;
  return p.chains == null || chain == null || p.chains.includes(chain);
}

/**
 * May the request's user run this mutation? Before the transaction: signed in (UNAUTHENTICATED)
 * with a role of the mutation's group (FORBIDDEN). Then, inside it, every target the input names
 * is looked up and must lie within the user's scope; a target out of scope and one that does not
 * exist get the same FORBIDDEN, so a refusal tells nothing about other regions' records (an
 * ADMIN, whose scope is everything, gets the write's own NOT_FOUND instead). Returns the regions
 * the write touches, which the audit entry keeps to decide who may read it.
 */
export async function authorize(
  scope: Scope & { user: NonNullable<Scope['user']> },
  tx: Tx,
  spec: Pick<MutationSpec<z.ZodType, unknown>, 'name'>,
  targets: readonly WriteTarget[],
): Promise<string[]> {
  const places = await writeTargetPlaces(tx, targets);
  const regions = new Set<string>();
  const groups = new Map<string, boolean>();
  targets.forEach((t, i) => {
    const found = places[i];
    for (const [region] of found ?? []) if (region) regions.add(region);
    if (scope.param.all) return;
    // A person in no task force yet belongs to nobody's region: any writer of contacts may edit them.
    const ok =
      found != null &&
      (found.length === 0 ? t.type === 'Person' : found.some((pl) => placeInScope(scope, pl)));
    if (t.anyOf) {
      groups.set(t.anyOf, (groups.get(t.anyOf) ?? false) || ok);
      return;
    }
    if (!ok) throw refused(spec.name, t);
  });
  for (const [group, ok] of groups) {
    if (!ok)
      throw refused(
        spec.name,
        targets.find((t) => t.anyOf === group)!,
      );
  }
  return [...regions].sort();
}

function refused(mutation: string, t: WriteTarget) {
  return forbidden(
    `${mutation}: no ${t.type} ${JSON.stringify(t.key)} within your scope (it is outside your region or chains, or does not exist).`,
    { field: t.field },
  );
}

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in China, `YYYY-MM-DD` (the API's users keep Beijing time). */
export function chinaToday(now: Date = new Date()): string {
  return CHINA_DAY.format(now);
}

/** A new id for an entity the client did not name: the prefix, `sep` and 10 hex digits. */
export function newId(prefix: string, sep = '-'): string {
  return `${prefix}${sep}${randomBytes(5).toString('hex')}`;
}

/**
 * Validate `raw` against the spec's schema (problems reported as BAD_USER_INPUT with paths under
 * `input`), authorize, run the write in one write transaction with the audit hook, and return
 * the result. A user error thrown inside the transaction rolls it back and reaches the client
 * as it was thrown; the request's DataLoader caches are dropped after a write.
 */
export async function runMutation<S extends z.ZodType, R>(
  ctx: Context,
  spec: MutationSpec<S, R>,
  raw: unknown,
): Promise<R> {
  const scope = await signedInScope(ctx.viewer);
  const user = scope.user;
  const writers: readonly string[] = WRITERS[spec.access.group];
  if (!writers.includes(user.role)) {
    throw forbidden(`${spec.name}: a ${user.role} user may not do this (it needs ${writers.join(' or ')}).`);
  }
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  const target: MutationTarget = { mutation: spec.name, entity: spec.entity, id: spec.id(input) };
  const meta: WriteMeta = { today: chinaToday(), actor: user.username, requestId: ctx.requestId };
  let refusal: GraphQLError | undefined;
  const parts = typeof spec.changes === 'function' ? spec.changes(input) : spec.changes;
  const changes: CommitChanges = { parts: [...parts, 'audit'], chains: null };
  try {
    const result = await ctx.executor.writeTx(
      spec.name,
      async (tx) => {
        try {
          const regionCodes = await authorize(scope, tx, spec, spec.access.targets(input));
          const firms = spec.firms?.(input);
          const chainsBefore = firms ? await firmChains(tx, firms) : null;
          const change = await spec.write(tx, input, meta);
          const chainsAfter = firms ? await firmChains(tx, firms) : null;
          // Set on every attempt: a retried transaction must not keep an earlier attempt's chains.
          changes.chains =
            chainsBefore && chainsAfter ? [...new Set([...chainsBefore, ...chainsAfter])] : null;
          // The audit entry commits or rolls back with the change itself.
          await recordAudit(tx, {
            mutation: target.mutation,
            entity: target.entity,
            entityId: change.id ?? target.id,
            actorId: user.id,
            actorName: user.username,
            actorRole: user.role,
            requestId: meta.requestId,
            at: new Date().toISOString(),
            before: change.before,
            after: change.after,
            regionCodes,
          });
          return change.result;
        } catch (e) {
          if (e instanceof GraphQLError) refusal = e;
          throw e;
        }
      },
      () => changes,
    );
    ctx.loaders = createLoaders(ctx.executor, async () => (await ctx.viewer.scope()).param, ctx.engineCache);
    return result;
  } catch (e) {
    // The executor wraps whatever the work threw as a database error; a refusal is the user's.
    throw refusal ?? e;
  }
}

/** Throw NOT_FOUND for the first reference that names nothing (all of them in `missing`). */
export async function requireRefs(tx: Tx, refs: readonly Ref[]): Promise<void> {
  const missing = await missingRefs(tx, refs);
  const first = missing[0];
  if (first) {
    throw notFound(first.type, first.key, {
      field: first.field,
      missing: missing.map((m) => ({ type: m.type, id: m.key, field: m.field })),
    });
  }
}

/** Throw CONFLICT when an entity with this key exists already (a create must not reuse it). */
export async function requireNew(tx: Tx, type: RefType, key: string, field = 'input.id'): Promise<void> {
  const missing = await missingRefs(tx, [{ type, key, field }]);
  if (missing.length === 0)
    throw conflict(`${type} ${JSON.stringify(key)} already exists`, { field, id: key });
}

/**
 * Lock the entity and check the client edited the version it holds: NOT_FOUND when it is gone,
 * CONFLICT (with `currentVersion`) when someone else changed it since. Returns its properties.
 */
export async function lockVersion(
  tx: Tx,
  entity: Versioned,
  id: string,
  version: number,
  idField = 'input.id',
): Promise<Record<string, unknown>> {
  const before = await lockNode(tx, entity, id);
  if (!before) throw notFound(entity, id, { field: idField });
  const current = typeof before.version === 'number' ? before.version : 0;
  if (current !== version) {
    throw conflict(
      `${entity} ${JSON.stringify(id)} was changed by someone else: you edited version ${version}, it is now at version ${current}. Reload it and apply your change again.`,
      { field: 'input.version', id, currentVersion: current },
    );
  }
  return before;
}

/** A write found nothing it had just checked: another transaction removed it in between. */
export function changedMeanwhile(entity: string, id: string): GraphQLError {
  return conflict(`${entity} ${JSON.stringify(id)} changed while saving; reload it and retry.`, { id });
}
