import dagre from '@dagrejs/dagre';
import type { GraphNode, RouteGraph } from './routeGraph';

export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size a node will take on screen, estimated from its text (no DOM here: layout runs in a worker and in Node). */
export function nodeSize(node: GraphNode): { width: number; height: number } {
  const chars = Math.max(node.label.length, node.detail.length * 0.85);
  const width = Math.min(360, Math.max(150, Math.round(chars * 7.6 + 36)));
  const overridden = node.overridden?.length ?? 0;
  return { width, height: 54 + Math.min(overridden, 4) * 18 };
}

/** Left-to-right layered layout with dagre: sources, then routes, then backends. Returns top-left positions. */
export function layoutRouteGraph(graph: RouteGraph): Map<string, NodeBox> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 120, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, nodeSize(node));
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const boxes = new Map<string, NodeBox>();
  for (const node of graph.nodes) {
    const laid = g.node(node.id);
    const { width, height } = nodeSize(node);
    boxes.set(node.id, { x: laid.x - width / 2, y: laid.y - height / 2, width, height });
  }
  return boxes;
}
