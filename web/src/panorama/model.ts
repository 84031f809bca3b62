import type { ChainPanorama_DiagnosisFragment, ChainPanorama_LinkFragment } from '../gql/graphql';
import { displayStatus, type DisplayStatus } from './status';

/** A link as the panorama shows it. */
export interface PanoramaLink {
  key: string;
  name: string;
  stage: string;
  isKey: boolean;
  status: DisplayStatus;
  gap: string | null;
  /** Local enterprises, when diagnosed. */
  localCount: number | null;
  anchorCount: number | null;
  /** 0 for a top link, 1 for its sub-links… */
  depth: number;
}

/** A top link (a node of the graph) with its sub-links shown inside it. */
export interface PanoramaNode extends PanoramaLink {
  subLinks: PanoramaLink[];
}

export interface PanoramaModel {
  nodes: PanoramaNode[];
  /** SUPPLIES between top links (a sub-link's edges lifted to its top link), without duplicates. */
  edges: { id: string; source: string; target: string }[];
  /** Every link by key, sub-links included. */
  byKey: Map<string, PanoramaLink>;
}

const STAGE_RANK: Record<string, number> = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 };
export const stageRank = (stage: string): number => STAGE_RANK[stage] ?? 3;

/**
 * The graph the panorama draws, from the chain's links and (when there is one) the region's
 * diagnosis. Edges to links of other chains are left out.
 */
export function buildPanorama(
  links: readonly ChainPanorama_LinkFragment[],
  diagnosis: readonly ChainPanorama_DiagnosisFragment[] | null,
): PanoramaModel {
  const diag = new Map((diagnosis ?? []).map((d) => [d.link.key, d]));
  const parentOf = new Map(links.map((l) => [l.key, l.parent?.key ?? null]));
  const top = (key: string): string => {
    let k = key;
    for (let p = parentOf.get(k), guard = 0; p && parentOf.has(p) && guard < 16; p = parentOf.get(p), guard++)
      k = p;
    return k;
  };
  const depthOf = (key: string): number => {
    let d = 0;
    for (let p = parentOf.get(key); p && parentOf.has(p) && d < 16; p = parentOf.get(p)) d++;
    return d;
  };
  const byKey = new Map<string, PanoramaLink>();
  for (const l of links) {
    const d = diag.get(l.key);
    byKey.set(l.key, {
      key: l.key,
      name: l.name,
      stage: l.stage,
      isKey: l.isKey,
      status: displayStatus(d),
      gap: d?.gap ?? null,
      localCount: d ? d.localCount : null,
      anchorCount: d ? d.anchorCount : null,
      depth: depthOf(l.key),
    });
  }
  const nodes = new Map<string, PanoramaNode>();
  for (const l of links) if (top(l.key) === l.key) nodes.set(l.key, { ...byKey.get(l.key)!, subLinks: [] });
  // Sub-links in catalogue order under their top link, each after its own parent.
  const ordered = [...links].sort((a, b) => depthOf(a.key) - depthOf(b.key));
  const children = new Map<string, string[]>();
  for (const l of ordered) {
    const p = parentOf.get(l.key);
    if (p && parentOf.has(p)) children.set(p, [...(children.get(p) ?? []), l.key]);
  }
  const walk = (key: string, into: PanoramaLink[]) => {
    for (const c of children.get(key) ?? []) {
      into.push(byKey.get(c)!);
      walk(c, into);
    }
  };
  for (const n of nodes.values()) walk(n.key, n.subLinks);

  const edges = new Map<string, { id: string; source: string; target: string }>();
  for (const l of links) {
    for (const to of l.suppliesTo) {
      if (!parentOf.has(to.key)) continue;
      const source = top(l.key);
      const target = top(to.key);
      if (source === target) continue;
      const id = `${source}->${target}`;
      edges.set(id, { id, source, target });
    }
  }
  const sorted = [...nodes.values()].sort(
    (a, b) => stageRank(a.stage) - stageRank(b.stage) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return { nodes: sorted, edges: [...edges.values()], byKey };
}

/** Counts of links by status, for the legend. */
export function countByStatus(model: PanoramaModel): Record<DisplayStatus, number> {
  const counts: Record<DisplayStatus, number> = { STRONG: 0, WEAK: 0, MISSING: 0, BROKEN: 0, UNKNOWN: 0 };
  for (const l of model.byKey.values()) counts[l.status]++;
  return counts;
}

/** Node box size for the layout: a header plus one row per sub-link. */
export function nodeSize(n: PanoramaNode): { width: number; height: number } {
  return {
    width: 210,
    height: 74 + Math.min(n.subLinks.length, 12) * 26 + (n.subLinks.length > 12 ? 20 : 0),
  };
}
