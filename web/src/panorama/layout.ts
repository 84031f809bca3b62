import ElkConstructor, { type ELK, type ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

// ELK's layered algorithm (Sugiyama style) places every graph the explorer draws. It runs in a web
// worker, so a large chain never blocks the page while it is laid out.

let elk: ELK | null = null;
const getElk = (): ELK => (elk ??= new ElkConstructor({ workerUrl: elkWorkerUrl }));

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Layer group, left to right (e.g. 0 upstream, 1 midstream, 2 downstream). */
  partition?: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

/** Top-left positions of the nodes, laid out in layers left to right. */
export async function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  opts: { direction?: 'RIGHT' | 'DOWN'; nodeSpacing?: number; layerSpacing?: number } = {},
): Promise<Map<string, { x: number; y: number }>> {
  const usePartitions = nodes.some((n) => n.partition !== undefined);
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': opts.direction ?? 'RIGHT',
      'elk.spacing.nodeNode': String(opts.nodeSpacing ?? 28),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(opts.layerSpacing ?? 70),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'false',
      ...(usePartitions ? { 'elk.partitioning.activate': 'true' } : {}),
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
      ...(n.partition !== undefined
        ? { layoutOptions: { 'elk.partitioning.partition': String(n.partition) } }
        : {}),
    })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await getElk().layout(graph);
  return new Map((out.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}
