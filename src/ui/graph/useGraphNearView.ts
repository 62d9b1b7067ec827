import { useCallback, useMemo, useState } from 'react';
import { edgesNearView, nodesNearView, type Box } from './edgesNearView';
import type { Flow, FlowEdge, FlowNode } from './toFlow';
import { useEdgesInSlices, useNodesInSlices } from './useEdgesInSlices';

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * What React Flow is given of a graph. A small graph: all of it. A large one (`firstView` set): the nodes and edges
 * near its view, given a slice per task, nodes first; what was given stays while the view moves, until another graph comes.
 * React Flow keeps every node and edge it is given in its own store and looks at each one again at each change:
 * the 816 nodes and 834 edges of one source of a mesh of 1,000 services cost 100 ms and more per drawing.
 * `setView`: what the view shows (flow coordinates), once the graph is placed and after each pan or zoom.
 */
export function useGraphNearView(flow: Flow, firstView: readonly { id: string }[] | undefined, graphKey: string): { nodes: FlowNode[]; edges: FlowEdge[]; complete: boolean; setView(view: Box | null): void } {
  // The view of the graph `graphKey` names: another graph starts without one until it is placed (a new source's
  // nodes near the last graph's view were found, and sliced, for nothing).
  const [seen, setSeen] = useState<{ graphKey: string; view: Box | null } | null>(null);
  const view = seen?.graphKey === graphKey ? seen.view : null;
  const setView = useCallback((next: Box | null) => setSeen({ graphKey, view: next }), [graphKey]);
  const large = firstView !== undefined;
  const firstViewIds = useMemo(() => new Set(firstView?.map((n) => n.id)), [firstView]);
  const boxById = useMemo(() => new Map(flow.nodes.map((n) => [n.id, { x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.initialHeight ?? 0 }])), [flow.nodes]);
  // The nodes near the view (and the first view's) come first, a slice per task; then the edges near the view.
  const nearNodes = useMemo(() => {
    if (!large || !view) return null;
    const ids = new Set(nodesNearView(boxById, view));
    for (const n of firstView ?? []) ids.add(n.id);
    return ids;
  }, [large, view, boxById, firstView]);
  const slicedNodes = useNodesInSlices(flow.nodes, nearNodes, graphKey);
  // The edges wanted once those nodes are all given (found then, not in the task that places the graph). Before its
  // view is known (a pane without a size yet), a large graph wants all of itself, edges still in slices.
  const nodesGiven = slicedNodes.complete;
  const wanted = useMemo(
    () => (!large ? null : !nodesGiven ? NO_IDS : view ? edgesNearView(flow.edges, boxById, view) : new Set(flow.edges.map((e) => e.id))),
    [large, nodesGiven, view, flow.edges, boxById],
  );
  const sliced = useEdgesInSlices(flow.edges, wanted, firstViewIds, graphKey);

  // The nodes given: those sliced in, and the ends of the edges given (an edge's far end comes with its slice). The
  // edges given stay while the view moves (see useEdgesInSlices), and so do their ends.
  const nodes = useMemo(() => {
    if (!large || !view) return flow.nodes;
    const ids = new Set(slicedNodes.nodes.map((n) => n.id));
    for (const e of sliced.edges) {
      ids.add(e.source);
      ids.add(e.target);
    }
    return flow.nodes.filter((n) => ids.has(n.id));
  }, [large, view, flow.nodes, slicedNodes.nodes, sliced.edges]);
  return { nodes: useSameWhileEqual(nodes), edges: sliced.edges, complete: slicedNodes.complete && sliced.complete, setView };
}

/** The last array while the new one holds the same objects: React Flow then has nothing to look at again. */
function useSameWhileEqual<T>(items: T[]): T[] {
  const [kept, setKept] = useState(items);
  const same = kept === items || (kept.length === items.length && items.every((item, i) => item === kept[i]));
  if (!same) setKept(items);
  return same ? kept : items;
}
