import { lazy, Suspense, useMemo } from 'react';
import { formatNumber } from '../ui/format';
import { PROJECT_STAGE_LABEL, type ProjectStageName } from '../ui/labels';

const EChart = lazy(() => import('./EChart'));

export interface FunnelRow {
  stage: string;
  count: number;
  amount: number;
}

/** 项目漏斗: projects by stage on the report date with their amounts, as a funnel and a table. */
export function StageFunnel({ rows }: { rows: readonly FunnelRow[] }) {
  const live = rows.filter((r) => r.stage !== 'TERMINATED');
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 个' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '10%',
          width: '80%',
          minSize: '8%',
          label: { formatter: '{b} {c}' },
          data: live.map((r) => ({
            name: PROJECT_STAGE_LABEL[r.stage as ProjectStageName] ?? r.stage,
            value: r.count,
          })),
        },
      ],
    }),
    [live],
  );
  return (
    <div className="funnel">
      <Suspense fallback={<div className="echart" style={{ height: 260 }} />}>
        <EChart option={option} height={260} label="项目漏斗" />
      </Suspense>
      <table className="table">
        <caption>各阶段项目数与投资额</caption>
        <thead>
          <tr>
            <th scope="col">阶段</th>
            <th scope="col">项目</th>
            <th scope="col">投资额</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.stage}>
              <th scope="row">{PROJECT_STAGE_LABEL[r.stage as ProjectStageName] ?? r.stage}</th>
              <td>{r.count} 个</td>
              <td>{formatNumber(r.amount)} 亿元</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
