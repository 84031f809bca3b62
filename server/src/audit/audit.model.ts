import { z } from 'zod';
import { optStr, str } from '../core/models.js';
import { toGlobalId } from '../core/relay.js';

export const auditFields = (a: string) =>
  `${a} { .id, at: toString(${a}.at), .actorId, .actorName, .actorRole, .mutation, .entity, .entityId, .before, .after, .requestId }`;

const json = z
  .string()
  .nullish()
  .transform((v): Record<string, unknown> | null =>
    v == null ? null : (JSON.parse(v) as Record<string, unknown>),
  );

/** One `(:AuditEntry)`: who changed what, when, with the record before and after. */
export const AuditEntryModel = z
  .object({
    id: str,
    at: str,
    actorId: optStr,
    actorName: optStr,
    actorRole: optStr,
    mutation: str,
    entity: str,
    entityId: str,
    before: json,
    after: json,
    requestId: optStr,
  })
  .transform(({ id, ...a }) => ({
    __typename: 'AuditEntry' as const,
    id: toGlobalId('AuditEntry', id),
    key: id,
    ...a,
  }));
export type AuditEntryRecord = z.output<typeof AuditEntryModel>;
