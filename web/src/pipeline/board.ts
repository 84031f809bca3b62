import { PROJECT_STAGE_LABEL, PROJECT_STAGES, type ProjectStageName } from '../ui/labels';

export interface BoardProject {
  key: string;
  stage: string;
  amount?: number | null;
  enterprise?: { key: string } | null;
}

export interface BoardEntry {
  enterprise: { key: string };
}

export type ColumnId = 'LIBRARY' | ProjectStageName;

export interface Column<P, E> {
  id: ColumnId;
  label: string;
  projects: P[];
  /** Library targets not yet a project (LIBRARY column only). */
  entries: E[];
  count: number;
  /** Sum of known amounts, 亿元. */
  amount: number;
  /** Projects in the column without an amount. */
  unknownAmount: number;
}

/**
 * The pipeline board: 目标库 (targets without a live project), then 线索 … 入规, then 终止. Each
 * column counts its cards and sums its amounts (亿元); a target appears once, under 目标库 only
 * while no live project of its firm exists. Unknown stages are left out rather than misfiled.
 */
export function groupBoard<P extends BoardProject, E extends BoardEntry>(
  projects: readonly P[],
  entries: readonly E[],
): Column<P, E>[] {
  const ids: ColumnId[] = ['LIBRARY', ...PROJECT_STAGES, 'TERMINATED'];
  const cols = new Map<ColumnId, Column<P, E>>(
    ids.map((id) => [
      id,
      {
        id,
        label: id === 'LIBRARY' ? '目标库' : PROJECT_STAGE_LABEL[id],
        projects: [],
        entries: [],
        count: 0,
        amount: 0,
        unknownAmount: 0,
      },
    ]),
  );
  const live = new Set<string>();
  for (const p of projects) {
    const col = cols.get(p.stage as ColumnId);
    if (!col || p.stage === 'LIBRARY') continue;
    col.projects.push(p);
    col.count++;
    if (p.amount != null && Number.isFinite(p.amount)) col.amount += p.amount;
    else col.unknownAmount++;
    if (p.stage !== 'TERMINATED' && p.enterprise) live.add(p.enterprise.key);
  }
  const lib = cols.get('LIBRARY')!;
  const seen = new Set<string>();
  for (const e of entries) {
    if (live.has(e.enterprise.key) || seen.has(e.enterprise.key)) continue;
    seen.add(e.enterprise.key);
    lib.entries.push(e);
    lib.count++;
  }
  for (const c of cols.values()) c.amount = Math.round(c.amount * 1e4) / 1e4;
  return [...cols.values()];
}

/** Totals over the live pipeline (terminated projects and library targets excluded). */
export function boardTotals(columns: readonly Column<BoardProject, BoardEntry>[]): {
  count: number;
  amount: number;
} {
  const live = columns.filter((c) => c.id !== 'LIBRARY' && c.id !== 'TERMINATED');
  return {
    count: live.reduce((s, c) => s + c.count, 0),
    amount: Math.round(live.reduce((s, c) => s + c.amount, 0) * 1e4) / 1e4,
  };
}
