import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The place and chain a user is working on. It lives in the URL (`?region=421200&chain=nev`), so
 * any view can be shared by link and the browser's back button undoes a choice.
 */
export interface Scope {
  /** GB/T 2260 code (`421200`) or zone code (`4212Z01`). */
  region: string | null;
  /** Chain domain key, e.g. `nev`. */
  chain: string | null;
}

const REGION_CODE = /^(\d{6}|\d{4}Z\d{2})$/;
const KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;

/** The scope in a query string; a malformed value counts as not chosen. */
export function readScope(params: URLSearchParams): Scope {
  const region = params.get('region');
  const chain = params.get('chain');
  return {
    region: region && REGION_CODE.test(region) ? region : null,
    chain: chain && KEY.test(chain) ? chain : null,
  };
}

/** A domain key from the URL (link, enterprise…), or null when absent or malformed. */
export function readKey(params: URLSearchParams, name: string): string | null {
  const v = params.get(name);
  return v && KEY.test(v) ? v : null;
}

/** A comma-separated list of keys from the URL, malformed ones dropped. */
export function readKeys(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '').split(',').filter((k) => KEY.test(k));
}

/**
 * `path` with the scope (and any extra parameters) as its query string. Null or empty values are
 * left out; region and chain come first so links read the same everywhere.
 */
export function scopedHref(
  path: string,
  scope: Scope,
  extra: Record<string, string | null | undefined> = {},
): string {
  const params = new URLSearchParams();
  if (scope.region) params.set('region', scope.region);
  if (scope.chain) params.set('chain', scope.chain);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The query string after changing some parameters: `null` removes one. Changing the region or the
 * chain drops the parameters that only made sense for the old one (the open link, chosen gaps).
 */
export function patchSearch(current: URLSearchParams, patch: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(current);
  const scopeChanged =
    ('region' in patch && patch.region !== current.get('region')) ||
    ('chain' in patch && patch.chain !== current.get('chain'));
  if (scopeChanged) for (const k of ['link', 'gap']) next.delete(k);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === '') next.delete(k);
    else next.set(k, v);
  }
  return next;
}

/** The scope of the current URL and a setter that writes it back (keeping other parameters). */
export function useScope(): {
  scope: Scope;
  params: URLSearchParams;
  update: (patch: Record<string, string | null>, opts?: { replace?: boolean }) => void;
} {
  const [params, setParams] = useSearchParams();
  const scope = useMemo(() => readScope(params), [params]);
  const update = useCallback(
    (patch: Record<string, string | null>, opts?: { replace?: boolean }) =>
      setParams((cur) => patchSearch(cur, patch), { replace: opts?.replace ?? false }),
    [setParams],
  );
  return { scope, params, update };
}
