import { badInput } from './errors.js';

/**
 * Global ids for the `Node` interface: `base64url("<Type>:<key>")`, opaque to clients but stable.
 * Root lookups (`enterprise(id:)`, `chain(id:)`…) accept either a global id or the domain key.
 */
export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string): { type: string; key: string } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const m = /^([A-Z][A-Za-z]+):(.+)$/s.exec(text);
  return m ? { type: m[1]!, key: m[2]! } : null;
}

/** The domain key for a lookup argument that may be a global id of `type` or the key itself. */
export function keyOf(type: string, id: string): string {
  const g = fromGlobalId(id);
  return g && g.type === type ? g.key : id;
}

/**
 * Keyset cursors: the sort value and id of the last row seen, so pages stay stable while data
 * changes and `after` never needs an OFFSET scan.
 */
export interface CursorValue {
  /** Sort value of the row (name, revenue…), null when the row has none. */
  v: string | number | null;
  id: string;
}

export function encodeCursor(c: CursorValue): string {
  return Buffer.from(JSON.stringify([c.v, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): CursorValue {
  try {
    if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) throw new Error('bad alphabet');
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (parsed[0] === null || typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return { v: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the user error
  }
  throw badInput(
    `"${cursor.slice(0, 40)}" is not a cursor this API issued; pass an edge's cursor or endCursor`,
    field,
  );
}

export const MAX_PAGE = 200;

/** Validate `first`: 1..MAX_PAGE, default 20. */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first == null) return 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE} (got ${first})`, field);
  }
  return first;
}
