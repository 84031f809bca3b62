// How a link's status for a region is shown: colour, icon and words, so colour never carries the
// status alone.

export type DisplayStatus = 'STRONG' | 'WEAK' | 'MISSING' | 'BROKEN' | 'UNKNOWN';

export interface StatusMeta {
  label: string;
  /** Shown beside the label; distinguishes statuses without colour. */
  icon: string;
  /** Fill and border of the link's node. */
  fill: string;
  border: string;
  /** Text colour on `fill` (contrast ≥ 4.5:1). */
  text: string;
  /** What the status means, for the legend and tooltips. */
  hint: string;
}

export const STATUS_META: Record<DisplayStatus, StatusMeta> = {
  STRONG: {
    label: '强链',
    icon: '●',
    fill: '#e3f4e8',
    border: '#1e7b3c',
    text: '#14532d',
    hint: '本地已有龙头或足够多的企业',
  },
  WEAK: {
    label: '弱链',
    icon: '◐',
    fill: '#fdf3d7',
    border: '#a86b00',
    text: '#6b4500',
    hint: '本地有企业但较薄弱',
  },
  MISSING: {
    label: '缺链',
    icon: '○',
    fill: '#fde8e6',
    border: '#c0392b',
    text: '#8a1c12',
    hint: '本地尚无企业',
  },
  BROKEN: {
    label: '断链',
    icon: '✕',
    fill: '#f6d5e0',
    border: '#8e1244',
    text: '#5c0b2c',
    hint: '缺失且上下游本地都有：代价最高的缺口',
  },
  UNKNOWN: {
    label: '未诊断',
    icon: '?',
    fill: '#f1f3f5',
    border: '#868e96',
    text: '#343a40',
    hint: '尚无本地区诊断结果',
  },
};

export const STATUS_ORDER: DisplayStatus[] = ['STRONG', 'WEAK', 'MISSING', 'BROKEN', 'UNKNOWN'];

/** The status to show for a link from its diagnosis (none: UNKNOWN); a broken link shows as 断链. */
export function displayStatus(d: { status: string; broken: boolean } | null | undefined): DisplayStatus {
  if (!d) return 'UNKNOWN';
  if (d.status === 'MISSING') return d.broken ? 'BROKEN' : 'MISSING';
  if (d.status === 'STRONG' || d.status === 'WEAK') return d.status;
  return 'UNKNOWN';
}

/** Words for a link's status, e.g. "断链 · 关键环节", for labels and screen readers. */
export function statusText(status: DisplayStatus, key: boolean): string {
  return key ? `${STATUS_META[status].label} · 关键环节` : STATUS_META[status].label;
}

/** Is this a gap a task force would fill (补链) rather than strengthen? */
export const isGap = (s: DisplayStatus): boolean => s === 'MISSING' || s === 'BROKEN';
