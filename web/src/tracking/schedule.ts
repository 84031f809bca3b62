// 考核 in words for the explorer: KPI names, 序时进度 as text with an icon (status is never
// colour alone), warning kinds, ranking movement.

export const KPI_LABEL: Record<string, string> = {
  anchorProjects: '500强/上市/龙头项目',
  projects10e: '10亿元以上项目',
  projects1e: '亿元以上项目',
  industrialShare: '工业项目占比',
  newStarts1e: '新开工亿元以上项目',
  fundsInPlace: '到位资金',
  exportProjects10e: '外向型10亿元以上项目（加分）',
};

export interface ScheduleLine {
  metric: string;
  target?: number | null;
  actual?: number | null;
  completionRate?: number | null;
  progressPoints?: number | null;
  status: string;
}

export type Tone = 'ahead' | 'even' | 'behind' | 'none';

/** 序时进度 of one KPI line: an icon, a sentence and a tone (the tone only adds colour). */
export function scheduleOf(l: ScheduleLine): { icon: string; text: string; tone: Tone } {
  const pts = l.progressPoints == null ? null : Math.abs(l.progressPoints).toFixed(1);
  const share = l.metric === 'industrialShare';
  switch (l.status) {
    case 'AHEAD':
      return {
        icon: '▲',
        text: share ? `高于目标 ${pts} 个百分点` : `超序时进度 ${pts} 个百分点`,
        tone: 'ahead',
      };
    case 'ON_SCHEDULE':
      return { icon: '●', text: share ? '达到目标' : '持平序时进度', tone: 'even' };
    case 'BEHIND':
      return {
        icon: '▼',
        text: share ? `低于目标 ${pts} 个百分点` : `落后序时进度 ${pts} 个百分点`,
        tone: 'behind',
      };
    case 'NO_DATA':
      return { icon: '○', text: '暂无亿元以上项目', tone: 'none' };
    default:
      return { icon: '○', text: '未设目标', tone: 'none' };
  }
}

/** A KPI value with its unit: counts as 个, funds as 亿元, the share as a percentage. */
export function kpiValue(metric: string, v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  if (metric === 'industrialShare') return `${(v * 100).toFixed(1)}%`;
  if (metric === 'fundsInPlace') return `${Math.round(v * 100) / 100} 亿元`;
  return `${v} 个`;
}

export const WARNING_KIND_LABEL: Record<string, string> = {
  SIGNED_NOT_STARTED: '签约未开工',
  PRODUCTION_OVERDUE: '逾期未投产',
  STALLED: '推进停滞',
  BEHIND_SCHEDULE: '落后序时进度',
};

export const SEVERITY_LABEL: Record<string, string> = { HIGH: '严重', MEDIUM: '一般' };

/** Ranking movement: ↑2 / ↓1 / 持平 / — (no previous period). */
export function movement(change: number | null | undefined): { icon: string; text: string } {
  if (change == null) return { icon: '', text: '—' };
  if (change > 0) return { icon: '↑', text: `上升 ${change} 位` };
  if (change < 0) return { icon: '↓', text: `下降 ${-change} 位` };
  return { icon: '＝', text: '持平' };
}

/** Warnings grouped by project key (region warnings left out), most serious first as given. */
export function warningsByProject<W extends { projectKey?: string | null }>(
  ws: readonly W[],
): Map<string, W[]> {
  const m = new Map<string, W[]>();
  for (const w of ws) {
    if (!w.projectKey) continue;
    const list = m.get(w.projectKey);
    if (list) list.push(w);
    else m.set(w.projectKey, [w]);
  }
  return m;
}

/** Today in China, YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The month before the one `day` falls in, YYYY-MM (the month a bulletin usually reports). */
export function previousMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Where the bulletin files are served (HTTP routes of the API). */
export function bulletinUrl(regionCode: string, month: string, format: 'xlsx' | 'md'): string {
  return `/export/bulletin.${format}?${new URLSearchParams({ regionCode, month }).toString()}`;
}
