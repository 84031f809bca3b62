import type { ProjectStage } from '../pipeline/pipeline.model.js';
import { amountAt, reachedOn, round, type ProjectFacts } from './facts.js';
import { AMOUNT_1E } from './kpi.logic.js';

// 月通报: the month's movements, grouped by chain.

export interface MonthProject {
  key: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  enterpriseName: string | null;
  amount: number | null;
  /** The day of the move (signing, start, production). */
  on: string;
}

export interface ChainGroup {
  chainId: string | null;
  chainName: string | null;
  count: number;
  /** Sum of the projects' amounts, 亿元. */
  amount: number;
  projects: MonthProject[];
}

const byChain = (a: { chainId: string | null; chainName: string | null }, b: typeof a) =>
  a.chainId === null
    ? 1
    : b.chainId === null
      ? -1
      : (a.chainName ?? '').localeCompare(b.chainName ?? '', 'zh-CN') || a.chainId.localeCompare(b.chainId);

/**
 * Projects that first reached `stage` (or a later one) within `[from, to]`, with an amount of
 * at least 1亿 on `to`, grouped by their chain (their task force's chain; none last), each group
 * by date then key. Projects terminated by `to` are left out, as in the KPIs.
 */
export function movesInMonth(
  projects: readonly ProjectFacts[],
  stage: ProjectStage,
  from: string,
  to: string,
): ChainGroup[] {
  const groups = new Map<string, ChainGroup>();
  for (const p of projects) {
    const on = reachedOn(p.events, stage, to);
    if (on === null || on < from) continue;
    if (p.events.some((e) => e.stage === 'TERMINATED' && e.on !== null && e.on <= to)) continue;
    const amount = amountAt(p, to);
    if ((amount ?? 0) < AMOUNT_1E) continue;
    const id = p.chainId ?? '';
    let g = groups.get(id);
    if (!g)
      groups.set(id, (g = { chainId: p.chainId, chainName: p.chainName, count: 0, amount: 0, projects: [] }));
    g.count++;
    g.amount = round(g.amount + (amount ?? 0), 4);
    g.projects.push({
      key: p.key,
      name: p.name,
      regionCode: p.regionCode,
      regionName: p.regionName,
      enterpriseName: p.enterpriseName,
      amount,
      on,
    });
  }
  const out = [...groups.values()].sort(byChain);
  for (const g of out) g.projects.sort((a, b) => a.on.localeCompare(b.on) || a.key.localeCompare(b.key));
  return out;
}

export interface FilledLink {
  linkKey: string;
  linkName: string;
  projectKey: string;
  projectName: string;
  regionName: string | null;
  /** The day the project reached 投产. */
  on: string;
}

export interface ChainGaps {
  chainId: string | null;
  chainName: string | null;
  links: FilledLink[];
}

/**
 * 补链成效: the links that became present in the region during `[from, to]`. A link counts as
 * filled this month when a project in the region that fills it (FILLS) reached 投产 (or a later
 * stage) in the month, and no project in the region filling the same link had reached 投产
 * before the month. Grouped by the link's chain; one line per link (the first project to get
 * there, ties by key).
 */
export function gapsFilled(projects: readonly ProjectFacts[], from: string, to: string): ChainGaps[] {
  const firstOn = new Map<string, { on: string; p: ProjectFacts }>();
  for (const p of projects) {
    const on = reachedOn(p.events, 'IN_PRODUCTION', to);
    if (on === null) continue;
    for (const l of p.links) {
      const seen = firstOn.get(l.key);
      if (!seen || on < seen.on || (on === seen.on && p.key < seen.p.key)) firstOn.set(l.key, { on, p });
    }
  }
  const groups = new Map<string, ChainGaps>();
  for (const [linkKey, { on, p }] of firstOn) {
    if (on < from) continue;
    const link = p.links.find((l) => l.key === linkKey)!;
    const id = link.chainId ?? '';
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { chainId: link.chainId, chainName: link.chainName, links: [] }));
    g.links.push({
      linkKey,
      linkName: link.name,
      projectKey: p.key,
      projectName: p.name,
      regionName: p.regionName,
      on,
    });
  }
  const out = [...groups.values()].sort(byChain);
  for (const g of out) g.links.sort((a, b) => a.on.localeCompare(b.on) || a.linkKey.localeCompare(b.linkKey));
  return out;
}
