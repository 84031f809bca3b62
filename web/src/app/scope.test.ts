import { describe, expect, it } from 'vitest';
import { patchSearch, readKeys, readScope, scopedHref } from './scope';

describe('URL state', () => {
  it('reads region and chain, ignoring malformed values', () => {
    expect(readScope(new URLSearchParams('region=421200&chain=nev'))).toEqual({
      region: '421200',
      chain: 'nev',
    });
    expect(readScope(new URLSearchParams('region=4212Z01'))).toEqual({ region: '4212Z01', chain: null });
    expect(readScope(new URLSearchParams('region=<script>&chain=a b'))).toEqual({
      region: null,
      chain: null,
    });
  });

  it('builds shareable links with the scope first and empty values left out', () => {
    expect(scopedHref('/chain', { region: '421200', chain: 'nev' }, { link: 'nev.cathode', x: null })).toBe(
      '/chain?region=421200&chain=nev&link=nev.cathode',
    );
    expect(scopedHref('/pipeline', { region: null, chain: null })).toBe('/pipeline');
  });

  it('drops the open link and chosen gaps when the region or chain changes', () => {
    const cur = new URLSearchParams('region=421200&chain=nev&link=nev.cathode&gap=a&view=list');
    expect(patchSearch(cur, { chain: 'ic' }).toString()).toBe('region=421200&chain=ic&view=list');
    expect(patchSearch(cur, { link: 'nev.anode' }).get('gap')).toBe('a');
    expect(patchSearch(cur, { region: '421200' }).get('link')).toBe('nev.cathode');
    expect(patchSearch(cur, { view: null }).has('view')).toBe(false);
  });

  it('reads key lists', () => {
    expect(readKeys(new URLSearchParams('gaps=nev.a,nev.b,,bad key'), 'gaps')).toEqual(['nev.a', 'nev.b']);
  });
});
