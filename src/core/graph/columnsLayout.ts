import type { GraphNode, GraphNodeKind, RouteGraph } from './routeGraph';
import type { LayoutDirection, NodeBox } from './fit';

/** TSB graphs have a column of service ports between clients and routes; Kuma graphs leave it empty. */
const COLUMNS: GraphNodeKind[] = ['source', 'port', 'route', 'backend'];
/** Barycentre sweeps (down then up); crossings stop improving after a few on these few-column graphs. */
const SWEEPS = 4;

/**
 * A layout for graphs too large for dagre (whose crossing reduction takes seconds at a few hundred edges and
 * minutes at thousands): one column per node kind, ordered by barycentre sweeps (each node at the mean position of
 * its neighbours in the column before, then after), each column centred on the tallest. Linear apart from the sorts.
 */
export function layoutInColumns(graph: RouteGraph, direction: LayoutDirection, size: (id: string) => { width: number; height: number }): Map<string, NodeBox> {
  const feeders = new Map<string, string[]>();
  const targets = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const edge of graph.edges) {
    push(feeders, edge.target, edge.source);
    push(targets, edge.source, edge.target);
  }
  const byLabel = (a: GraphNode, b: GraphNode) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const columns = COLUMNS.map((kind) => graph.nodes.filter((n) => n.kind === kind).sort(byLabel));
  const position = new Map<string, number>();
  const place = (column: GraphNode[]) => column.forEach((n, i) => position.set(n.id, i));
  const order = (column: GraphNode[], neighbours: Map<string, string[]>) => {
    const mean = new Map<string, number>();
    for (const node of column) {
      const at = (neighbours.get(node.id) ?? []).map((id) => position.get(id)).filter((p): p is number => p !== undefined);
      mean.set(node.id, at.length === 0 ? (position.get(node.id) ?? 0) : at.reduce((a, b) => a + b, 0) / at.length);
    }
    column.sort((a, b) => (mean.get(a.id) ?? 0) - (mean.get(b.id) ?? 0) || byLabel(a, b));
    place(column);
  };
  columns.forEach(place);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let c = 1; c < columns.length; c++) order(columns[c] as GraphNode[], feeders);
    if (sweep === SWEEPS - 1) break;
    for (let c = columns.length - 2; c >= 0; c--) order(columns[c] as GraphNode[], targets);
  }

  const across = direction === 'LR' ? 'x' : 'y';
  const along = direction === 'LR' ? 'y' : 'x';
  const gap = direction === 'LR' ? 14 : 24;
  const sizes = columns.map((column) => column.map((node) => size(node.id)));
  const length = (i: number) => (sizes[i] ?? []).reduce((sum, s) => sum + (direction === 'LR' ? s.height : s.width) + gap, -gap);
  const longest = Math.max(...columns.map((_, i) => length(i)));
  const boxes = new Map<string, NodeBox>();
  let columnStart = 16;
  columns.forEach((column, i) => {
    let offset = 16 + (longest - length(i)) / 2;
    let thickness = 0;
    column.forEach((node, j) => {
      const { width, height } = sizes[i]?.[j] ?? size(node.id);
      const box: NodeBox = { x: 0, y: 0, width, height };
      box[across] = columnStart;
      box[along] = offset;
      boxes.set(node.id, box);
      offset += (direction === 'LR' ? height : width) + gap;
      thickness = Math.max(thickness, direction === 'LR' ? width : height);
    });
    if (column.length > 0) columnStart += thickness + (direction === 'LR' ? 110 : 70);
  });
  return boxes;
}
