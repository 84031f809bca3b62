import { useEffect, useRef } from 'react';
import { echarts } from './charts';

type Option = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

/**
 * One ECharts chart (SVG), sized by its box. Decorative for assistive technology: every chart of
 * the explorer sits beside a text or table that says the same.
 */
export default function EChart({ option, height, label }: { option: Option; height: number; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize());
    ro?.observe(el.current);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} className="echart" style={{ height }} aria-hidden="true" data-label={label} />;
}
