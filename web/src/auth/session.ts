import { useSyncExternalStore } from 'react';

// The signed-in session: the API's token, kept in localStorage so that a reload (or another tab)
// stays signed in until the token expires or the user signs out.

export interface Session {
  token: string;
  /** ISO date-time the token expires. */
  expiresAt: string;
  username: string;
}

const KEY = 'chainmap.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return typeof s.token === 'string' && Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();

function emit(): void {
  for (const l of listeners) l();
}

/** The session, or null when signed out or expired. */
export function getSession(): Session | null {
  if (current && Date.parse(current.expiresAt) <= Date.now()) clearSession();
  return current;
}

/** Remember a new session (after signing in). */
export function setSession(s: Session): void {
  current = s;
  globalThis.localStorage?.setItem(KEY, JSON.stringify(s));
  emit();
}

/** Forget the session: signing out, or the API refused the token. */
export function clearSession(): void {
  if (!current && !globalThis.localStorage?.getItem(KEY)) return;
  current = null;
  globalThis.localStorage?.removeItem(KEY);
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Signing in or out in another tab applies here too.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    current = read();
    listener();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** The session as React state. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}

/** `Authorization` for a request outside urql (the XLSX download). */
export function authHeaders(): Record<string, string> {
  const s = getSession();
  return s ? { authorization: `Bearer ${s.token}` } : {};
}
