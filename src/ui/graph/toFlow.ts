/** Route graph (core) + layout boxes (worker) -> React Flow nodes and edges. Pure: no React, no DOM. */
import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, GraphNodeKind, LayoutDirection, NodeBox } from '../../core';
import { graphAriaLabels } from './ariaLabels';

/** `minHeight`: the layout's height; a node may grow a little taller than the core estimated, never shorter. */
export type RouteNodeData = {
  node: GraphNode;
  selected: boolean;
  minHeight: number;
  /** Several meshes are drawn: say which. */
  showMesh: boolean;
  /** Where the handles go: sides for left-to-right, top and bottom for top-to-bottom. */
  direction: LayoutDirection;
};
export type FlowNode = Node<RouteNodeData, GraphNodeKind>;

export type RouteEdgeData = { edge: GraphEdge; selected: boolean };
export type FlowEdge = Edge<RouteEdgeData, 'route'>;

export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

const FALLBACK_BOX: NodeBox = { x: 0, y: 0, width: 180, height: 54 };

export function toFlow(
  graph: { nodes: GraphNode[]; edges: GraphEdge[] },
  boxes: readonly [string, NodeBox][],
  selectedId: string | null,
  direction: LayoutDirection = 'LR',
): Flow {
  const boxById = new Map(boxes);
  const showMesh = new Set(graph.nodes.map((n) => n.mesh)).size > 1;
  const aria = graphAriaLabels(graph);
  const nodes: FlowNode[] = graph.nodes.map((node) => {
    const box = boxById.get(node.id) ?? FALLBACK_BOX;
    return {
      id: node.id,
      type: node.kind,
      position: { x: box.x, y: box.y },
      width: box.width,
      data: { node, selected: node.id === selectedId, minHeight: box.height, showMesh, direction },
      draggable: false,
      connectable: false,
      ariaLabel: aria.nodes.get(node.id) ?? node.label,
      className: node.location ? 'flow-node flow-node--linked' : 'flow-node',
    };
  });
  const edges: FlowEdge[] = graph.edges.map((edge) => ({
    id: edge.id,
    type: 'route',
    source: edge.source,
    target: edge.target,
    data: { edge, selected: edge.id === selectedId },
    ariaLabel: aria.edges.get(edge.id) ?? edge.label,
    className: edge.location ? 'flow-edge flow-edge--linked' : 'flow-edge',
  }));
  return { nodes, edges };
}

/** Identity of the drawn graph: fitView runs again only when this changes. */
export function nodeIdsKey(nodes: readonly { id: string }[]): string {
  return nodes
    .map((n) => n.id)
    .sort()
    .join('\n');
}
