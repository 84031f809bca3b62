// ExcelJS (≈ 28 MB loaded) is imported when a workbook is first asked for, not at start.
import type ExcelJS from 'exceljs';
import { KPI_LABEL, KPI_UNIT, type KpiLine, type KpiMetric } from '../tracking/kpi.logic.js';
import type { BulletinRecord, RegionKpiRecord } from '../tracking/tracking.service.js';
import type { ChainGroup } from '../tracking/bulletin.logic.js';
import type { Cell, Table } from './map-tables.js';

// 月通报 as a file: the same tables for the XLSX workbook and the Markdown document. Used by the
// HTTP route (export.route.ts) and the CLI (cli/bulletin.ts).

const SCHEDULE: Record<string, string> = {
  AHEAD: '超序时',
  ON_SCHEDULE: '持平',
  BEHIND: '落后序时',
  NO_TARGET: '无目标',
  NO_DATA: '无数据',
};
const KIND: Record<string, string> = {
  SIGNED_NOT_STARTED: '签约未开工',
  PRODUCTION_OVERDUE: '逾期未投产',
  STALLED: '推进停滞',
  BEHIND_SCHEDULE: '落后序时进度',
};
const SEVERITY: Record<string, string> = { HIGH: '严重', MEDIUM: '一般' };

const METRICS: KpiMetric[] = [
  'anchorProjects',
  'projects10e',
  'projects1e',
  'industrialShare',
  'newStarts1e',
  'fundsInPlace',
  'exportProjects10e',
];

const r2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const value = (m: KpiMetric, x: number | null) =>
  x === null ? '—' : m === 'industrialShare' ? pct(x) : r2(x);

/** 超序时 3.21 个百分点 / 落后序时 5.00 个百分点 / 持平. */
export function scheduleText(l: Pick<KpiLine, 'metric' | 'status' | 'progressPoints'>): string {
  if (l.progressPoints === null) return SCHEDULE[l.status] ?? l.status;
  if (l.metric === 'industrialShare')
    return l.status === 'BEHIND'
      ? `低于目标 ${Math.abs(l.progressPoints).toFixed(2)} 个百分点`
      : `达到目标（高 ${l.progressPoints.toFixed(2)} 个百分点）`;
  if (l.status === 'ON_SCHEDULE') return '持平序时进度';
  return `${l.status === 'AHEAD' ? '超' : '落后'}序时进度 ${Math.abs(l.progressPoints).toFixed(2)} 个百分点`;
}

export interface BulletinTables {
  title: string;
  summary: Table;
  kpi: Table;
  ranking: Table;
  signings: Table;
  starts: Table;
  warnings: Table;
  gaps: Table;
}

function kpiRows(rk: RegionKpiRecord): Cell[][] {
  return METRICS.map((m) => {
    const l = rk.lines.find((x) => x.metric === m)!;
    return [
      rk.region.name,
      KPI_LABEL[m],
      m === 'industrialShare' ? '%' : KPI_UNIT[m],
      value(m, l.target),
      value(m, l.actual),
      l.completionRate === null ? '—' : pct(l.completionRate),
      l.progressPoints,
      scheduleText(l),
    ];
  });
}

function movesTable(name: string, groups: ChainGroup[]): Table {
  const rows: Cell[][] = [];
  for (const g of groups)
    for (const p of g.projects)
      rows.push([g.chainName ?? '未关联产业链', p.name, p.regionName, p.enterpriseName, p.amount, p.on]);
  return {
    name,
    headers: ['产业链', '项目', '地区', '投资企业', '投资额（亿元）', '日期'],
    rows,
    widths: [16, 40, 14, 28, 14, 12],
  };
}

/** The bulletin's tables, Chinese headers, in the document's order. */
export function bulletinTables(b: BulletinRecord): BulletinTables {
  const title = `${b.region.name}${b.label}招商引资工作通报`;
  const share = b.kpi.elapsedShare;
  const sum = (gs: ChainGroup[]) => [
    gs.reduce((s, g) => s + g.count, 0),
    r2(gs.reduce((s, g) => s + g.amount, 0)),
  ];
  const [sn, sa] = sum(b.signings);
  const [tn, ta] = sum(b.starts);
  const summary: Table = {
    name: '概况',
    headers: ['项目', '内容'],
    widths: [24, 70],
    rows: [
      ['标题', title],
      ['地区', `${b.region.name}（${b.region.code}）`],
      ['通报月份', b.label],
      ['统计截至', b.asOf],
      ['序时进度（全年已过）', pct(share)],
      ['本月新签约亿元以上项目', `${sn} 个，${sa} 亿元`],
      ['本月新开工亿元以上项目', `${tn} 个，${ta} 亿元`],
      [
        '预警',
        `${b.warnings.length} 条（严重 ${b.warnings.filter((w) => w.severity === 'HIGH').length} 条）`,
      ],
      ['本月补链', `${b.gapsFilled.reduce((s, g) => s + g.links.length, 0)} 个环节`],
      ['生成日期', b.generatedOn],
    ],
  };
  const kpi: Table = {
    name: '考核指标',
    headers: ['地区', '指标', '单位', '目标', '完成', '完成率', '序时差（百分点）', '序时进度'],
    widths: [22, 34, 8, 10, 10, 10, 16, 28],
    rows: [b.kpi.region, ...b.kpi.regions].flatMap(kpiRows),
  };
  const ranking: Table = {
    name: '排位',
    headers: ['名次', '地区', '综合得分', '加分', '上期名次', '变化', '上期得分'],
    widths: [8, 24, 12, 8, 10, 10, 12],
    rows: b.ranking.rows.map((r) => [
      r.rank ?? '—',
      r.region.name,
      r.score,
      r.bonus,
      r.previousRank ?? '—',
      r.change === null ? '—' : r.change > 0 ? `↑${r.change}` : r.change < 0 ? `↓${-r.change}` : '—',
      r.previousScore,
    ]),
  };
  const warnings: Table = {
    name: '预警',
    headers: ['级别', '类型', '地区', '项目', '原因'],
    widths: [8, 14, 18, 36, 80],
    rows: b.warnings.map((w) => [
      SEVERITY[w.severity] ?? w.severity,
      KIND[w.kind] ?? w.kind,
      w.regionName,
      w.projectName ?? '—',
      w.reason,
    ]),
  };
  const gaps: Table = {
    name: '补链成效',
    headers: ['产业链', '环节', '项目', '地区', '投产日期'],
    widths: [16, 24, 40, 14, 12],
    rows: b.gapsFilled.flatMap((g) =>
      g.links.map((l) => [g.chainName ?? '—', l.linkName, l.projectName, l.regionName, l.on]),
    ),
  };
  return {
    title,
    summary,
    kpi,
    ranking,
    signings: movesTable('新签约亿元以上项目', b.signings),
    starts: movesTable('新开工亿元以上项目', b.starts),
    warnings,
    gaps,
  };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function addSheet(wb: ExcelJS.Workbook, t: Table): void {
  const ws = wb.addWorksheet(t.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = t.headers.map((header, i) => ({ header, key: String(i), width: t.widths[i] ?? 12 }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = HEADER_FILL;
  head.alignment = { vertical: 'middle', wrapText: true };
  for (const row of t.rows) ws.addRow(row.map((c) => (c === '' ? null : c)));
}

/** The workbook: 概况, 考核指标, 排位, 新签约, 新开工, 预警, 补链成效 (A4 landscape when printed). */
export async function bulletinWorkbook(b: BulletinRecord): Promise<Buffer> {
  const t = bulletinTables(b);
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'ChainMap 产业链招商图谱';
  wb.title = t.title;
  for (const table of [t.summary, t.kpi, t.ranking, t.signings, t.starts, t.warnings, t.gaps])
    addSheet(wb, table);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

const mdCell = (c: Cell) => (c === null ? '—' : String(c).replace(/\|/g, '\\|').replace(/\n/g, ' '));

function mdTable(t: Table): string {
  if (t.rows.length === 0) return '（无）\n';
  return [
    `| ${t.headers.join(' | ')} |`,
    `| ${t.headers.map(() => '---').join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ].join('\n');
}

/** The bulletin as Markdown, headed and numbered like a 通报. */
export function bulletinMarkdown(b: BulletinRecord): string {
  const t = bulletinTables(b);
  const facts = t.summary.rows.slice(1).map(([k, v]) => `- **${k}**：${v}`);
  const chains = (gs: ChainGroup[]) =>
    gs.length === 0
      ? '本月无。'
      : gs.map((g) => `${g.chainName ?? '未关联产业链'} ${g.count} 个（${r2(g.amount)} 亿元）`).join('；') +
        '。';
  return [
    `# ${t.title}`,
    '',
    ...facts,
    '',
    '## 一、考核指标完成情况',
    '',
    `序时进度按全年已过 ${pct(b.kpi.elapsedShare)} 计（截至 ${b.asOf}）。`,
    '',
    mdTable(t.kpi),
    '',
    '## 二、排位',
    '',
    mdTable(t.ranking),
    '',
    '## 三、新签约亿元以上项目',
    '',
    chains(b.signings),
    '',
    mdTable(t.signings),
    '',
    '## 四、新开工亿元以上项目',
    '',
    chains(b.starts),
    '',
    mdTable(t.starts),
    '',
    '## 五、预警',
    '',
    mdTable(t.warnings),
    '',
    '## 六、补链成效',
    '',
    mdTable(t.gaps),
    '',
    `（ChainMap 产业链招商图谱生成于 ${b.generatedOn}）`,
    '',
  ].join('\n');
}

/** ASCII file name, e.g. `bulletin-421200-2026-10.xlsx`. */
export function bulletinFileName(b: BulletinRecord, ext: 'xlsx' | 'md'): string {
  return `bulletin-${b.region.code}-${b.month}.${ext}`;
}

/** The Chinese title as a file name. */
export function bulletinTitle(b: BulletinRecord, ext: 'xlsx' | 'md'): string {
  return `${b.region.name}${b.label}招商引资工作通报.${ext}`;
}
