import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { scopedHref, useScope } from '../app/scope';
import { useMe } from '../auth/useMe';
import {
  DashboardDocument,
  DashboardDutiesDocument,
  DashboardRankingDocument,
  type RankingPeriod,
} from '../gql/graphql';
import { KpiGauges } from '../tracking/KpiGauges';
import { RankingTable } from '../tracking/RankingTable';
import { chinaToday, KPI_LABEL, kpiValue, scheduleOf } from '../tracking/schedule';
import { StageFunnel } from '../tracking/StageFunnel';
import { WarningList } from '../tracking/WarningList';
import { formatNumber, percent } from '../ui/format';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';
import { ContactForm } from './ContactForm';

const PERIODS: { id: RankingPeriod; label: string }[] = [
  { id: 'MONTH', label: '月' },
  { id: 'QUARTER', label: '季' },
  { id: 'HALF_YEAR', label: '半年' },
];

/**
 * 地区看板: the region's KPI gauges with 序时进度, its counties and zones (drill down to each), the
 * ranking, the project funnel, the warnings and the task forces with their leaders' duties.
 */
export default function DashboardPage() {
  const { scope } = useScope();
  const dateId = useId();
  const [asOf, setAsOf] = useState(chinaToday());
  const [period, setPeriod] = useState<RankingPeriod>('MONTH');
  const region = scope.region;
  const [res, refetch] = useQuery({
    query: DashboardDocument,
    variables: { regionCode: region ?? '', asOf },
    pause: !region,
  });
  const year = Number(asOf.slice(0, 4));
  const [rank] = useQuery({
    query: DashboardRankingDocument,
    variables: { regionCode: region ?? '', year, period, asOf },
    pause: !region,
  });
  const { can } = useMe();
  const [logging, setLogging] = useState<string | null>(null);
  const [duties, refetchDuties] = useQuery({
    query: DashboardDutiesDocument,
    variables: { regionCode: region ?? '', asOf },
    pause: !region,
  });
  const to = (code: string) => scopedHref('/dashboard', { ...scope, region: code });

  if (!region)
    return (
      <div className="page">
        <h1>地区看板</h1>
        <Empty>请先在上方选择地区（如 咸宁市），查看考核指标、序时进度、排位和预警。</Empty>
      </div>
    );
  if (res.error)
    return (
      <div className="page">
        <h1>地区看板</h1>
        <ErrorNotice error={res.error} what="考核数据" onRetry={retry(refetch)} />
      </div>
    );
  const report = res.data?.kpiReport;
  const here = report?.region.region;
  return (
    <div className="page dashboard-page">
      <div className="page-head">
        <h1>
          {here ? `${here.name}` : ''}地区看板 <small>考核 · 序时进度 · 排位 · 预警</small>
        </h1>
        <label htmlFor={dateId} className="inline-field">
          统计截至
          <input
            id={dateId}
            type="date"
            value={asOf}
            max={chinaToday()}
            onChange={(e) => e.target.value && setAsOf(e.target.value)}
          />
        </label>
        <Link className="btn" to={scopedHref('/bulletin', scope)}>
          月通报 →
        </Link>
      </div>
      {here?.parent && (
        <nav aria-label="上级地区" className="crumbs">
          <Link to={to(here.parent.code)}>← {here.parent.name}</Link>
        </nav>
      )}
      {res.fetching && !report ? (
        <Loading>正在计算考核指标…</Loading>
      ) : !report ? (
        <Empty>没有找到该地区。</Empty>
      ) : (
        <>
          <section aria-labelledby="kpi-h">
            <h2 id="kpi-h">
              {report.year}年考核指标{' '}
              <small>全年已过 {percent(report.elapsedShare, 1)}（蓝色指针为序时进度）</small>
            </h2>
            {report.region.lines.every((l) => l.status === 'NO_TARGET') && (
              <p className="note">本地区 {report.year} 年尚未设定考核目标，仅显示完成数。</p>
            )}
            <KpiGauges lines={report.region.lines} elapsedShare={report.elapsedShare} />
          </section>

          {report.regions.length > 0 && (
            <section aria-labelledby="sub-h">
              <h2 id="sub-h">各县市区、园区完成情况</h2>
              <div className="table-scroll">
                <table className="table sub-regions" data-testid="sub-regions">
                  <thead>
                    <tr>
                      <th scope="col">地区</th>
                      {report.region.lines.map((l) => (
                        <th key={l.metric} scope="col">
                          {KPI_LABEL[l.metric]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {report.regions.map((r) => (
                      <tr key={r.region.code}>
                        <th scope="row">
                          <Link to={to(r.region.code)}>{r.region.name}</Link>
                          <div className="muted">{r.projectCount} 个项目</div>
                        </th>
                        {r.lines.map((l) => {
                          const s = scheduleOf(l);
                          return (
                            <td key={l.metric} className={`tone-${s.tone}`}>
                              {kpiValue(l.metric, l.actual)}
                              {l.target != null && l.target > 0 && <> / {kpiValue(l.metric, l.target)}</>}
                              <div>
                                <span aria-hidden="true">{s.icon}</span> <small>{s.text}</small>
                              </div>
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}

          <div className="dashboard-grid">
            <section aria-labelledby="rank-h">
              <h2 id="rank-h">排位</h2>
              <div role="group" aria-label="排位周期" className="segmented">
                {PERIODS.map((p) => (
                  <button
                    key={p.id}
                    type="button"
                    className="btn btn-small"
                    aria-pressed={period === p.id}
                    onClick={() => setPeriod(p.id)}
                  >
                    {p.label}
                  </button>
                ))}
              </div>
              {rank.error ? (
                <ErrorNotice error={rank.error} what="排位" />
              ) : rank.fetching && !rank.data ? (
                <Loading />
              ) : (
                <RankingTable
                  rows={rank.data?.ranking.rows ?? []}
                  caption={`${rank.data?.ranking.label ?? ''}排位（截至 ${rank.data?.ranking.asOf ?? ''}）`}
                  regionHref={to}
                />
              )}
              <p className="muted">
                综合得分：各项完成率（最高按 120% 计）加权平均 ×100，外向型项目加分；算法见 docs/tracking.md。
              </p>
            </section>
            <section aria-labelledby="funnel-h">
              <h2 id="funnel-h">
                项目漏斗 <small>{report.region.projectCount} 个项目</small>
              </h2>
              <StageFunnel rows={report.region.funnel} />
              <p>
                <Link to={scopedHref('/pipeline', scope)}>到项目推进看板查看每个项目 →</Link>
              </p>
            </section>
          </div>

          <section aria-labelledby="warn-h">
            <h2 id="warn-h">
              预警 <small>{res.data?.warnings.length ?? 0} 条</small>
            </h2>
            <WarningList
              warnings={res.data?.warnings ?? []}
              limit={30}
              projectHref={(key) => scopedHref('/pipeline', scope, { project: key })}
            />
          </section>

          <section aria-labelledby="tf-h">
            <h2 id="tf-h">链长与招商专班</h2>
            {duties.error ? (
              <ErrorNotice error={duties.error} what="专班" />
            ) : duties.fetching && !duties.data ? (
              <Loading />
            ) : (duties.data?.leaderDuties ?? []).length === 0 ? (
              <Empty>本地区还没有招商专班。</Empty>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">专班</th>
                    <th scope="col">链长</th>
                    <th scope="col">牵头单位 · 经费 · 成员</th>
                    <th scope="col">赴外招商</th>
                    <th scope="col">谋划项目</th>
                    <th scope="col">最近走访</th>
                  </tr>
                </thead>
                <tbody>
                  {duties.data!.leaderDuties.map((d) => {
                    const trips = scheduleOf({ metric: 'tripsOut', ...d.tripsOut });
                    const last = d.taskForce.contacts[0];
                    return (
                      <tr key={d.taskForce.key}>
                        <th scope="row">{d.taskForce.name}</th>
                        <td>
                          {d.leader ? d.leader.name : '—'}
                          {d.leader?.title && <div className="muted">{d.leader.title}</div>}
                        </td>
                        <td>
                          {d.taskForce.leadDepartment ?? '—'}
                          {d.taskForce.budget != null && ` · ${formatNumber(d.taskForce.budget)} 万元`}
                          <div className="muted">
                            {d.taskForce.members.map((m) => m.name).join('、') || '—'}
                          </div>
                        </td>
                        <td>
                          {d.tripsOut.actual} / {d.tripsOut.target ?? '—'} 次
                          <div>
                            <span aria-hidden="true">{trips.icon}</span> <small>{trips.text}</small>
                          </div>
                        </td>
                        <td>
                          {d.projectsPlanned.actual} / {d.projectsPlanned.target ?? '—'} 个
                        </td>
                        <td>
                          {last ? (
                            <>
                              {last.on} {last.person?.name} · {last.enterprise?.name}
                              <div className="muted">
                                {last.note}
                                {last.nextStep ? `；下一步：${last.nextStep}` : ''}
                              </div>
                              <div className="muted">本年 {d.contactsInYear} 次走访洽谈</div>
                            </>
                          ) : (
                            '暂无记录'
                          )}
                          {can.editContacts &&
                            (logging === d.taskForce.key ? (
                              <ContactForm
                                taskForceKey={d.taskForce.key}
                                people={[
                                  ...(d.leader
                                    ? [{ key: d.leader.key, name: `${d.leader.name}（链长）` }]
                                    : []),
                                  ...d.taskForce.members,
                                ]}
                                onCancel={() => setLogging(null)}
                                onLogged={() => {
                                  setLogging(null);
                                  refetchDuties({ requestPolicy: 'network-only' });
                                }}
                              />
                            ) : (
                              <div>
                                <button type="button" onClick={() => setLogging(d.taskForce.key)}>
                                  登记走访
                                </button>
                              </div>
                            ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
