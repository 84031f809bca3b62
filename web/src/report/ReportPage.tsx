import { lazy, Suspense, useMemo } from 'react';
import { useQuery } from 'urql';
import { downloadAsUser, investmentMapXlsxUrl } from '../api/actions';
import { authHeaders } from '../auth/session';
import { SignInNeeded } from '../auth/UserMenu';
import { useMe } from '../auth/useMe';
import { useScope } from '../app/scope';
import {
  ChainDiagnosisDocument,
  ReportBaseDocument,
  ReportTargetsDocument,
  WhereSourcesDocument,
} from '../gql/graphql';
import { Legend } from '../panorama/Legend';
import { LinkList } from '../panorama/LinkList';
import { buildPanorama, countByStatus } from '../panorama/model';
import { STATUS_META } from '../panorama/status';
import { groupBoard } from '../pipeline/board';
import { rollUpProvinces } from '../where/provinces';
import { formatNumber, percent, score, yi } from '../ui/format';
import { factorLabel, GAP_LABEL, tagLabel } from '../ui/labels';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';

const PanoramaGraph = lazy(() => import('../panorama/PanoramaGraph'));
const noop = () => {};

/**
 * 招商地图报告: one printable document per region and chain, in the four questions' order.
 * Prints to A4 from the browser (print CSS in styles.css); the XLSX export is the API's.
 */
export default function ReportPage() {
  const { scope } = useScope();
  const ready = Boolean(scope.region && scope.chain);
  const vars = { chainId: scope.chain ?? '', regionCode: scope.region ?? '' };
  const { signedIn } = useMe();
  const [base, refetchBase] = useQuery({
    query: ReportBaseDocument,
    variables: { ...vars, chainKey: scope.chain ?? '', withPipeline: signedIn },
    pause: !ready,
  });
  const [diag, refetchDiag] = useQuery({ query: ChainDiagnosisDocument, variables: vars, pause: !ready });
  const [targets, refetchTargets] = useQuery({
    query: ReportTargetsDocument,
    variables: vars,
    pause: !ready,
  });
  const [sources, refetchSources] = useQuery({
    query: WhereSourcesDocument,
    variables: { ...vars, linkId: null },
    pause: !ready,
  });

  const chain = base.data?.chain;
  const region = base.data?.region;
  const model = useMemo(
    () => (chain ? buildPanorama(chain.links, diag.data?.chainDiagnosis.links ?? null) : null),
    [chain, diag.data],
  );
  const provinces = useMemo(() => rollUpProvinces(sources.data?.sourceRegions ?? []), [sources.data]);
  // Gaps by severity: 断链·关键 > 断链 > 缺链·关键 > 缺链 > 弱链·关键 > 弱链 (the order of GAP_LABEL).
  const gapOrder = Object.keys(GAP_LABEL);
  const gaps = (diag.data?.chainDiagnosis.links ?? [])
    .filter((d) => d.gap)
    .sort((a, b) => gapOrder.indexOf(a.gap!) - gapOrder.indexOf(b.gap!));
  const board = useMemo(
    () => groupBoard(base.data?.projects?.edges.map((e) => e.node) ?? [], []),
    [base.data],
  );
  // The task force of the chosen region itself first (a city's before its counties').
  const libraries = [...(base.data?.targetLibraries ?? [])].sort(
    (a, b) =>
      Number(b.taskForce?.region?.code === region?.code) - Number(a.taskForce?.region?.code === region?.code),
  );
  const lead = libraries[0]?.taskForce;
  const today = new Date().toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' });

  if (!ready)
    return (
      <div className="page">
        <h1>招商地图报告</h1>
        <Empty>请先在上方选择地区和产业链，再生成报告。</Empty>
      </div>
    );
  if (base.error)
    return (
      <div className="page">
        <ErrorNotice error={base.error} what="报告" onRetry={retry(refetchBase)} />
      </div>
    );
  if (base.fetching || !base.data) return <Loading>正在生成报告…</Loading>;
  if (!chain || !region || !model)
    return (
      <div className="page">
        <Empty>找不到所选的地区或产业链，请在上方重新选择。</Empty>
      </div>
    );

  const title = `${region.name}${chain.name}产业链招商地图`;
  return (
    <article className="report" aria-label={title}>
      <div className="report-toolbar no-print">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          打印 / 另存为 PDF
        </button>
        <a
          className="btn"
          href={investmentMapXlsxUrl(region.code, chain.key)}
          download
          data-testid="xlsx-export"
          onClick={(e) => {
            // Signed in: the export includes the pipeline in the user's scope, so send the token.
            const headers = authHeaders();
            if (!headers.authorization) return;
            e.preventDefault();
            void downloadAsUser(investmentMapXlsxUrl(region.code, chain.key), headers).catch((err: unknown) =>
              window.alert(err instanceof Error ? err.message : String(err)),
            );
          }}
        >
          ⬇ 导出 Excel（XLSX）
        </a>
        <span className="muted">打印时请选择 A4 纸张、纵向；页眉页脚可在打印对话框中关闭。</span>
      </div>

      <section className="report-cover">
        <p className="cover-kicker">一条产业链 · 一名市级领导 · 一个招商专班 · 一张招商地图</p>
        <h1>{title}</h1>
        <p className="cover-meta">
          {region.parent ? `${region.parent.name} ` : ''}
          {region.name} · 生成于 {today}
        </p>
        {lead && (
          <p className="cover-meta">
            {lead.name}
            {lead.leader
              ? ` · 链长 ${lead.leader.name}${lead.leader.title ? `（${lead.leader.title}）` : ''}`
              : ''}
          </p>
        )}
      </section>

      <section className="report-section">
        <h2>一、招什么：本地产业链诊断</h2>
        {diag.error ? (
          <ErrorNotice error={diag.error} what="本地诊断" onRetry={retry(refetchDiag)} />
        ) : diag.fetching ? (
          <Loading />
        ) : (
          <>
            {diag.data?.chainDiagnosis && (
              <p>
                本地环节覆盖率 {percent(diag.data.chainDiagnosis.coverage)}；共有缺口 {gaps.length} 个。
              </p>
            )}
            <Legend counts={countByStatus(model)} />
            <div className="report-panorama">
              <Suspense fallback={<Loading>正在绘制全景图…</Loading>}>
                <PanoramaGraph
                  model={model}
                  selected={null}
                  onSelect={noop}
                  height={520}
                  interactive={false}
                />
              </Suspense>
            </div>
            {gaps.length > 0 && (
              <table className="table">
                <caption>缺口环节（按严重程度）</caption>
                <thead>
                  <tr>
                    <th scope="col">环节</th>
                    <th scope="col">缺口类型</th>
                    <th scope="col">本地企业</th>
                  </tr>
                </thead>
                <tbody>
                  {gaps.map((d) => (
                    <tr key={d.link.key}>
                      <th scope="row">{model.byKey.get(d.link.key)?.name ?? d.link.key}</th>
                      <td>
                        {STATUS_META[model.byKey.get(d.link.key)?.status ?? 'UNKNOWN'].icon}{' '}
                        {GAP_LABEL[d.gap!] ?? d.gap}
                      </td>
                      <td>{d.localCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>全部环节</h3>
            <LinkList model={model} />
          </>
        )}
      </section>

      <section className="report-section">
        <h2>二、招谁：目标企业</h2>
        {targets.error ? (
          <ErrorNotice error={targets.error} what="目标企业" onRetry={retry(refetchTargets)} />
        ) : targets.fetching ? (
          <Loading />
        ) : (targets.data?.gapTargets.hits ?? []).length === 0 ? (
          <Empty>没有找到目标企业。</Empty>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">企业</th>
                <th scope="col">补哪个环节</th>
                <th scope="col">所在地</th>
                <th scope="col">类别</th>
                <th scope="col">营收</th>
                <th scope="col">得分</th>
                <th scope="col">主要理由</th>
              </tr>
            </thead>
            <tbody>
              {targets.data!.gapTargets.hits.map((t, i) => {
                const top = [...t.factors].sort((a, b) => b.contribution - a.contribution)[0];
                return (
                  <tr key={`${t.link.key}:${t.enterprise.key}`}>
                    <td>{i + 1}</td>
                    <th scope="row">{t.enterprise.name}</th>
                    <td>{t.link.name}</td>
                    <td>
                      {[t.enterprise.province?.name, t.enterprise.city?.name].filter(Boolean).join(' ')}
                    </td>
                    <td>{t.enterprise.tags.map(tagLabel).join('、')}</td>
                    <td>{yi(t.enterprise.revenue)}</td>
                    <td>{score(t.score)}</td>
                    <td>{top ? factorLabel(top.name) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="report-section">
        <h2>三、到哪招：重点来源地</h2>
        {sources.error ? (
          <ErrorNotice error={sources.error} what="来源地" onRetry={retry(refetchSources)} />
        ) : sources.fetching ? (
          <Loading />
        ) : provinces.length === 0 ? (
          <Empty>没有找到候选企业的来源地。</Empty>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">排名</th>
                <th scope="col">省份</th>
                <th scope="col">候选企业</th>
                <th scope="col">其中龙头</th>
                <th scope="col">主要地区</th>
              </tr>
            </thead>
            <tbody>
              {provinces.slice(0, 15).map((p, i) => (
                <tr key={p.prefix}>
                  <td>{i + 1}</td>
                  <th scope="row">{p.mapName}</th>
                  <td>{p.candidates}</td>
                  <td>{p.anchors}</td>
                  <td>
                    {p.regions
                      .slice(0, 3)
                      .map((r) => r.name)
                      .join('、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="report-section">
        <h2>四、谁来招：专班与项目</h2>
        {!signedIn ? (
          <SignInNeeded what="专班、目标库和项目" />
        ) : libraries.length === 0 ? (
          <Empty>本地区该产业链还没有招商专班。</Empty>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">招商专班</th>
                <th scope="col">链长</th>
                <th scope="col">牵头单位</th>
                <th scope="col">成员</th>
                <th scope="col">专项经费</th>
                <th scope="col">目标库</th>
              </tr>
            </thead>
            <tbody>
              {libraries.map((l) => (
                <tr key={l.key}>
                  <th scope="row">{l.taskForce?.name ?? l.name}</th>
                  <td>
                    {l.taskForce?.leader
                      ? `${l.taskForce.leader.name}${l.taskForce.leader.title ? `（${l.taskForce.leader.title}）` : ''}`
                      : '—'}
                  </td>
                  <td>{l.taskForce?.leadDepartment ?? '—'}</td>
                  <td>{l.taskForce?.members.map((m) => m.name).join('、') || '—'}</td>
                  <td>{l.taskForce?.budget != null ? `${formatNumber(l.taskForce.budget)} 万元` : '—'}</td>
                  <td>{l.entries.length} 家</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {signedIn && (
          <table className="table">
            <caption>项目推进（共 {base.data.projects?.totalCount ?? 0} 个）</caption>
            <thead>
              <tr>
                {board
                  .filter((c) => c.id !== 'LIBRARY')
                  .map((c) => (
                    <th key={c.id} scope="col">
                      {c.label}
                    </th>
                  ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {board
                  .filter((c) => c.id !== 'LIBRARY')
                  .map((c) => (
                    <td key={c.id}>
                      {c.count} 个
                      <br />
                      <small>{formatNumber(c.amount)} 亿元</small>
                    </td>
                  ))}
              </tr>
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
