import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { describeError } from '../api/errors';

/** Shown while something loads: a short sentence, announced politely to screen readers. */
export function Loading({ children = '正在加载…' }: { children?: ReactNode }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {children}
    </p>
  );
}

/** An error: what happened, what to do, and a retry button when retrying can help. */
export function ErrorNotice({
  error,
  what,
  onRetry,
}: {
  error: CombinedError;
  /** What was being loaded, e.g. "产业链列表". */
  what: string;
  onRetry?: () => void;
}) {
  const p = describeError(error);
  if (p.kind === 'pending')
    return (
      <div className="state state-pending" role="note" data-pending={p.pending}>
        <strong>⏳ {what}：</strong>
        {p.message}。{p.action}
      </div>
    );
  return (
    <div className="state state-error" role="alert">
      <strong>⚠ 加载{what}失败：</strong>
      {p.message}。{p.action}
      {onRetry && p.kind !== 'not-found' && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  );
}

/** Nothing to show: say so, and what the user can do instead. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** Retry helper: re-run an urql query bypassing the cache. */
export const retry = (refetch: (opts: { requestPolicy: 'network-only' }) => void) => () =>
  refetch({ requestPolicy: 'network-only' });
