import { z } from 'zod';
import { keyOf } from './relay.js';

/**
 * zod building blocks of mutation inputs. GraphQL has already checked the types; these check
 * what GraphQL cannot (lengths, ranges, formats, dates) and normalise (global ids to keys).
 * An explicit `null` on a field that cannot be cleared is refused with a message saying so.
 */

const typeError = (what: string) => (issue: { input?: unknown }) =>
  issue.input === null ? `cannot be null (leave it out to keep the current value)` : `must be ${what}`;

const text = () => z.string({ error: typeError('text') });

/** The id of a new entity: letters, digits, dots, dashes, underscores (e.g. `nev.cathode`, `cn-300750.SZ`). */
export const newKey = text()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/,
    'must be 1–100 letters, digits, dots, dashes or underscores, starting with a letter or digit',
  );

/** A reference to an entity of `type` by its key or global id; the key comes out. */
export const ref = (type: string) =>
  text()
    .trim()
    .min(1, 'must not be empty')
    .max(300, 'is too long')
    .transform((v) => keyOf(type, v));

/** A region by GB/T 2260 code (`421281`), zone code (`4212Z01`) or global id. */
export const regionRef = text()
  .trim()
  .transform((v) => keyOf('Region', v))
  .pipe(z.string().regex(/^(\d{6}|\d{4}Z\d{2})$/, 'must be a region code such as 421281 or 4212Z01'));

/** A name: trimmed, 1–`max` characters. */
export const name = (max = 100) =>
  text().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Free text, stored exactly as given; empty means none. */
export const freeText = (max = 2000) =>
  text()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v.trim() === '' ? null : v));

/** A calendar day, `YYYY-MM-DD`. */
export const day = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });

/** The version of the record the client read and edits. */
export const version = z
  .number({ error: typeError('the version you read') })
  .int('must be an integer')
  .min(0, 'must not be negative');

export const nonNegative = (what = 'a number') =>
  z.number({ error: typeError(what) }).nonnegative('must not be negative');

export const count = () =>
  z
    .number({ error: typeError('a whole number') })
    .int('must be a whole number')
    .nonnegative('must not be negative');

export const share = () =>
  z
    .number({ error: typeError('a share between 0 and 1') })
    .gt(0, 'must be above 0')
    .max(1, 'must be at most 1 (a share, not a percentage)');

export const flag = () => z.boolean({ error: typeError('true or false') });

/** A list of references, at most `max`, no repeats. */
export const refList = (type: string, max = 50) =>
  z
    .array(ref(type), { error: typeError('a list') })
    .max(max, `must hold at most ${max} items`)
    .transform((ids) => [...new Set(ids)]);
