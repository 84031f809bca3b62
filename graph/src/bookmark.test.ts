import { describe, expect, it } from 'vitest';
import { bookmarkPosition } from './bookmark.js';

// Bookmarks as Neo4j 5.26 returned them (graph test store): transactions 6 and 312.
const DB = '0b651583b3014fe2adb5a986ccfb4f4c';

describe('bookmarkPosition', () => {
  it('reads the database and the transaction id, small and large', () => {
    expect(bookmarkPosition('FB:kcwQC2UVg7MBT+KttamGzPtPTAaQ')).toEqual({ database: DB, tx: 6n });
    expect(bookmarkPosition('FB:kcwQC2UVg7MBT+KttamGzPtPTMkBOJA=')).toEqual({ database: DB, tx: 312n });
    const int32 = Buffer.from(`91cc10${DB}ca0001000090`, 'hex').toString('base64');
    expect(bookmarkPosition(`FB:${int32}`)).toEqual({ database: DB, tx: 65536n });
  });

  it('reads anything else as null: no bookmark, several, another format, trailing bytes', () => {
    const hex = (h: string) => `FB:${Buffer.from(h, 'hex').toString('base64')}`;
    for (const b of [
      '',
      'B1',
      'FB:',
      'FB:kcwQC2UVg7MBT+KttamGzPtPTAaQ,FB:kcwQC2UVg7MBT+KttamGzPtPTAeQ',
      hex(`92cc10${DB}0690`),
      hex(`91cc10${DB}06`),
      hex(`91cc10${DB}069000`),
      hex(`91cc10${DB}cc0690`),
      hex(`91cc10${DB}c90190`),
      hex(`91cc10${DB}0090`),
    ])
      expect(bookmarkPosition(b), b).toBeNull();
  });
});
