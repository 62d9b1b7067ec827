/**
 * Which edges of a large graph to draw for a view. React Flow draws every edge whose bounding box meets the view:
 * the 400 edges from one source to its 400 routes all do, though past the view's edge they run together in one
 * bundle. Drawing them cost hundreds of milliseconds per graph, and more for each new slice of edges (every drawn
 * edge is looked at again). Here an edge is drawn when one of its ends is near the view (within half a view's size);
 * a hub's edges (a node with many) only when their other end is near too, or is among the hub's nearest.
 * Pure: no React, no DOM.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ViewEdge {
  id: string;
  source: string;
  target: string;
}

/** A node with more edges than this is a hub. */
export const HUB_EDGES = 12;
/** A hub's edges to its nearest other ends, drawn wherever the view is: a hub is never shown without edges. */
export const HUB_NEAREST = 24;

const meets = (a: Box, b: Box) => a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
const centre = (b: Box) => [b.x + b.width / 2, b.y + b.height / 2] as const;

/**
 * The view grown by half its size on every side: what a short pan brings into view. (Grown by its whole size, a
 * picked source's first drawing gave React Flow twice the nodes and edges, and took 10 to 100 ms longer.)
 */
function around(view: Box): Box {
  return { x: view.x - view.width / 2, y: view.y - view.height / 2, width: 2 * view.width, height: 2 * view.height };
}

/** The ids of the edges worth drawing for `view` (flow coordinates); an edge whose ends have no box is drawn. */
export function edgesNearView(edges: readonly ViewEdge[], boxes: ReadonlyMap<string, Box>, view: Box): Set<string> {
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const hub = (id: string) => (degree.get(id) ?? 0) > HUB_EDGES;
  const nearArea = around(view);
  const nearCache = new Map<string, boolean>();
  const near = (id: string) => {
    let answer = nearCache.get(id);
    if (answer === undefined) {
      const box = boxes.get(id);
      answer = box === undefined || meets(box, nearArea);
      nearCache.set(id, answer);
    }
    return answer;
  };

  const wanted = new Set<string>();
  const hubEdges = new Map<string, ViewEdge[]>();
  for (const e of edges) {
    const sourceNear = near(e.source);
    const targetNear = near(e.target);
    const sourceHub = hub(e.source);
    const targetHub = hub(e.target);
    if ((sourceNear && targetNear) || (sourceNear && !sourceHub) || (targetNear && !targetHub) || (!sourceHub && !targetHub && crosses(e, boxes, view))) wanted.add(e.id);
    if (sourceNear && sourceHub) push(hubEdges, e.source, e);
    if (targetNear && targetHub) push(hubEdges, e.target, e);
  }
  // A hub near the view keeps its edges to its nearest other ends: zoomed in on it, it still shows where it leads.
  for (const [id, list] of hubEdges) {
    const box = boxes.get(id);
    if (!box) continue;
    const [hx, hy] = centre(box);
    // Squared: only the order counts (Math.hypot over a hub's 400 edges took 9 ms of a first drawing).
    const distance = (e: ViewEdge) => {
      const other = boxes.get(e.source === id ? e.target : e.source);
      if (!other) return 0;
      const [ox, oy] = centre(other);
      return (ox - hx) ** 2 + (oy - hy) ** 2;
    };
    const nearest = list.map((e) => [distance(e), e] as const).sort((a, b) => a[0] - b[0]);
    for (const [, e] of nearest.slice(0, HUB_NEAREST)) wanted.add(e.id);
  }
  return wanted;
}

/** Whether the box spanning an edge's two ends meets the view (how React Flow decides an edge is visible). */
function crosses(e: ViewEdge, boxes: ReadonlyMap<string, Box>, view: Box): boolean {
  const a = boxes.get(e.source);
  const b = boxes.get(e.target);
  if (!a || !b) return true;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return meets({ x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }, view);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The part of the flow a viewport shows in a pane of `width` x `height` pixels. */
export function viewBox(viewport: { x: number; y: number; zoom: number }, width: number, height: number): Box {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: width / viewport.zoom, height: height / viewport.zoom };
}

/** The ids of the nodes whose box is near `view` (within half a view's size). */
export function nodesNearView(boxes: ReadonlyMap<string, Box>, view: Box): string[] {
  const area = around(view);
  const ids: string[] = [];
  for (const [id, box] of boxes) if (meets(box, area)) ids.push(id);
  return ids;
}
