import type { Tx } from '@chainmap/graph';
import { GraphQLError } from 'graphql';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from './context.js';
import { conflict, fromZod, notFound } from './errors.js';
import { createLoaders } from './loaders.js';
import { lockNode, missingRefs, type Ref, type RefType, type Versioned } from './mutation.store.js';

/**
 * The one way a mutation runs: validate the input with zod, run the service's write in one
 * transaction (all of it or nothing), return the result. Every mutation of the API goes
 * through {@link runMutation}, so authorization and the audit trail hook in here, once:
 * see {@link authorize} and {@link audit}.
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
  /** Who is writing; null until the API authenticates its users. */
  actor: string | null;
  requestId: string;
}

/** One mutation: its name, the entity it writes, its input schema and its transactional write. */
export interface MutationSpec<S extends z.ZodType, R> {
  /** The GraphQL mutation, e.g. `updateChain`: names the transaction and the audit record. */
  name: string;
  /** The entity written, e.g. `Chain`, `LibraryEntry`. */
  entity: string;
  /** The input's zod schema: nothing reaches Cypher before it passes. */
  schema: S;
  /** The id of the entity written, from the validated input (relations: `from->to`). */
  id: (input: z.output<S>) => string;
  /** The write itself; everything it runs on `tx` commits together or not at all. */
  write: (tx: Tx, input: z.output<S>, meta: WriteMeta) => Promise<Change<R>>;
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

/** One audit record: who changed what, when, and the entity before and after. */
export interface AuditEntry extends MutationTarget {
  actor: string | null;
  requestId: string;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Hook: may the request's user run this mutation on this entity? Throw a FORBIDDEN error to
 * refuse. Every request may write until the API has users.
 */
export async function authorize(_ctx: Context, _target: MutationTarget): Promise<void> {}

/**
 * Hook: record the change. Runs inside the mutation's transaction, after the write, so a record
 * stored here commits or rolls back with the change itself. Only logged for now.
 */
export async function audit(ctx: Context, _tx: Tx, entry: AuditEntry): Promise<void> {
  ctx.logger.debug({ audit: entry }, `mutation ${entry.mutation}`);
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
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  const target: MutationTarget = { mutation: spec.name, entity: spec.entity, id: spec.id(input) };
  await authorize(ctx, target);
  const meta: WriteMeta = { today: chinaToday(), actor: null, requestId: ctx.requestId };
  let refusal: GraphQLError | undefined;
  try {
    const result = await ctx.executor.writeTx(spec.name, async (tx) => {
      try {
        const change = await spec.write(tx, input, meta);
        await audit(ctx, tx, {
          ...target,
          id: change.id ?? target.id,
          actor: meta.actor,
          requestId: meta.requestId,
          at: new Date().toISOString(),
          before: change.before,
          after: change.after,
        });
        return change.result;
      } catch (e) {
        if (e instanceof GraphQLError) refusal = e;
        throw e;
      }
    });
    ctx.loaders = createLoaders(ctx.executor);
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
