import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { LINK_STAGE_LABEL } from '../ui/labels';
import { Loading } from '../ui/States';
import { FLOW_ARIA_LABELS } from './flowLabels';
import { layeredLayout } from './layout';
import { nodeSize, stageRank, type PanoramaLink, type PanoramaModel, type PanoramaNode } from './model';
import { STATUS_META, statusText } from './status';

type LinkNodeData = { link: PanoramaNode; selected: string | null; onSelect: (key: string) => void };
type StageNodeData = { label: string };

function StatusBadge({ link }: { link: PanoramaLink }) {
  const m = STATUS_META[link.status];
  return (
    <span className="status-badge" style={{ color: m.text, borderColor: m.border }}>
      <span aria-hidden="true">{m.icon}</span> {m.label}
    </span>
  );
}

function countText(l: PanoramaLink): string {
  if (l.localCount == null) return '';
  return `本地 ${l.localCount} 家${l.anchorCount ? ` · 龙头 ${l.anchorCount}` : ''}`;
}

/**
 * Keyboard users tab from link to link: when the focused button is outside the visible canvas,
 * pan so that it is in the middle (the canvas never scrolls natively: overflow is clipped).
 */
function usePanToFocus() {
  const rf = useReactFlow();
  return useCallback(
    (e: FocusEvent<HTMLElement>) => {
      const pane = e.currentTarget.closest('.react-flow')?.getBoundingClientRect();
      const r = e.target.getBoundingClientRect();
      if (!pane) return;
      if (r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom)
        return;
      const { x, y, zoom } = rf.getViewport();
      void rf.setViewport({
        x: x + (pane.left + pane.width / 2 - (r.left + r.width / 2)),
        y: y + (pane.top + pane.height / 2 - (r.top + r.height / 2)),
        zoom,
      });
    },
    [rf],
  );
}

const LinkNode = memo(function LinkNode({ data }: NodeProps<Node<LinkNodeData>>) {
  const { link, selected, onSelect } = data;
  const onFocus = usePanToFocus();
  const m = STATUS_META[link.status];
  const more = link.subLinks.length - 12;
  return (
    <div
      className={`link-node${selected === link.key ? ' is-selected' : ''}`}
      style={{
        background: m.fill,
        borderColor: m.border,
        color: m.text,
        borderStyle: link.status === 'MISSING' || link.status === 'BROKEN' ? 'dashed' : 'solid',
      }}
      data-status={link.status}
      data-link={link.key}
      onFocus={onFocus}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <button
        type="button"
        className="link-node-title nodrag"
        onClick={() => onSelect(link.key)}
        aria-label={`${link.name}：${statusText(link.status, link.isKey)}${countText(link) ? `，${countText(link)}` : ''}`}
        aria-pressed={selected === link.key}
      >
        {link.isKey && (
          <span className="key-mark" title="关键环节" aria-hidden="true">
            ★
          </span>
        )}
        {link.name}
      </button>
      <div className="link-node-meta">
        <StatusBadge link={link} />
        <span>{countText(link)}</span>
      </div>
      {link.subLinks.length > 0 && (
        <ul className="sublinks">
          {link.subLinks.slice(0, 12).map((s) => {
            const sm = STATUS_META[s.status];
            return (
              <li key={s.key} style={{ paddingLeft: (s.depth - 1) * 10 }}>
                <button
                  type="button"
                  className={`sublink nodrag${selected === s.key ? ' is-selected' : ''}`}
                  style={{ background: sm.fill, borderColor: sm.border, color: sm.text }}
                  onClick={() => onSelect(s.key)}
                  data-status={s.status}
                  data-link={s.key}
                  aria-label={`${s.name}：${statusText(s.status, s.isKey)}${countText(s) ? `，${countText(s)}` : ''}`}
                  aria-pressed={selected === s.key}
                >
                  <span aria-hidden="true">{sm.icon}</span> {s.isKey ? '★' : ''}
                  {s.name}
                  {s.localCount != null && <small> {s.localCount}</small>}
                </button>
              </li>
            );
          })}
          {more > 0 && <li className="muted">另有 {more} 个子环节，见列表视图</li>}
        </ul>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

function StageNode({ data }: NodeProps<Node<StageNodeData>>) {
  return <div className="stage-label">{data.label}</div>;
}

const nodeTypes = { link: LinkNode, stage: StageNode };

/**
 * 产业链全景图: the chain's links in layers, upstream → midstream → downstream, SUPPLIES as arrows,
 * sub-links inside their link. ELK places the nodes; zoom and pan with the mouse, touch or the
 * buttons in the corner.
 */
export default function PanoramaGraph({
  model,
  selected,
  onSelect,
  height = 560,
  interactive = true,
}: {
  model: PanoramaModel;
  selected: string | null;
  onSelect: (key: string) => void;
  height?: number | string;
  interactive?: boolean;
}) {
  const [positions, setPositions] = useState<Map<string, { x: number; y: number }> | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [layoutMs, setLayoutMs] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    const t0 = performance.now();
    setPositions(null);
    layeredLayout(
      model.nodes.map((n) => ({ id: n.key, ...nodeSize(n), partition: stageRank(n.stage) })),
      model.edges,
    ).then(
      (p) => {
        if (!live) return;
        setPositions(p);
        setLayoutMs(Math.round(performance.now() - t0));
      },
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [model]);

  const nodes = useMemo((): Node[] => {
    if (!positions) return [];
    const linkNodes: Node[] = model.nodes.map((n) => ({
      id: n.key,
      type: 'link',
      position: positions.get(n.key) ?? { x: 0, y: 0 },
      data: { link: n, selected, onSelect } satisfies LinkNodeData,
      style: { width: nodeSize(n).width },
      draggable: false,
      selectable: false,
      focusable: false,
    }));
    // A heading over each stage's column.
    const stageX = new Map<string, number>();
    for (const n of model.nodes) {
      const p = positions.get(n.key);
      if (p) stageX.set(n.stage, Math.min(stageX.get(n.stage) ?? Infinity, p.x));
    }
    const labels: Node[] = [...stageX].map(([stage, x]) => ({
      id: `stage:${stage}`,
      type: 'stage',
      position: { x, y: -48 },
      data: { label: LINK_STAGE_LABEL[stage] ?? stage } satisfies StageNodeData,
      draggable: false,
      selectable: false,
      focusable: false,
    }));
    return [...labels, ...linkNodes];
  }, [model, positions, selected, onSelect]);

  const edges = useMemo(
    (): Edge[] =>
      model.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#5c6770' },
        style: { stroke: '#5c6770', strokeWidth: 1.4 },
        focusable: false,
      })),
    [model],
  );

  // Fit the whole chain when it is readable that way; otherwise keep a readable zoom, centred
  // horizontally and starting at the top (pan or zoom out for the rest).
  const box = useRef<HTMLDivElement>(null);
  const onInit = useCallback(
    (rf: ReactFlowInstance) => {
      const el = box.current;
      if (!el || !positions) return;
      const minY = -60;
      let minX = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const n of model.nodes) {
        const p = positions.get(n.key);
        if (!p) continue;
        const { width, height } = nodeSize(n);
        minX = Math.min(minX, p.x);
        maxX = Math.max(maxX, p.x + width);
        maxY = Math.max(maxY, p.y + height);
      }
      if (!Number.isFinite(minX)) return;
      const pad = 24;
      const W = el.clientWidth - 2 * pad;
      const H = el.clientHeight - 2 * pad;
      const w = maxX - minX;
      const h = maxY - minY;
      const fit = Math.min(W / w, H / h, 1.1);
      const zoom = interactive ? Math.max(fit, Math.min(0.75, W / w)) : fit;
      void rf.setViewport({
        x: pad + (W - w * zoom) / 2 - minX * zoom,
        y: pad + Math.max(0, (H - h * zoom) / 2) - minY * zoom,
        zoom,
      });
      // A link opened from a shared URL: bring its node into view.
      const top = selected
        ? model.nodes.find((n) => n.key === selected || n.subLinks.some((l) => l.key === selected))
        : undefined;
      const at = top && positions.get(top.key);
      if (top && at && zoom > fit + 1e-9) {
        const size = nodeSize(top);
        void rf.setCenter(at.x + size.width / 2, at.y + size.height / 2, { zoom });
      }
    },
    [model, positions, interactive],
  );

  if (failed) return <p role="alert">全景图排布失败：{failed}。请刷新页面重试，或改用“列表视图”。</p>;
  if (!positions) return <Loading>正在排布全景图…</Loading>;
  return (
    <div
      ref={box}
      className="panorama-canvas"
      style={{ height }}
      data-testid="panorama"
      data-layout-ms={layoutMs ?? ''}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onInit={onInit}
        minZoom={0.15}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        panOnDrag={interactive}
        zoomOnScroll={interactive}
        zoomOnPinch={interactive}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={FLOW_ARIA_LABELS}
      >
        {interactive && <Controls showInteractive={false} />}
        <Background gap={24} size={1} color="#e5e7eb" />
      </ReactFlow>
    </div>
  );
}
