import { useEffect, useMemo, useState } from 'react';

/** Edges a large graph is given per task when it is drawn anew. */
export const EDGE_SLICE = 10;
/** Nodes a large graph is given per task when it is drawn anew (before its edges). */
export const NODE_SLICE = 10;

interface SlicedEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * The items (edges or nodes) to give React Flow: all of them for a small graph (`wanted` null); for a large one,
 * those already drawn plus, task by task, the next slice (`nextSlice`) of the `wanted` ones not drawn yet. React Flow
 * makes every node and edge it is given in one task, at about 2 ms each on a 2-core machine: the 29 nodes of a
 * pasted mesh's first view held the page for 50 to 100 ms, and slices of 25 edges 40 to 60 ms, where slices of 10 leave
 * it free to answer in between. An edit that keeps the graph's items draws them at once (they are all drawn already).
 * `complete`: every wanted item is given.
 */
function useInSlices<T extends { id: string }>(
  items: T[],
  wanted: ReadonlySet<string> | null,
  graphKey: string,
  nextSlice: (due: readonly T[], drawn: ReadonlySet<string>) => Set<string>,
): { items: T[]; complete: boolean } {
  // The items drawn of the graph `graphKey` names: another graph (another source picked) starts from none, rather
  // than from those of the last one that it shares.
  const [slices, setSlices] = useState<{ graphKey: string; drawn: ReadonlySet<string> }>(() => ({ graphKey, drawn: new Set() }));
  const drawn = useMemo<ReadonlySet<string>>(() => (slices.graphKey === graphKey ? slices.drawn : new Set()), [slices, graphKey]);
  const due = useMemo(() => (wanted ? items.filter((e) => wanted.has(e.id) || drawn.has(e.id)) : items), [items, wanted, drawn]);
  const shown = useMemo(() => {
    if (!wanted) return items;
    const kept = due.filter((e) => drawn.has(e.id));
    return kept.length === items.length ? items : kept;
  }, [items, wanted, due, drawn]);
  const complete = shown.length === due.length;
  useEffect(() => {
    if (complete) return;
    const timer = setTimeout(() => setSlices({ graphKey, drawn: nextSlice(due, drawn) }), 0);
    return () => clearTimeout(timer);
  }, [complete, due, drawn, graphKey, nextSlice]);
  return { items: shown, complete };
}

/**
 * The edges to give React Flow, in slices of EDGE_SLICE, those touching the first view's nodes first (see useInSlices).
 * `wanted` null: all edges at once (a small graph).
 */
export function useEdgesInSlices<E extends SlicedEdge>(edges: E[], wanted: ReadonlySet<string> | null, firstView: ReadonlySet<string>, graphKey: string): { edges: E[]; complete: boolean } {
  const nextSlice = useMemo(() => (due: readonly E[], drawn: ReadonlySet<string>) => withSlice(due, drawn, firstView), [firstView]);
  const { items, complete } = useInSlices(edges, wanted, graphKey, nextSlice);
  return { edges: items, complete };
}

/** The nodes to give React Flow, in slices of NODE_SLICE, in their order (see useInSlices); `wanted` null: all at once. */
export function useNodesInSlices<N extends { id: string }>(nodes: N[], wanted: ReadonlySet<string> | null, graphKey: string): { nodes: N[]; complete: boolean } {
  const { items, complete } = useInSlices(nodes, wanted, graphKey, withNodeSlice);
  return { nodes: items, complete };
}

/** The drawn edges that are still in `edges`, and the next slice of those not drawn yet (first view first). */
export function withSlice(edges: readonly SlicedEdge[], drawn: ReadonlySet<string>, firstView: ReadonlySet<string>): Set<string> {
  const next = new Set<string>();
  const fresh: SlicedEdge[] = [];
  for (const edge of edges) {
    if (drawn.has(edge.id)) next.add(edge.id);
    else fresh.push(edge);
  }
  const near = (e: SlicedEdge) => (firstView.has(e.source) || firstView.has(e.target) ? 0 : 1);
  fresh.sort((a, b) => near(a) - near(b));
  for (const edge of fresh.slice(0, EDGE_SLICE)) next.add(edge.id);
  return next;
}

/** The drawn nodes that are still in `nodes`, and the next NODE_SLICE of those not drawn yet, in their order. */
export function withNodeSlice(nodes: readonly { id: string }[], drawn: ReadonlySet<string>): Set<string> {
  const next = new Set<string>();
  let added = 0;
  for (const node of nodes) {
    if (drawn.has(node.id)) next.add(node.id);
    else if (added < NODE_SLICE) {
      next.add(node.id);
      added++;
    }
  }
  return next;
}
