import { createLogger, type GraphPart } from '@chainmap/graph';
import { describe, expect, it } from 'vitest';
import { EngineCache } from './engine.cache.js';

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
    expect(await c.load('national', 'nev', 'B1', async () => ({ value: 'moved', bookmark: 'B2' }))).toBe(
      'moved',
    );
    expect(c.get('national', 'nev', 'B1')).toBeUndefined();
    expect(c.get('national', 'nev', 'B2')).toBeUndefined();
    await c.load('national', 'nev', 'B1', async () => ({ value: 'same', bookmark: 'B1' }));
    let loads = 0;
    const again = await c.load('national', 'nev', 'B1', async () => ({
      value: String(++loads),
      bookmark: 'B1',
    }));
    expect([again, loads]).toEqual(['same', 0]);
  });

  it('reads an entry once however many requests miss it at the same state', async () => {
    const c = new EngineCache();
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      loads += 1;
      await gate;
      return { value: 'figures', bookmark: 'B1' };
    };
    const asks = Array.from({ length: 5 }, () => c.load('national', 'nev', 'B1', load));
    expect(c.isLoading('national', 'nev', 'B1')).toBe(true);
    release();
    expect(await Promise.all(asks)).toEqual(Array(5).fill('figures'));
    expect([loads, c.stats.joined]).toEqual([1, 4]);
    expect(c.isLoading('national', 'nev', 'B1')).toBe(false);
    // A failed load is not remembered: the next request reads again.
    await expect(
      c.load('local', 'x', 'B1', async () => {
        throw new Error('Neo4j away');
      }),
    ).rejects.toThrow('Neo4j away');
    expect(await c.load('local', 'x', 'B1', async () => ({ value: 'back', bookmark: 'B1' }))).toBe('back');
  });

  it('never lets a value read at a state already left bring that state back', () => {
    const c = new EngineCache();
    c.put('national', 'nev', 'B1', 'old');
    c.committed('B2');
    c.put('national', 'ic', 'B2', 'new');
    // A request that began before the commit finishes its read late.
    c.put('national', 'nev', 'B1', 'late');
    expect(c.get('national', 'nev', 'B1')).toBeUndefined();
    expect(c.get('national', 'ic', 'B2')).toBe('new');
  });

  describe('over commits of its own server', () => {
    // Bookmarks in Neo4j 5's format (graph/src/bookmark.ts) at transaction `tx` of one database.
    const at = (tx: number, db = '0b651583b3014fe2adb5a986ccfb4f4c') =>
      `FB:${Buffer.from(`91cc10${db}c9${tx.toString(16).padStart(4, '0')}90`, 'hex').toString('base64')}`;
    // Every kind, in the order `held` lists them.
    const EVERY_KIND = ['national', 'catalog', 'local', 'linkFirms', 'regionTies', 'courted'] as const;
    // A commit of this server that names its parts and no chains.
    const says = (...parts: GraphPart[]) => ({ parts, chains: null });
    const fill = (c: EngineCache, b: string) => {
      c.put('national', 'nev', b, 'n');
      c.put('catalog', '', b, 'c');
      c.put('local', 'nev|421200', b, 'l');
      c.put('linkFirms', 'nev.cell', b, 'f');
      c.put('regionTies', '421200', b, 't');
      c.put('courted', '421200|{}', b, 'p');
    };
    const held = (c: EngineCache, b: string) =>
      EVERY_KIND.filter(
        (k) =>
          c.get(
            k,
            {
              national: 'nev',
              catalog: '',
              local: 'nev|421200',
              linkFirms: 'nev.cell',
              regionTies: '421200',
              courted: '421200|{}',
            }[k],
            b,
          ) !== undefined,
      );

    it('carries over the kinds that depend on none of the parts they changed', () => {
      const c = new EngineCache();
      fill(c, at(300));
      c.committed(at(301), says('tracking', 'audit'));
      expect(held(c, at(301))).toEqual([...EVERY_KIND]);
      c.committed(at(302), says('pipeline', 'audit'));
      c.committed(at(303), says('users'));
      expect(held(c, at(303))).toEqual(['national', 'catalog', 'local', 'linkFirms', 'regionTies']);
      expect(c.stats.carried).toBe(6 + 5 + 5);
      c.committed(at(304), says('ties'));
      expect(held(c, at(304))).toEqual(['national', 'catalog', 'local', 'linkFirms']);
      fill(c, at(304));
      c.committed(at(305), says('enterprises'));
      expect(held(c, at(305))).toEqual(['catalog', 'regionTies', 'courted']);
      c.committed(at(306), says('chains'));
      expect(held(c, at(306))).toEqual(['regionTies', 'courted']);
      c.committed(at(307), says('locations'));
      expect(held(c, at(307))).toEqual(['courted']);
      // Never at the states left behind.
      expect(held(c, at(300))).toEqual([]);
    });

    it('retires, after a write to firms of some chains, only those chains’ entries of the kinds keyed by chain', () => {
      const c = new EngineCache();
      const b = at(600);
      c.put('national', 'nev', b, 'n');
      c.put('national', 'ic', b, 'n');
      c.put('local', 'nev\u0000421200', b, 'l');
      c.put('local', 'ic\u0000421200', b, 'l');
      c.put('linkFirms', 'nev.cell', b, { chainId: 'nev', firms: [] });
      c.put('linkFirms', 'ic.chip', b, { chainId: 'ic', firms: [] });
      c.put('linkFirms', 'loose', b, { chainId: null, firms: [] });
      c.put('regionTies', '421200', b, 't');
      c.put('catalog', '', b, 'c');
      c.put('courted', '421200|{}', b, 'p');
      const held = (state: string) =>
        (
          [
            ['national', 'nev'],
            ['national', 'ic'],
            ['local', 'nev\u0000421200'],
            ['local', 'ic\u0000421200'],
            ['linkFirms', 'nev.cell'],
            ['linkFirms', 'ic.chip'],
            ['linkFirms', 'loose'],
            ['regionTies', '421200'],
            ['catalog', ''],
            ['courted', '421200|{}'],
          ] as const
        )
          .filter(([kind, key]) => c.get(kind, key, state) !== undefined)
          .map(([kind, key]) => `${kind}:${key.replace('\u0000', '|')}`);
      // An enterprise of nev edited: nev's figures and a link without a chain are read again.
      c.committed(at(601), { parts: ['enterprises', 'audit'], chains: ['nev'] });
      expect(held(at(601))).toEqual([
        'national:ic',
        'local:ic|421200',
        'linkFirms:ic.chip',
        'regionTies:421200',
        'catalog:',
        'courted:421200|{}',
      ]);
      // Moved to another region: also the regions' tie counts, which depend on where firms are.
      c.committed(at(602), { parts: ['enterprises', 'locations'], chains: ['nev'] });
      expect(held(at(602))).toEqual([
        'national:ic',
        'local:ic|421200',
        'linkFirms:ic.chip',
        'catalog:',
        'courted:421200|{}',
      ]);
      c.put('regionTies', '421200', at(602), 't');
      // A firm created with no link names no chain; one that cannot name its chains, every chain.
      c.committed(at(603), { parts: ['enterprises', 'locations'], chains: [] });
      expect(held(at(603))).toEqual([
        'national:ic',
        'local:ic|421200',
        'linkFirms:ic.chip',
        'catalog:',
        'courted:421200|{}',
      ]);
      c.committed(at(604), { parts: ['enterprises', 'ties'], chains: ['ic'] });
      expect(held(at(604))).toEqual(['catalog:', 'courted:421200|{}']);
      c.put('national', 'ic', at(604), 'n');
      c.committed(at(605), says('enterprises'));
      expect(held(at(605))).toEqual(['catalog:', 'courted:421200|{}']);
    });

    it('retires everything when a commit in between is not its own, says nothing, or cannot be placed', () => {
      const c = new EngineCache();
      fill(c, at(400));
      // 401 is someone else's: only 402 was announced.
      c.committed(at(402), says('tracking'));
      expect(held(c, at(402))).toEqual([]);

      fill(c, at(402));
      c.committed(at(403), null);
      expect(held(c, at(403))).toEqual([]);

      fill(c, at(403));
      c.committed(at(404), says('tracking'));
      // A request sees 405, which nobody announced.
      c.put('catalog', '', at(405), 'c2');
      expect(held(c, at(405))).toEqual(['catalog']);

      fill(c, at(405));
      c.committed(at(406, 'ffffffffffffffffffffffffffffffff'), says('tracking'));
      expect(held(c, at(406, 'ffffffffffffffffffffffffffffffff'))).toEqual([]);

      fill(c, 'B1');
      c.committed('B2', says('tracking'));
      expect(held(c, 'B2')).toEqual([]);
    });

    it('retires at a commit announced before an earlier one, and carries over from the state after', () => {
      const c = new EngineCache();
      fill(c, at(500));
      // Two commits of this server announced out of order; the later one first.
      c.committed(at(502), says('tracking'));
      expect(held(c, at(502))).toEqual([]);
      fill(c, at(502));
      c.committed(at(503), says('tracking'));
      c.committed(at(504), says('tracking'));
      // What was read at 502 holds at 504.
      expect(held(c, at(504))).toEqual([...EVERY_KIND]);
    });
  });

  it('with refresh, reads the retired entries again at the new state, most needed first', async () => {
    const c = new EngineCache({ refresh: { logger: createLogger('silent', 'test') } });
    let state = 'B1';
    const reads: string[] = [];
    const loader = (key: string) => async () => {
      reads.push(key);
      return { value: `${key}@${state}`, bookmark: state };
    };
    await c.load('linkFirms', 'nev.cell', 'B1', loader('nev.cell'));
    await c.load('national', 'nev', 'B1', loader('nev'));
    c.put('regionTies', 'unused', 'B1', 'no reload');
    reads.length = 0;

    state = 'B2';
    c.committed('B2');
    await c.settled();
    expect(reads).toEqual(['nev', 'nev.cell']);
    expect(c.get('national', 'nev', 'B2')).toBe('nev@B2');
    expect(c.get('linkFirms', 'nev.cell', 'B2')).toBe('nev.cell@B2');
    expect(c.get('regionTies', 'unused', 'B2')).toBeUndefined();
    expect(c.stats.refreshed).toBe(2);

    // Committed elsewhere during the refresh: nothing is kept at the wrong state, and the refresh
    // waits for a request to see the newer state, then goes on.
    reads.length = 0;
    c.committed('B3');
    state = 'B4';
    await c.settled();
    expect(reads).toEqual(['nev']);
    expect(c.get('national', 'nev', 'B3')).toBeUndefined();
    expect(c.get('national', 'nev', 'B4')).toBeUndefined();
    c.put('catalog', '', 'B4', 'seen by a request');
    await c.settled();
    expect(reads).toEqual(['nev', 'nev', 'nev.cell']);
    expect(c.get('national', 'nev', 'B4')).toBe('nev@B4');
    expect(c.get('linkFirms', 'nev.cell', 'B4')).toBe('nev.cell@B4');
  });

  it('stops refreshing when stopped', async () => {
    const c = new EngineCache({ refresh: { logger: createLogger('silent', 'test') } });
    let reads = 0;
    await c.load('national', 'nev', 'B1', async () => ({ value: ++reads, bookmark: 'B1' }));
    await c.stop();
    c.committed('B2');
    await c.settled();
    expect(reads).toBe(1);
  });

  it('steps aside while a request reads figures of its own', async () => {
    const c = new EngineCache({ refresh: { logger: createLogger('silent', 'test') } });
    const reads: string[] = [];
    const loader = (key: string, state: string) => async () => {
      reads.push(key);
      return { value: key, bookmark: state };
    };
    await c.load('national', 'a', 'B1', loader('a', 'B2'));
    c.put('national', 'a', 'B1', 'a', 1, loader('a', 'B2'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const asked = c.load('local', 'mine', 'B2', async () => {
      await gate;
      reads.push('mine');
      return { value: 'mine', bookmark: 'B2' };
    });
    reads.length = 0;
    c.committed('B2');
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toEqual([]);
    release();
    await asked;
    await c.settled();
    expect(reads).toEqual(['mine', 'a']);
  });
});
