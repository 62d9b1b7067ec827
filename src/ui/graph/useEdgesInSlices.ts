import { useEffect, useMemo, useState } from 'react';

/** Edges a large graph is given per task when it is drawn anew. */
export const EDGE_SLICE = 25;

interface SlicedEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * The edges to give React Flow: all of them for a small graph (`wanted` null); for a large one, those already drawn
 * plus, task by task, EDGE_SLICE of the `wanted` ones not drawn yet, those touching the first view's nodes first.
 * React Flow draws a change in one task: the 400 edges of a newly picked source held the page for 200 to 400 ms,
 * where slices of 25 leave it free to answer in between. An edit that keeps the graph's edges draws them at once
 * (they are all drawn already). `complete`: every wanted edge is given.
 */
export function useEdgesInSlices<E extends SlicedEdge>(edges: E[], wanted: ReadonlySet<string> | null, firstView: ReadonlySet<string>, graphKey: string): { edges: E[]; complete: boolean } {
  // The edges drawn of the graph `graphKey` names: another graph (another source picked) starts from none, rather
  // than from those of the last one that it shares, which came all at once with its nodes.
  const [slices, setSlices] = useState<{ graphKey: string; drawn: ReadonlySet<string> }>(() => ({ graphKey, drawn: new Set() }));
  const drawn = useMemo<ReadonlySet<string>>(() => (slices.graphKey === graphKey ? slices.drawn : new Set()), [slices, graphKey]);
  const due = useMemo(() => (wanted ? edges.filter((e) => wanted.has(e.id) || drawn.has(e.id)) : edges), [edges, wanted, drawn]);
  const shown = useMemo(() => {
    if (!wanted) return edges;
    const kept = due.filter((e) => drawn.has(e.id));
    return kept.length === edges.length ? edges : kept;
  }, [edges, wanted, due, drawn]);
  const complete = shown.length === due.length;
  useEffect(() => {
    if (complete) return;
    const timer = setTimeout(() => setSlices({ graphKey, drawn: withSlice(due, drawn, firstView) }), 0);
    return () => clearTimeout(timer);
  }, [complete, due, drawn, firstView, graphKey]);
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
