import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { FLOW_ARIA_LABELS } from '../panorama/flowLabels';
import { layeredLayout } from '../panorama/layout';
import { Loading } from '../ui/States';
import { RELATION_LABEL, type TieNode } from './graph';

type Data = { node: TieNode; onOpen: (key: string) => void };

function TieNodeView({ data }: NodeProps<Node<Data>>) {
  const n = data.node;
  return (
    <div className={`tie-node tie-${n.relation}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {n.relation === 'self' ? (
        <strong>{n.name}</strong>
      ) : (
        <button type="button" className="link-button nodrag" onClick={() => data.onOpen(n.id)}>
          {n.name}
        </button>
      )}
      <small>
        {n.relation === 'self' ? '本企业' : `${RELATION_LABEL[n.relation]}${n.sub ? ` · ${n.sub}` : ''}`}
      </small>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { tie: TieNodeView };

/** 供应链与股权关系图: the enterprise's suppliers, customers and investments, laid out by ELK. */
export default function EnterpriseGraph({
  nodes,
  edges,
}: {
  nodes: TieNode[];
  edges: { id: string; source: string; target: string; relation: string; label: string }[];
}) {
  const navigate = useNavigate();
  const [pos, setPos] = useState<Map<string, { x: number; y: number }> | null>(null);
  useEffect(() => {
    let live = true;
    layeredLayout(
      nodes.map((n) => ({ id: n.id, width: 180, height: 52, partition: n.partition })),
      edges,
      { nodeSpacing: 14, layerSpacing: 90 },
    ).then(
      (p) => live && setPos(p),
      () => live && setPos(new Map()),
    );
    return () => {
      live = false;
    };
  }, [nodes, edges]);
  const rfNodes = useMemo(
    (): Node<Data>[] =>
      nodes.map((n) => ({
        id: n.id,
        type: 'tie',
        position: pos?.get(n.id) ?? { x: 0, y: 0 },
        data: {
          node: n,
          onOpen: (key: string) =>
            navigate(`/enterprise/${encodeURIComponent(key)}${window.location.search}`),
        },
        draggable: false,
        focusable: false,
        style: { width: 180 },
      })),
    [nodes, pos, navigate],
  );
  const rfEdges = useMemo(
    (): Edge[] =>
      edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: e.label,
        markerEnd: { type: MarkerType.ArrowClosed, color: '#5c6770' },
        style: {
          stroke: e.relation === 'investor' || e.relation === 'investment' ? '#7048e8' : '#5c6770',
          strokeDasharray: e.relation === 'investor' || e.relation === 'investment' ? '5 3' : undefined,
        },
        focusable: false,
      })),
    [edges],
  );
  if (!pos) return <Loading>正在排布关系图…</Loading>;
  return (
    <div className="tie-graph" data-testid="enterprise-graph">
      <ReactFlow
        nodes={rfNodes}
        edges={rfEdges}
        nodeTypes={nodeTypes}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={FLOW_ARIA_LABELS}
      >
        <Controls showInteractive={false} />
        <Background gap={24} size={1} color="#eee" />
      </ReactFlow>
    </div>
  );
}
