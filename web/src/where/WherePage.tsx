import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { readKey, scopedHref, useScope } from '../app/scope';
import { WhereGapsDocument, WhereSourcesDocument } from '../gql/graphql';
import { displayStatus, STATUS_META } from '../panorama/status';
import { percent } from '../ui/format';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';
import { rollUpProvinces } from './provinces';

const ChinaMap = lazy(() => import('./ChinaMap'));

/** 到哪招: where the candidates for the chosen gaps are, on a map of China and in a ranked list. */
export default function WherePage() {
  const { scope, params, update } = useScope();
  const chosen = readKey(params, 'gap');
  const [province, setProvince] = useState<string | null>(null);
  const ready = Boolean(scope.chain && scope.region);
  const [gapsRes, refetchGaps] = useQuery({
    query: WhereGapsDocument,
    variables: { chainId: scope.chain ?? '', regionCode: scope.region ?? '' },
    pause: !ready,
  });
  const [srcRes, refetchSrc] = useQuery({
    query: WhereSourcesDocument,
    variables: { chainId: scope.chain ?? '', regionCode: scope.region ?? '', linkId: chosen },
    pause: !ready,
  });
  const gaps = gapsRes.data?.chainDiagnosis.gaps ?? [];
  const rows = useMemo(() => rollUpProvinces(srcRes.data?.sourceRegions ?? []), [srcRes.data]);
  const choose = (key: string | null) => update({ gap: key });

  if (!ready)
    return (
      <div className="page">
        <h1>到哪招</h1>
        <Empty>请先在上方选择地区和产业链。</Empty>
      </div>
    );
  return (
    <div className="page where-page">
      <h1>
        到哪招 <small>候选企业的地区分布</small>
      </h1>
      <section aria-labelledby="gaps-h">
        <h2 id="gaps-h">选择缺口环节</h2>
        {gapsRes.error ? (
          <ErrorNotice error={gapsRes.error} what="缺口环节" onRetry={retry(refetchGaps)} />
        ) : gapsRes.fetching ? (
          <Loading />
        ) : gaps.length === 0 ? (
          <Empty>本地区该产业链没有缺口环节。</Empty>
        ) : (
          <ul className="chip-list" role="radiogroup" aria-labelledby="gaps-h">
            <li>
              <label className="chip">
                <input type="radio" name="gap" checked={!chosen} onChange={() => choose(null)} />
                全部缺口 <small>{gaps.length} 个</small>
              </label>
            </li>
            {gaps.map((d) => {
              const s = displayStatus(d);
              const m = STATUS_META[s];
              return (
                <li key={d.link.key}>
                  <label className="chip" style={{ borderColor: m.border }}>
                    <input
                      type="radio"
                      name="gap"
                      checked={chosen === d.link.key}
                      onChange={() => choose(d.link.key)}
                    />
                    {d.link.isKey ? '★' : ''}
                    {d.link.name} <small style={{ color: m.text }}>{m.label}</small>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {srcRes.error ? (
        <ErrorNotice error={srcRes.error} what="候选企业地区分布" onRetry={retry(refetchSrc)} />
      ) : srcRes.fetching && !srcRes.data ? (
        <Loading>正在统计各地候选企业…</Loading>
      ) : rows.length === 0 ? (
        <Empty>所选缺口在外地没有找到候选企业。换一个环节试试。</Empty>
      ) : (
        <div className="where-grid">
          <Suspense fallback={<Loading>正在加载地图…</Loading>}>
            <ChinaMap rows={rows} selected={province} onSelect={setProvince} />
          </Suspense>
          <table className="table ranked" aria-label="各省候选企业排名">
            <thead>
              <tr>
                <th scope="col">排名</th>
                <th scope="col">省份</th>
                <th scope="col">候选企业</th>
                <th scope="col">其中龙头</th>
                <th scope="col">龙头占比</th>
                <th scope="col">所属来源区 / 主要地区</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.prefix} className={province === r.prefix ? 'is-selected' : undefined}>
                  <td>{i + 1}</td>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setProvince(r.prefix)}
                      aria-pressed={province === r.prefix}
                    >
                      {r.mapName}
                    </button>
                  </th>
                  <td>{r.candidates}</td>
                  <td>{r.anchors}</td>
                  <td>
                    <span className="nowrap">
                      <span className="mini-bar" aria-hidden="true">
                        <span style={{ width: `${Math.round(r.strength * 100)}%` }} />
                      </span>{' '}
                      {percent(r.strength)}
                    </span>
                  </td>
                  <td>
                    {r.regions.slice(0, 3).map((g) => (
                      <span key={g.code} className="region-chip">
                        {g.name}
                        {g.zones.length > 0 && <small>（{g.zones.join('、')}）</small>}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        想看某个环节的具体企业，请到<Link to={scopedHref('/chain', scope)}>产业链全景图</Link>点击该环节。
      </p>
    </div>
  );
}
