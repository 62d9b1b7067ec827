import { useEffect, useMemo, useState } from 'react';

/** Edges a large graph is given per task when it is drawn anew. */
export const EDGE_SLICE = 25;

interface SlicedEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * The edges to give React Flow: all of them for a small graph; for a large one, those already drawn plus, task by task,
 * EDGE_SLICE of the new ones, those touching the first view's nodes first. React Flow draws a change in one
 * task: the 400 edges of a newly picked source held the page for 200 to 400 ms, where slices of 25 (25 to 50 ms each on
 * this project's 2-core machine) leave it free to answer in between. An edit that keeps the graph's edges draws them at once (they are all drawn already).
 * `complete`: every edge is given.
 */
export function useEdgesInSlices<E extends SlicedEdge>(edges: E[], sliced: boolean, firstView: ReadonlySet<string>): { edges: E[]; complete: boolean } {
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const shown = useMemo(() => {
    if (!sliced) return edges;
    const kept = edges.filter((e) => drawn.has(e.id));
    return kept.length === edges.length ? edges : kept;
  }, [edges, sliced, drawn]);
  const complete = shown === edges;
  useEffect(() => {
    if (complete) return;
    const timer = setTimeout(() => setDrawn(withSlice(edges, drawn, firstView)), 0);
    return () => clearTimeout(timer);
  }, [complete, edges, drawn, firstView]);
  return { edges: shown, complete };
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
