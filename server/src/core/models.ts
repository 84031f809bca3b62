import { z } from 'zod';

/**
 * Building blocks of the zod models that parse store results. Properties a node may lack come
 * back from Cypher map projections as null; these turn them into `null` for GraphQL.
 */
export const str = z.string();
export const optStr = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
export const optNum = z
  .number()
  .nullish()
  .transform((v) => v ?? null);
export const optInt = z
  .number()
  .int()
  .nullish()
  .transform((v) => v ?? null);
export const optBool = z
  .boolean()
  .nullish()
  .transform((v) => v ?? null);
/** A list property that may be absent: absent is empty. */
export const strList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);
/** A Neo4j `date` (already an ISO string after `toPlain`), or null. */
export const optDate = z.iso
  .date()
  .nullish()
  .transform((v) => v ?? null);
