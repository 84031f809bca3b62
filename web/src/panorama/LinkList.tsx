import { LINK_STAGE_LABEL, LINK_STAGES } from '../ui/labels';
import type { PanoramaModel } from './model';
import { STATUS_META, statusText } from './status';

/** The panorama as a table by stage: for keyboards, screen readers, small screens and print. */
export function LinkList({
  model,
  selected,
  onSelect,
}: {
  model: PanoramaModel;
  selected?: string | null;
  onSelect?: (key: string) => void;
}) {
  const rows = [...model.byKey.values()];
  return (
    <div className="link-list">
      {LINK_STAGES.map((stage) => {
        const nodes = model.nodes.filter((n) => n.stage === stage);
        if (!nodes.length) return null;
        return (
          <table key={stage} className="table">
            <caption>{LINK_STAGE_LABEL[stage]}</caption>
            <thead>
              <tr>
                <th scope="col">环节</th>
                <th scope="col">状态</th>
                <th scope="col">本地企业</th>
                <th scope="col">龙头</th>
              </tr>
            </thead>
            <tbody>
              {nodes
                .flatMap((n) => [n, ...n.subLinks])
                .map((l) => {
                  const m = STATUS_META[l.status];
                  return (
                    <tr key={l.key} className={selected === l.key ? 'is-selected' : undefined}>
                      <th scope="row" style={{ paddingLeft: 8 + l.depth * 16 }}>
                        {onSelect ? (
                          <button type="button" className="link-button" onClick={() => onSelect(l.key)}>
                            {l.isKey ? '★ ' : ''}
                            {l.name}
                          </button>
                        ) : (
                          <>
                            {l.isKey ? '★ ' : ''}
                            {l.name}
                          </>
                        )}
                      </th>
                      <td>
                        <span
                          className="status-badge"
                          style={{ color: m.text, borderColor: m.border, background: m.fill }}
                        >
                          <span aria-hidden="true">{m.icon}</span> {statusText(l.status, l.isKey)}
                        </span>
                      </td>
                      <td>{l.localCount ?? '—'}</td>
                      <td>{l.anchorCount ?? '—'}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        );
      })}
      {rows.length === 0 && <p>该产业链还没有环节。</p>}
    </div>
  );
}
