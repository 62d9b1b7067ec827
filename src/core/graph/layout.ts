import dagre from '@dagrejs/dagre';
import { layoutInColumns } from './columnsLayout';
import type { GraphNode, RouteGraph } from './routeGraph';

import { MAX_OVERRIDDEN_SHOWN, type LayoutDirection, type NodeBox } from './fit';

export { fitZoom, MAX_OVERRIDDEN_SHOWN, preferredDirection, type LayoutDirection, type NodeBox } from './fit';

/** Size a node will take on screen, estimated from its text (no DOM here: layout runs in a worker and in Node). */
export function nodeSize(node: GraphNode): { width: number; height: number } {
  const chars = Math.max(node.label.length, node.detail.length * 0.85);
  const minWidth = node.overridden && node.overridden.length > 0 ? 260 : 150; // room for the reasons
  const width = Math.min(360, Math.max(minWidth, Math.round(chars * 7.6 + 36)));
  // Each overridden policy is a wrapped line "overrides NAME: REASON" (about 6.5 px a character, 16 px a line).
  const perLine = Math.max(20, Math.floor((width - 22) / 6.5));
  const overridden = node.overridden ?? [];
  const shown = overridden.slice(0, MAX_OVERRIDDEN_SHOWN);
  const overriddenLines = shown.reduce((n, o) => n + Math.ceil((12 + o.policy.length + o.reason.length) / perLine), 0) + (overridden.length > shown.length ? 1 : 0);
  const ruleLines = (node.match ? Math.ceil((7 + node.match.length) / perLine) : 0) + (node.filters?.length ? 1 : 0);
  // An invalid route has two more lines: the "invalid: not applied" badge and its first error.
  return { width, height: 54 + (node.failing ? 16 : 0) + (node.invalid ? 32 : 0) + ruleLines * 16 + overriddenLines * 16 + (overriddenLines > 0 ? 4 : 0) };
}


/** Above this many nodes only the left-to-right layout is computed. */
const ALTERNATIVE_LAYOUT_LIMIT = 300;
/**
 * Above this many edges dagre's crossing reduction costs more than a frame budget allows (about 0.1 s at 60 edges,
 * 0.5 s at 200, minutes at thousands, on a 2-core machine): barycentre columns take over, in milliseconds.
 */
export const DAGRE_EDGE_LIMIT = 60;

/** Layered layout, sources then routes then backends: dagre for readable graphs, columns for huge ones. Top-left positions. */
export function layoutRouteGraph(graph: RouteGraph, direction: LayoutDirection = 'LR'): Map<string, NodeBox> {
  if (graph.edges.length > DAGRE_EDGE_LIMIT) {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    return layoutInColumns(graph, direction, (id) => nodeSize(byId.get(id) as GraphNode));
  }
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: direction === 'LR' ? 18 : 28, ranksep: direction === 'LR' ? 110 : 70, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map(graph.nodes.map((node) => [node.id, nodeSize(node)]));
  for (const [id, size] of sizes) g.setNode(id, { ...size });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const boxes = new Map<string, NodeBox>();
  for (const [id, { width, height }] of sizes) {
    const laid = g.node(id);
    boxes.set(id, { x: laid.x - width / 2, y: laid.y - height / 2, width, height });
  }
  keepSplitOrder(graph, boxes, direction);
  return boxes;
}

/**
 * Dagre orders siblings to reduce crossings, which may draw a route's `v1 10%` above its `v0 90%`. Backends that only
 * one route feeds are put back in the order of the route's edges (the backendRefs order), in the slots dagre gave them.
 */
function keepSplitOrder(graph: RouteGraph, boxes: Map<string, NodeBox>, direction: LayoutDirection): void {
  const inDegree = new Map<string, number>();
  for (const edge of graph.edges) inDegree.set(edge.target, (inDegree.get(edge.target) ?? 0) + 1);
  const axis = direction === 'LR' ? 'y' : 'x';
  const children = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (inDegree.get(edge.target) !== 1 || !edge.source.startsWith('route:')) continue;
    children.set(edge.source, [...(children.get(edge.source) ?? []), edge.target]);
  }
  for (const ids of children.values()) {
    const own = ids.map((id) => boxes.get(id)).filter((b): b is NodeBox => b !== undefined);
    if (own.length !== ids.length || own.length < 2) continue;
    const slots = own.map((b) => b[axis]).sort((a, b) => a - b);
    own.forEach((box, i) => (box[axis] = slots[i] ?? box[axis]));
  }
}

/** Both layouts for graphs small enough, so the view can take whichever fits its pane at the larger zoom. */
export function layoutBothWays(graph: RouteGraph): Partial<Record<LayoutDirection, Map<string, NodeBox>>> {
  const LR = layoutRouteGraph(graph, 'LR');
  return graph.nodes.length > ALTERNATIVE_LAYOUT_LIMIT ? { LR } : { LR, TB: layoutRouteGraph(graph, 'TB') };
}

