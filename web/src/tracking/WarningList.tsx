import { Link } from 'react-router';
import { SEVERITY_LABEL, WARNING_KIND_LABEL } from './schedule';

export interface WarningItem {
  kind: string;
  severity: string;
  reason: string;
  regionName: string;
  projectKey?: string | null;
  projectName?: string | null;
}

/**
 * 预警: most serious first, each with its level and kind in words (never colour alone), where,
 * which project and why. `projectHref` makes the project a link (to the pipeline board).
 */
export function WarningList({
  warnings,
  projectHref,
  limit,
}: {
  warnings: readonly WarningItem[];
  projectHref?: (key: string) => string;
  limit?: number;
}) {
  if (warnings.length === 0) return <p className="state state-empty">暂无预警。</p>;
  const shown = limit ? warnings.slice(0, limit) : warnings;
  return (
    <>
      <ul className="warning-list" aria-label="预警">
        {shown.map((w, i) => (
          <li
            key={`${w.kind}-${w.projectKey ?? w.regionName}-${i}`}
            className={`warning sev-${w.severity.toLowerCase()}`}
          >
            <span className="badge">
              <span aria-hidden="true">{w.severity === 'HIGH' ? '⚠' : '△'}</span>{' '}
              {SEVERITY_LABEL[w.severity] ?? w.severity}
            </span>{' '}
            <strong>{WARNING_KIND_LABEL[w.kind] ?? w.kind}</strong> · {w.regionName}
            {w.projectKey && (
              <>
                {' · '}
                {projectHref ? (
                  <Link to={projectHref(w.projectKey)}>{w.projectName ?? w.projectKey}</Link>
                ) : (
                  (w.projectName ?? w.projectKey)
                )}
              </>
            )}
            <div className="muted">{w.reason}</div>
          </li>
        ))}
      </ul>
      {limit && warnings.length > limit && (
        <p className="muted">另有 {warnings.length - limit} 条预警未列出。</p>
      )}
    </>
  );
}
