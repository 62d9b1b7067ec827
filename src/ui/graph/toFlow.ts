/**
 * Route graph (core) + layout boxes (worker) -> React Flow nodes and edges, without their accessible names (given
 * to the drawn part only: see ariaLabels). Pure: no React, no DOM.
 */
import { getViewportForBounds, Position, type Edge, type Node, type NodeHandle, type Viewport } from '@xyflow/react';
import type { GraphEdge, GraphNode, GraphNodeKind, LayoutDirection, NodeBox } from '../../core';
import equal from 'fast-deep-equal';

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

/**
 * `previous`: the flow drawn before. A node or edge that did not change keeps its object, so React Flow re-renders
 * only what a keystroke changed (on a graph of 800 nodes, re-rendering all of them took hundreds of milliseconds).
 */
export function toFlow(
  graph: { nodes: GraphNode[]; edges: GraphEdge[] },
  boxes: readonly [string, NodeBox][],
  selectedId: string | null,
  direction: LayoutDirection = 'LR',
  previous?: Flow,
): Flow {
  const boxById = new Map(boxes);
  const showMesh = new Set(graph.nodes.map((n) => n.mesh)).size > 1;
  const nodes: FlowNode[] = graph.nodes.map((node) => {
    const box = boxById.get(node.id) ?? FALLBACK_BOX;
    return {
      id: node.id,
      type: node.kind,
      position: { x: box.x, y: box.y },
      width: box.width,
      // Known before React Flow measures the node: fitting and drawing only the nodes in view need it.
      initialHeight: box.height,
      // Where its handles are, known too: React Flow draws every node it has not measured, in view or not.
      handles: handlesOf(box, direction),
      // Its size as React Flow would measure it (the box is in whole pixels and the node's CSS keeps to it). React
      // Flow measures every node it mounts; a node whose measured size equals this one keeps its handles (see the
      // patch in patches/), so drawing a graph takes one pass instead of a second for the measures.
      measured: { width: box.width, height: box.height },
      data: { node, selected: node.id === selectedId, minHeight: box.height, showMesh, direction },
      draggable: false,
      connectable: false,
      className: node.location ? 'flow-node flow-node--linked' : 'flow-node',
    };
  });
  const edges: FlowEdge[] = graph.edges.map((edge) => ({
    id: edge.id,
    type: 'route',
    source: edge.source,
    target: edge.target,
    data: { edge, selected: edge.id === selectedId },
    className: edge.location ? 'flow-edge flow-edge--linked' : 'flow-edge',
  }));
  return previous ? { nodes: keepUnchanged(nodes, previous.nodes, sameNode), edges: keepUnchanged(edges, previous.edges, sameEdge) } : { nodes, edges };
}

/** React Flow's handle: 6 px, centred on the side it is on (its default style, which the nodes keep). */
const HANDLE = 6;

function handlesOf({ width, height }: NodeBox, direction: LayoutDirection): NodeHandle[] {
  const half = HANDLE / 2;
  const [target, source] =
    direction === 'TB'
      ? [{ position: Position.Top, x: width / 2 - half, y: -half }, { position: Position.Bottom, x: width / 2 - half, y: height - half }]
      : [{ position: Position.Left, x: -half, y: height / 2 - half }, { position: Position.Right, x: width - half, y: height / 2 - half }];
  return [
    { type: 'target', width: HANDLE, height: HANDLE, ...target },
    { type: 'source', width: HANDLE, height: HANDLE, ...source },
  ];
}

function keepUnchanged<T extends { id: string }>(next: T[], previous: readonly T[], same: (a: T, b: T) => boolean): T[] {
  if (previous.length === 0) return next;
  const before = new Map(previous.map((item) => [item.id, item]));
  return next.map((item) => {
    const old = before.get(item.id);
    return old && same(old, item) ? old : item;
  });
}

/** Equal as data (the worker's objects are new at every answer): compared field by field, stopping at the first difference. */
const sameData = (a: object, b: object) => equal(a, b);

function sameNode(a: FlowNode, b: FlowNode): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.type === b.type &&
    a.className === b.className &&
    a.data.selected === b.data.selected &&
    a.data.minHeight === b.data.minHeight &&
    a.data.showMesh === b.data.showMesh &&
    a.data.direction === b.data.direction &&
    sameData(a.data.node, b.data.node)
  );
}

function sameEdge(a: FlowEdge, b: FlowEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.className === b.className &&
    a.data?.selected === b.data?.selected &&
    sameData(a.data?.edge ?? {}, b.data?.edge ?? {})
  );
}

/** `toFlow` that remembers what it drew last, so each drawing keeps the unchanged nodes and edges of the one before. */
export function flowBuilder(): (graph: { nodes: GraphNode[]; edges: GraphEdge[] } | undefined, boxes: readonly [string, NodeBox][] | undefined, selectedId: string | null, direction: LayoutDirection) => Flow {
  let drawn: Flow | undefined;
  return (graph, boxes, selectedId, direction) => {
    drawn = graph ? toFlow(graph, boxes ?? [], selectedId, direction, drawn) : { nodes: [], edges: [] };
    return drawn;
  };
}

/** Identity of the drawn graph: fitView runs again only when this changes. */
export function nodeIdsKey(nodes: readonly { id: string }[]): string {
  return nodes
    .map((n) => n.id)
    .sort()
    .join('\n');
}

/** Above this many nodes the graph opens on part of itself, and React Flow draws only the nodes in view. */
export const LARGE_GRAPH_NODES = 150;
/** The graph's smallest zoom. */
export const MIN_ZOOM = 0.1;
/**
 * A large graph's first view: the first source and its 11 nearest nodes, fitted (zoom about 0.8, where the text reads
 * well). With 40, the view was zoomed out to 0.45, its text hard to read, and 50 nodes were drawn at once. Each node
 * drawn at once costs the task that draws it: against 20 nodes, 12 took the median longest task of picking a source
 * from 119 to 78 ms in an A/B of five runs each (and after a paste, from 136 to 110 ms).
 */
export const FIRST_VIEW_NODES = 12;

/**
 * The nodes the view fits when a graph is drawn: all of them, or for a large graph the first source and the nodes
 * nearest to it (fitting 800 nodes would draw every one too small to read, and all at once).
 */
export function firstViewNodes(nodes: readonly FlowNode[]): { id: string }[] | undefined {
  if (nodes.length <= LARGE_GRAPH_NODES) return undefined;
  const anchor = nodes.find((n) => n.type === 'source') ?? nodes[0];
  if (!anchor) return undefined;
  // Each distance computed once, not at each comparison of the sort (800 nodes: 14 ms in a trace).
  return nodes
    .map((n) => [(n.position.x - anchor.position.x) ** 2 + (n.position.y - anchor.position.y) ** 2, n.id] as const)
    .sort((a, b) => a[0] - b[0])
    .slice(0, FIRST_VIEW_NODES)
    .map(([, id]) => ({ id }));
}


/**
 * The viewport that fits `ids` of `nodes` in a pane, computed from their laid-out boxes (React Flow's own fitView
 * needs the nodes drawn and measured first: a large graph would be drawn whole, under the old viewport, to be fitted).
 */
export function viewportFitting(nodes: readonly FlowNode[], ids: readonly { id: string }[], width: number, height: number, maxZoom: number, padding: number): Viewport | null {
  const wanted = new Set(ids.map((n) => n.id));
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    if (!wanted.has(node.id)) continue;
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + (node.width ?? 0));
    bottom = Math.max(bottom, node.position.y + (node.initialHeight ?? node.height ?? 0));
  }
  if (!(right > left) || !(bottom > top) || width <= 0 || height <= 0) return null;
  return getViewportForBounds({ x: left, y: top, width: right - left, height: bottom - top }, width, height, MIN_ZOOM, maxZoom, padding);
}
