import { describe, expect, it } from 'vitest';
import { cached, EngineCache } from './engine.cache.js';

describe('EngineCache', () => {
  it('serves an entry only at the bookmark it was read at, and a new bookmark retires them all', () => {
    const c = new EngineCache();
    c.put('national', 'nev', 'B1', 1);
    c.put('linkFirms', 'nev.cell', 'B1', 2);
    expect(c.get('national', 'nev', 'B1')).toBe(1);
    expect(c.get('national', 'nev', 'B2')).toBeUndefined();
    c.put('national', 'ic', 'B2', 3);
    expect(c.get('linkFirms', 'nev.cell', 'B1')).toBeUndefined();
    expect(c.get('national', 'nev', 'B2')).toBeUndefined();
    expect(c.get('national', 'ic', 'B2')).toBe(3);
  });

  it('keeps nothing without a bookmark, and at most maxEntries of a kind (least recently used out)', () => {
    const c = new EngineCache({ maxEntries: { national: 2 } });
    c.put('national', 'a', '', 1);
    expect(c.get('national', 'a', '')).toBeUndefined();
    c.put('national', 'a', 'B', 1);
    c.put('national', 'b', 'B', 2);
    c.get('national', 'a', 'B');
    c.put('national', 'c', 'B', 3);
    expect([c.get('national', 'a', 'B'), c.get('national', 'b', 'B'), c.get('national', 'c', 'B')]).toEqual([
      1,
      undefined,
      3,
    ]);
  });

  it('weighs entries when told: the firms of a link weigh their number', () => {
    const c = new EngineCache({ maxEntries: { linkFirms: 10 } });
    c.put('linkFirms', 'a', 'B', ['a'], 6);
    c.put('linkFirms', 'b', 'B', ['b'], 4);
    c.put('linkFirms', 'c', 'B', ['c'], 3);
    expect(c.get('linkFirms', 'a', 'B')).toBeUndefined();
    expect(c.get('linkFirms', 'b', 'B')).toEqual(['b']);
    c.put('linkFirms', 'huge', 'B', ['h'], 11);
    expect(c.get('linkFirms', 'huge', 'B')).toBeUndefined();
    expect(c.get('linkFirms', 'c', 'B')).toEqual(['c']);
  });

  it('stores what it loads only when nothing was committed since the request’s first read', async () => {
    const c = new EngineCache();
    expect(await cached(c, 'national', 'nev', 'B1', async () => ({ value: 'moved', bookmark: 'B2' }))).toBe(
      'moved',
    );
    expect(c.get('national', 'nev', 'B1')).toBeUndefined();
    expect(c.get('national', 'nev', 'B2')).toBeUndefined();
    await cached(c, 'national', 'nev', 'B1', async () => ({ value: 'same', bookmark: 'B1' }));
    let loads = 0;
    const again = await cached(c, 'national', 'nev', 'B1', async () => ({
      value: String(++loads),
      bookmark: 'B1',
    }));
    expect([again, loads]).toEqual(['same', 0]);
  });
});
