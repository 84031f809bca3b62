import { lazy, Suspense, useMemo } from 'react';
import { percent } from '../ui/format';
import { KPI_LABEL, kpiValue, scheduleOf, type ScheduleLine } from './schedule';

const EChart = lazy(() => import('./EChart'));

/** The gauge of one KPI: completion in %, with the 序时 mark (share of year elapsed) on the dial. */
function gaugeOption(rate: number, share: number, tone: string) {
  const color = tone === 'behind' ? '#b42318' : tone === 'none' ? '#8c959f' : '#1e7b3c';
  const value = Math.min(Math.round(rate * 1000) / 10, 150);
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 150,
        splitNumber: 3,
        radius: '95%',
        progress: { show: true, width: 10, itemStyle: { color } },
        axisLine: { lineStyle: { width: 10 } },
        axisTick: { show: false },
        splitLine: { length: 6 },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        detail: { valueAnimation: false, fontSize: 16, offsetCenter: [0, '10%'], formatter: '{value}%' },
        data: [{ value }],
      },
      {
        type: 'gauge',
        min: 0,
        max: 150,
        radius: '95%',
        axisLine: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: true, length: '85%', width: 3, itemStyle: { color: '#0b5cad' } },
        detail: { show: false },
        data: [{ value: Math.round(share * 1000) / 10 }],
      },
    ],
  };
}

export interface GaugeLine extends ScheduleLine {
  target?: number | null;
}

/**
 * 考核仪表: one card per KPI with a gauge (completion; the blue needle marks 序时, the share of the
 * year gone) and the same in words: target, actual, completion rate, ahead or behind.
 */
export function KpiGauges({ lines, elapsedShare }: { lines: readonly GaugeLine[]; elapsedShare: number }) {
  return (
    <ul className="kpi-cards" aria-label="考核指标">
      {lines.map((l) => (
        <KpiCard key={l.metric} line={l} share={elapsedShare} />
      ))}
    </ul>
  );
}

function KpiCard({ line: l, share }: { line: GaugeLine; share: number }) {
  const s = scheduleOf(l);
  const option = useMemo(
    () => gaugeOption(l.completionRate ?? 0, l.metric === 'industrialShare' ? 1 : share, s.tone),
    [l.completionRate, l.metric, share, s.tone],
  );
  return (
    <li className={`kpi-card tone-${s.tone}`} data-testid={`kpi-${l.metric}`}>
      <h3>{KPI_LABEL[l.metric] ?? l.metric}</h3>
      {l.completionRate != null && (
        <Suspense fallback={<div className="echart" style={{ height: 120 }} />}>
          <EChart option={option} height={120} label={`${KPI_LABEL[l.metric]}完成率`} />
        </Suspense>
      )}
      <p className="kpi-figures">
        完成 <strong>{kpiValue(l.metric, l.actual)}</strong> / 目标 {kpiValue(l.metric, l.target)}
        {l.completionRate != null && <> · 完成率 {percent(l.completionRate, 1)}</>}
      </p>
      <p className={`schedule tone-${s.tone}`}>
        <span aria-hidden="true">{s.icon}</span> {s.text}
      </p>
    </li>
  );
}
