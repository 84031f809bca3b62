import { useId, useState, type MouseEvent } from 'react';
import { useQuery } from 'urql';
import { downloadAsUser } from '../api/actions';
import { useScope } from '../app/scope';
import { authHeaders } from '../auth/session';
import { BulletinDocument, type BulletinQuery } from '../gql/graphql';
import { RankingTable } from '../tracking/RankingTable';
import {
  bulletinUrl,
  chinaToday,
  KPI_LABEL,
  kpiValue,
  previousMonth,
  scheduleOf,
} from '../tracking/schedule';
import { WarningList } from '../tracking/WarningList';
import { formatNumber, percent } from '../ui/format';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';

type B = BulletinQuery['bulletin'];

/** The bulletin is pipeline data, built for the signed-in user's scope: send the token. */
const asUser = (url: string) => (e: MouseEvent<HTMLAnchorElement>) => {
  const headers = authHeaders();
  if (!headers.authorization) return;
  e.preventDefault();
  void downloadAsUser(url, headers).catch((err: unknown) =>
    window.alert(err instanceof Error ? err.message : String(err)),
  );
};
type Moves = B['signings'];

function MovesSection({ title, moves, what }: { title: string; moves: Moves; what: string }) {
  const total = moves.reduce((s, g) => s + g.count, 0);
  const amount = moves.reduce((s, g) => s + g.amount, 0);
  return (
    <section className="report-section">
      <h2>{title}</h2>
      {total === 0 ? (
        <p>本月无{what}亿元以上项目。</p>
      ) : (
        <>
          <p>
            本月{what}亿元以上项目 {total} 个，投资额 {formatNumber(amount)} 亿元：
            {moves
              .map((g) => `${g.chainName ?? '未关联产业链'} ${g.count} 个（${formatNumber(g.amount)} 亿元）`)
              .join('；')}
            。
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">产业链</th>
                <th scope="col">项目</th>
                <th scope="col">地区</th>
                <th scope="col">投资企业</th>
                <th scope="col">投资额</th>
                <th scope="col">日期</th>
              </tr>
            </thead>
            <tbody>
              {moves.flatMap((g) =>
                g.projects.map((p) => (
                  <tr key={p.key}>
                    <td>{g.chainName ?? '—'}</td>
                    <th scope="row">{p.name}</th>
                    <td>{p.regionName ?? '—'}</td>
                    <td>{p.enterpriseName ?? '—'}</td>
                    <td>{p.amount == null ? '—' : `${formatNumber(p.amount)} 亿元`}</td>
                    <td>{p.on}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/**
 * 月通报: the monthly bulletin of the chosen region, printable on A4, with the XLSX and Markdown
 * files of the API one click away.
 */
export default function BulletinPage() {
  const { scope } = useScope();
  const monthId = useId();
  const today = chinaToday();
  const [month, setMonth] = useState(previousMonth(today));
  const region = scope.region;
  const [res, refetch] = useQuery({
    query: BulletinDocument,
    variables: { regionCode: region ?? '', month },
    pause: !region,
  });

  if (!region)
    return (
      <div className="page">
        <h1>月通报</h1>
        <Empty>请先在上方选择地区（如 咸宁市），再生成月通报。</Empty>
      </div>
    );
  const b = res.data?.bulletin;
  return (
    <article className="report bulletin" aria-label="月通报">
      <div className="report-toolbar no-print">
        <label htmlFor={monthId} className="inline-field">
          通报月份
          <input
            id={monthId}
            type="month"
            value={month}
            max={today.slice(0, 7)}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </label>
        <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!b}>
          打印 / 另存为 PDF
        </button>
        <a
          className="btn"
          href={bulletinUrl(region, month, 'xlsx')}
          download
          data-testid="bulletin-xlsx"
          onClick={asUser(bulletinUrl(region, month, 'xlsx'))}
        >
          ⬇ 导出 Excel（XLSX）
        </a>
        <a
          className="btn"
          href={bulletinUrl(region, month, 'md')}
          download
          data-testid="bulletin-md"
          onClick={asUser(bulletinUrl(region, month, 'md'))}
        >
          ⬇ 导出 Markdown
        </a>
      </div>
      {res.error ? (
        <ErrorNotice error={res.error} what="月通报" onRetry={retry(refetch)} />
      ) : res.fetching || !b ? (
        <Loading>正在生成月通报…</Loading>
      ) : (
        <BulletinBody b={b} />
      )}
    </article>
  );
}

function BulletinBody({ b }: { b: B }) {
  const high = b.warnings.filter((w) => w.severity === 'HIGH').length;
  const gaps = b.gapsFilled.reduce((s, g) => s + g.links.length, 0);
  const regions = [b.kpi.region, ...b.kpi.regions];
  const metrics = b.kpi.region.lines.map((l) => l.metric);
  return (
    <>
      <header className="bulletin-head">
        <p className="cover-kicker">招商引资工作通报</p>
        <h1>
          {b.region.name}
          {b.label}招商引资工作通报
        </h1>
        <p className="cover-meta">
          统计截至 {b.asOf} · 全年已过 {percent(b.kpi.elapsedShare, 1)} · 生成于 {b.generatedOn}
        </p>
      </header>

      <section className="report-section">
        <h2>一、考核指标完成情况</h2>
        <div className="table-scroll">
          <table className="table bulletin-kpi">
            <thead>
              <tr>
                <th scope="col">地区</th>
                {metrics.map((m) => (
                  <th key={m} scope="col">
                    {KPI_LABEL[m]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.region.code}>
                  <th scope="row">{r.region.name}</th>
                  {r.lines.map((l) => {
                    const s = scheduleOf(l);
                    return (
                      <td key={l.metric}>
                        {kpiValue(l.metric, l.actual)}
                        {l.target != null && l.target > 0 && ` / ${kpiValue(l.metric, l.target)}`}
                        {l.completionRate != null && <div>{percent(l.completionRate, 1)}</div>}
                        <small>
                          <span aria-hidden="true">{s.icon}</span> {s.text}
                        </small>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="report-section">
        <h2>二、排位</h2>
        <RankingTable rows={b.ranking.rows} caption={`${b.ranking.label}排位及较上月变化`} />
      </section>

      <MovesSection title="三、新签约亿元以上项目" moves={b.signings} what="新签约" />
      <MovesSection title="四、新开工亿元以上项目" moves={b.starts} what="新开工" />

      <section className="report-section">
        <h2>五、预警</h2>
        <p>
          共 {b.warnings.length} 条，其中严重 {high} 条。
        </p>
        <WarningList warnings={b.warnings} />
      </section>

      <section className="report-section">
        <h2>六、补链成效</h2>
        {gaps === 0 ? (
          <p>本月没有新补齐的环节（补链指本地区首个填补该环节的项目在本月投产）。</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">产业链</th>
                <th scope="col">环节</th>
                <th scope="col">项目</th>
                <th scope="col">地区</th>
                <th scope="col">投产日期</th>
              </tr>
            </thead>
            <tbody>
              {b.gapsFilled.flatMap((g) =>
                g.links.map((l) => (
                  <tr key={`${g.chainId}-${l.linkKey}`}>
                    <td>{g.chainName ?? '—'}</td>
                    <th scope="row">{l.linkName}</th>
                    <td>{l.projectName}</td>
                    <td>{l.regionName ?? '—'}</td>
                    <td>{l.on}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
