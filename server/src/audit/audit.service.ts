import { z } from 'zod';
import type { Context } from '../core/context.js';
import { fromZod } from '../core/errors.js';
import { toPage, type Page } from '../core/page.js';
import { decodeCursor, pageSize } from '../core/relay.js';
import type { AuditEntryRecord } from './audit.model.js';
import { auditPage } from './audit.store.js';

const FilterModel = z.object({
  entityId: z.string().trim().min(1).max(300).nullish(),
  entity: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .nullish(),
});

/**
 * The audit trail within the viewer's scope, newest first; of one entity when `entityId` (and
 * optionally `entity`) is given. Access (ADMIN, CITY_OFFICE) is checked by the guard.
 */
export async function auditConnection(
  ctx: Context,
  args: { entityId?: string | null; entity?: string | null; first?: number | null; after?: string | null },
): Promise<Page<AuditEntryRecord>> {
  const parsed = FilterModel.safeParse({ entityId: args.entityId, entity: args.entity });
  if (!parsed.success) throw fromZod(parsed.error, '');
  const first = pageSize(args.first);
  const after = args.after == null ? null : decodeCursor(args.after, 'after');
  const scope = await ctx.viewer.scope();
  const rows = await auditPage(
    ctx.executor,
    scope.param,
    { entityId: parsed.data.entityId ?? null, entity: parsed.data.entity ?? null },
    after ? { at: String(after.v), id: after.id } : null,
    first + 1,
  );
  return toPage(rows, first, after != null, (a) => ({ v: a.at, id: a.key }), null);
}

/** The changed fields between two stored states, in name order. */
export function changesOf(e: Pick<AuditEntryRecord, 'before' | 'after'>) {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== 'version');
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .sort()
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
