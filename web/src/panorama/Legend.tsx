import type { DisplayStatus } from './status';
import { STATUS_META, STATUS_ORDER } from './status';

/** What the colours, icons and marks of the panorama mean, with counts when known. */
export function Legend({ counts }: { counts?: Record<DisplayStatus, number> }) {
  return (
    <ul className="legend" aria-label="图例">
      {STATUS_ORDER.filter((s) => s !== 'UNKNOWN' || (counts?.UNKNOWN ?? 0) > 0).map((s) => {
        const m = STATUS_META[s];
        return (
          <li key={s} title={m.hint}>
            <span
              className="legend-swatch"
              style={{ background: m.fill, borderColor: m.border, color: m.text }}
              aria-hidden="true"
            >
              {m.icon}
            </span>
            {m.label}
            {counts && <span className="legend-count">{counts[s]}</span>}
            <span className="visually-hidden">：{m.hint}</span>
          </li>
        );
      })}
      <li>
        <span className="legend-swatch key" aria-hidden="true">
          ★
        </span>
        关键环节
      </li>
      <li>
        <span className="legend-arrow" aria-hidden="true">
          →
        </span>
        供给关系（上游供给下游）
      </li>
    </ul>
  );
}
