/**
 * Where a Neo4j 5 bookmark stands: its database and the id of the last transaction committed
 * there. Transaction ids count every commit of a database one by one (token creation, for a new
 * label or property name, takes ids of its own), so two positions on the same database tell how
 * many commits lie between them.
 *
 * The format is the server's and not documented: `FB:` and the base64 of PackStream values, a
 * one-element list marker, the database's 16-byte id, the transaction id, an empty list. Anything
 * else (another version, a cluster's composite bookmark, several joined) reads as null, and a
 * caller must then assume any number of unknown commits.
 */
export interface BookmarkPosition {
  /** The database's id (hex). */
  database: string;
  /** The last committed transaction's id. */
  tx: bigint;
}

const HEAD = [0x91, 0xcc, 0x10];
const ID_BYTES = 16;

export function bookmarkPosition(bookmark: string): BookmarkPosition | null {
  if (!bookmark.startsWith('FB:') || bookmark.includes(',')) return null;
  const bytes = Buffer.from(bookmark.slice(3), 'base64');
  if (bytes.length < HEAD.length + ID_BYTES + 2 || HEAD.some((b, i) => bytes[i] !== b)) return null;
  const database = bytes.subarray(HEAD.length, HEAD.length + ID_BYTES).toString('hex');
  let at = HEAD.length + ID_BYTES;
  const marker = bytes[at++]!;
  let tx: bigint;
  if (marker <= 0x7f) tx = BigInt(marker);
  else {
    const size = { 0xc8: 1, 0xc9: 2, 0xca: 4, 0xcb: 8 }[marker];
    if (size === undefined || at + size > bytes.length) return null;
    tx = 0n;
    for (let i = 0; i < size; i++) tx = (tx << 8n) | BigInt(bytes[at + i]!);
    at += size;
  }
  // The trailing empty list, and nothing after it.
  if (at !== bytes.length - 1 || bytes[at] !== 0x90 || tx <= 0n) return null;
  return { database, tx };
}
