import { TAG_LABEL, type GapKind } from '../engine/engine.defaults.js';
import type { InvestmentMapRecord } from '../engine/engine.records.js';
import type { RegionRecord } from '../region/region.model.js';

// The investment map as tables with Chinese headers: one source for the XLSX sheets and the CSV.

export type Cell = string | number | null;

export interface Table {
  /** Sheet name. */
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Column widths (characters), for the workbook. */
  widths: number[];
}

export const SHEETS = {
  cover: '封面',
  diagnosis: '环节诊断',
  targets: '目标企业清单',
  regions: '主攻区域',
  projects: '在谈项目',
} as const;
export type SheetKey = keyof typeof SHEETS;

const STATUS: Record<string, string> = { STRONG: '强', WEAK: '弱', MISSING: '缺' };
const STAGE: Record<string, string> = { UPSTREAM: '上游', MIDSTREAM: '中游', DOWNSTREAM: '下游' };
export const GAP_NAME: Record<GapKind, string> = {
  BROKEN_KEY: '断链（关键环节）',
  BROKEN: '断链',
  MISSING_KEY: '缺链（关键环节）',
  MISSING: '缺链',
  WEAK_KEY: '弱链（关键环节）',
  WEAK: '弱链',
};
const PROJECT_STAGE: Record<string, string> = {
  LEAD: '线索',
  NEGOTIATING: '在谈',
  SIGNED: '签约',
  REGISTERED: '注册',
  STARTED: '开工',
  IN_PRODUCTION: '投产',
  AT_CAPACITY: '达产',
  IN_STATISTICS: '入统',
  ABOVE_SIZE: '入规',
  TERMINATED: '终止',
};
const FACTOR: Record<string, string> = {
  strength: '实力',
  gap: '缺口',
  ties: '关系',
  supplyFit: '配套',
  sourceZone: '来源地',
};

const yesNo = (b: boolean) => (b ? '是' : '否');
const round = (x: number | null, digits = 4) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;
const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The date in China (YYYY-MM-DD) of an ISO timestamp. */
export function chinaDate(iso: string): string {
  return new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** 封面: chain, region, date, thresholds, weights and the headline numbers. */
export function coverTable(map: InvestmentMapRecord): Table {
  const d = map.diagnosis;
  const org = map.organisation;
  const tf = org.taskForces;
  const rows: Cell[][] = [
    ['标题', `${map.region.name}${map.chain.name}产业链招商地图`],
    ['产业链', `${map.chain.name}（${map.chain.key}）`],
    ['地区', `${map.region.name}（${map.region.code}）`],
    ['生成日期', chinaDate(map.generatedAt)],
    ['阈值：强链最少本地企业数', d.thresholds.strongMinCount],
    ['阈值：强链最低区位商', d.thresholds.strongMinQuotient],
    [
      '评分权重',
      `实力 ${map.weights.strength}；缺口 ${map.weights.gap}；关系 ${map.weights.ties}；配套 ${map.weights.supplyFit}；来源地 ${map.weights.sourceZone}`,
    ],
    ['重点来源地', map.sourceZones.join('、')],
    ['环节覆盖率', percent(d.coverage)],
    ['关键环节覆盖率', percent(d.keyCoverage)],
    ['本地链上企业数', d.localTotal],
    ['缺口环节数', d.gaps.filter((g) => g.status === 'MISSING').length],
    ['断链环节数', d.gaps.filter((g) => g.broken).length],
    ['招商专班', tf.map((t) => t.taskForce.name).join('、') || '—'],
    [
      '链长',
      tf
        .map((t) => (t.leader ? `${t.leader.name}${t.leader.title ? `（${t.leader.title}）` : ''}` : ''))
        .filter(Boolean)
        .join('、') || '—',
    ],
    ['牵头单位', [...new Set(tf.map((t) => t.taskForce.leadDepartment).filter(Boolean))].join('、') || '—'],
    ['目标企业库企业数', org.targetCount],
    ['在谈项目数', org.projectCount],
    ['在谈项目金额（亿元）', org.projectAmount],
  ];
  return { name: SHEETS.cover, headers: ['项目', '内容'], rows, widths: [26, 70] };
}

/** 环节诊断: one row per link. */
export function diagnosisTable(map: InvestmentMapRecord): Table {
  const names = new Map(map.diagnosis.links.map((l) => [l.link.key, l.link.name]));
  return {
    name: SHEETS.diagnosis,
    headers: [
      '环节编号',
      '环节',
      '上级环节',
      '上中下游',
      '关键环节',
      '状态',
      '断链',
      '缺口类型',
      '本地企业数',
      '本地链主企业数',
      '本地营收（亿元）',
      '区位商',
      '全国企业数',
      '本地链主企业',
    ],
    rows: map.diagnosis.links.map((l) => [
      l.link.key,
      l.link.name,
      l.parentId ? (names.get(l.parentId) ?? l.parentId) : '',
      STAGE[l.link.stage] ?? l.link.stage,
      yesNo(l.link.isKey),
      STATUS[l.status] ?? l.status,
      yesNo(l.broken),
      l.gap ? GAP_NAME[l.gap] : '',
      l.localCount,
      l.anchorCount,
      round(l.revenue, 2),
      round(l.locationQuotient),
      l.nationalCount,
      l.anchors.map((a) => a.name).join('、'),
    ]),
    widths: [22, 16, 14, 8, 8, 6, 6, 16, 10, 12, 14, 8, 10, 30],
  };
}

/** 目标企业清单: the targets of every gap, gap by gap, with their score factors. */
export function targetsTable(map: InvestmentMapRecord, regions: ReadonlyMap<string, RegionRecord>): Table {
  const rows: Cell[][] = [];
  for (const group of map.targets) {
    for (const [i, h] of group.hits.entries()) {
      const f = new Map(h.factors.map((x) => [x.name, x]));
      const place = [h.enterprise.provinceCode, h.enterprise.cityCode]
        .map((c) => (c ? (regions.get(c)?.name ?? c) : null))
        .filter((x, j, all) => x && all.indexOf(x) === j)
        .join(' ');
      rows.push([
        group.diagnosis.link.name,
        group.diagnosis.gap ? GAP_NAME[group.diagnosis.gap] : '',
        i + 1,
        h.enterprise.name,
        h.enterprise.fullName ?? '',
        place,
        h.enterprise.tags.map((t) => TAG_LABEL[t] ?? t).join('、'),
        round(h.enterprise.revenue, 2),
        round(h.score),
        ...['strength', 'gap', 'ties', 'supplyFit', 'sourceZone'].map((n) =>
          round(f.get(n as never)?.contribution ?? 0),
        ),
        h.factors.map((x) => `${FACTOR[x.name]}：${x.detail}`).join('；'),
        yesNo(h.inLibrary),
        yesNo(h.inProject),
      ]);
    }
  }
  return {
    name: SHEETS.targets,
    headers: [
      '缺口环节',
      '缺口类型',
      '排名',
      '企业',
      '企业全称',
      '所在地',
      '企业标签',
      '营收（亿元）',
      '得分',
      '实力得分',
      '缺口得分',
      '关系得分',
      '配套得分',
      '来源地得分',
      '评分说明',
      '已在目标库',
      '已有项目',
    ],
    rows,
    widths: [16, 16, 6, 18, 30, 14, 24, 12, 8, 9, 9, 9, 9, 10, 80, 10, 8],
  };
}

/** 主攻区域: source regions by heat, with their candidates per gap. */
export function regionsTable(map: InvestmentMapRecord): Table {
  return {
    name: SHEETS.regions,
    headers: [
      '排名',
      '地区',
      '地区代码',
      '热度',
      '候选企业数',
      '链主企业数',
      '营收合计（亿元）',
      '各环节候选企业',
    ],
    rows: map.sourceRegions.map((r, i) => [
      i + 1,
      r.region.name,
      r.region.code,
      r.score,
      r.candidateCount,
      r.anchorCount,
      round(r.revenue, 2),
      r.links
        .map((l) => `${l.link.name} ${l.count}${l.anchorCount ? `（链主${l.anchorCount}）` : ''}`)
        .join('；'),
    ]),
    widths: [6, 16, 10, 8, 12, 12, 16, 60],
  };
}

/** 在谈项目: the chain's active projects in the region (not terminated), latest move first. */
export function projectsTable(map: InvestmentMapRecord): Table {
  return {
    name: SHEETS.projects,
    headers: [
      '项目编号',
      '项目名称',
      '投资企业',
      '阶段',
      '阶段日期',
      '投资额（亿元）',
      '落地地区',
      '所补环节',
      '工业项目',
    ],
    rows: map.organisation.projects
      .filter((p) => p.project.stage !== 'TERMINATED')
      .map((p) => [
        p.project.key,
        p.project.name,
        p.enterprise?.name ?? '',
        PROJECT_STAGE[p.project.stage] ?? p.project.stage,
        p.project.stageOn ?? '',
        p.project.amount,
        p.region.name,
        p.links.map((l) => l.name).join('、'),
        p.project.industrial == null ? '' : yesNo(p.project.industrial),
      ]),
    widths: [18, 30, 18, 8, 12, 14, 16, 24, 10],
  };
}

/** Every table of the map, cover first. */
export function mapTables(
  map: InvestmentMapRecord,
  regions: ReadonlyMap<string, RegionRecord>,
): Record<SheetKey, Table> {
  return {
    cover: coverTable(map),
    diagnosis: diagnosisTable(map),
    targets: targetsTable(map, regions),
    regions: regionsTable(map),
    projects: projectsTable(map),
  };
}
