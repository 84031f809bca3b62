import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { scopedHref, useScope } from '../app/scope';
import { EnterprisePageDocument, type EnterpriseGraph_PeerFragment } from '../gql/graphql';
import { formatNumber, percent, yi } from '../ui/format';
import {
  LINK_STAGE_LABEL,
  PROJECT_STAGE_LABEL,
  SOURCE_LABEL,
  tagLabel,
  type ProjectStageName,
} from '../ui/labels';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';
import { buildTies } from './graph';

const EnterpriseGraph = lazy(() => import('./EnterpriseGraph'));

function PeerList({
  title,
  peers,
}: {
  title: string;
  peers: readonly { enterprise: EnterpriseGraph_PeerFragment; share?: number | null }[];
}) {
  return (
    <section className="card">
      <h3>
        {title} <small>{peers.length} 家</small>
      </h3>
      {peers.length === 0 ? (
        <p className="muted">暂无记录</p>
      ) : (
        <ul className="plain-list">
          {peers.slice(0, 30).map(({ enterprise: e, share }) => (
            <li key={e.key}>
              <Link to={`/enterprise/${encodeURIComponent(e.key)}${window.location.search}`}>{e.name}</Link>
              <small className="muted">
                {e.city ? ` ${e.city.name}` : ''}
                {share != null ? ` · 持股 ${percent(share)}` : ''}
              </small>
            </li>
          ))}
          {peers.length > 30 && <li className="muted">另有 {peers.length - 30} 家</li>}
        </ul>
      )}
    </section>
  );
}

/** 企业: facts, tags, links, region, ties as a small graph, and projects. */
export default function EnterprisePage() {
  const { key = '' } = useParams();
  const { scope } = useScope();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EnterprisePageDocument,
    variables: { id: key },
  });
  const e = data?.enterprise;
  const ties = useMemo(() => (e ? buildTies(e, e) : null), [e]);
  if (error)
    return (
      <div className="page">
        <ErrorNotice error={error} what="企业信息" onRetry={retry(refetch)} />
      </div>
    );
  if (fetching && !data) return <Loading>正在加载企业信息…</Loading>;
  if (!e)
    return (
      <div className="page">
        <h1>找不到企业</h1>
        <Empty>图谱中没有编号为“{key}”的企业。请用顶部搜索框按名称或股票代码查找。</Empty>
      </div>
    );
  const wrap = (xs: readonly EnterpriseGraph_PeerFragment[]) => xs.map((enterprise) => ({ enterprise }));
  const hasTies = ties && ties.edges.length > 0;
  return (
    <div className="page enterprise-page">
      <h1>
        {e.name} {e.stockCode && <small>{e.stockCode}</small>}
      </h1>
      {e.synthetic && <p className="note">ⓘ 这是系统生成的模拟企业（用于演示），不是真实企业。</p>}
      <div className="facts-grid">
        <dl className="facts card">
          <dt>全称</dt>
          <dd>{e.fullName ?? '—'}</dd>
          <dt>统一社会信用代码</dt>
          <dd>{e.creditCode ?? '—'}</dd>
          <dt>所在地</dt>
          <dd>
            {[e.province, e.city, e.county].filter(Boolean).map((r, i) => (
              <span key={r!.code}>
                {i > 0 && ' · '}
                <Link to={scopedHref('/', { ...scope, region: r!.code })}>{r!.name}</Link>
              </span>
            ))}
            {!e.province && '—'}
          </dd>
          <dt>营业收入</dt>
          <dd>{yi(e.revenue)}</dd>
          <dt>员工人数</dt>
          <dd>{e.employees != null ? `${formatNumber(e.employees, 0)} 人` : '—'}</dd>
          <dt>类别</dt>
          <dd>
            {e.tags.length
              ? e.tags.map((t) => (
                  <span key={t} className="tag">
                    {tagLabel(t)}
                  </span>
                ))
              : '—'}
          </dd>
        </dl>
        <section className="card">
          <h2>所在环节</h2>
          {e.links.length === 0 ? (
            <p className="muted">尚未归入任何产业链环节。</p>
          ) : (
            <ul className="plain-list">
              {e.links.map((l) => (
                <li key={l.link.key}>
                  <Link
                    to={scopedHref(
                      '/chain',
                      { ...scope, chain: l.link.chain?.key ?? scope.chain },
                      { link: l.link.key },
                    )}
                  >
                    {l.link.chain?.name} · {l.link.name}
                  </Link>{' '}
                  <small className="muted">
                    {LINK_STAGE_LABEL[l.link.stage]}
                    {l.source ? ` · ${SOURCE_LABEL[l.source] ?? l.source}` : ''}
                    {l.confidence != null ? ` · 置信度 ${percent(l.confidence)}` : ''}
                  </small>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section>
        <h2>供应链与股权关系</h2>
        {!hasTies ? (
          <Empty>暂无该企业的供应、客户或投资关系记录。</Empty>
        ) : (
          <Suspense fallback={<Loading>正在加载关系图…</Loading>}>
            <EnterpriseGraph nodes={ties.nodes} edges={ties.edges} />
          </Suspense>
        )}
        <div className="card-grid">
          <PeerList title="供应商" peers={wrap(e.suppliers)} />
          <PeerList title="客户" peers={wrap(e.customers)} />
          <PeerList title="股东" peers={e.investors} />
          <PeerList title="对外投资" peers={e.investments} />
        </div>
      </section>
      <section>
        <h2>招商项目</h2>
        {e.projects.length === 0 ? (
          <Empty>该企业还没有招商项目。</Empty>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">项目</th>
                <th scope="col">阶段</th>
                <th scope="col">金额</th>
                <th scope="col">落地地区</th>
                <th scope="col">阶段日期</th>
              </tr>
            </thead>
            <tbody>
              {e.projects.map((p) => (
                <tr key={p.key}>
                  <th scope="row">{p.name}</th>
                  <td>{PROJECT_STAGE_LABEL[p.stage as ProjectStageName]}</td>
                  <td>{yi(p.amount)}</td>
                  <td>{p.region?.name ?? '—'}</td>
                  <td>{p.stageOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
