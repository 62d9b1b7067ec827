import type { GraphNodeKind, RouteGraph } from './routeGraph';
import type { LayoutDirection, NodeBox } from './fit';

const COLUMNS: GraphNodeKind[] = ['source', 'route', 'backend'];

/**
 * A layout for graphs too large for dagre (whose crossing reduction takes minutes on thousands of edges): one
 * column per node kind, sources by name, each later column ordered by the mean position of what feeds it
 * (one barycentre pass). Linear apart from the sorts.
 */
export function layoutInColumns(graph: RouteGraph, direction: LayoutDirection, size: (id: string) => { width: number; height: number }): Map<string, NodeBox> {
  const feeders = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const list = feeders.get(edge.target);
    if (list) list.push(edge.source);
    else feeders.set(edge.target, [edge.source]);
  }
  const position = new Map<string, number>();
  const boxes = new Map<string, NodeBox>();
  const across = direction === 'LR' ? 'x' : 'y';
  const along = direction === 'LR' ? 'y' : 'x';
  let columnStart = 16;
  for (const kind of COLUMNS) {
    const column = graph.nodes.filter((n) => n.kind === kind);
    const rank = (id: string) => {
      const from = (feeders.get(id) ?? []).map((f) => position.get(f)).filter((p): p is number => p !== undefined);
      return from.length === 0 ? Number.MAX_SAFE_INTEGER : from.reduce((a, b) => a + b, 0) / from.length;
    };
    const ranks = new Map(column.map((n) => [n.id, kind === 'source' ? 0 : rank(n.id)]));
    column.sort((a, b) => (ranks.get(a.id) ?? 0) - (ranks.get(b.id) ?? 0) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    let offset = 16;
    let thickness = 0;
    column.forEach((node, i) => {
      const { width, height } = size(node.id);
      const box: NodeBox = { x: 0, y: 0, width, height };
      box[across] = columnStart;
      box[along] = offset;
      boxes.set(node.id, box);
      position.set(node.id, i);
      offset += (direction === 'LR' ? height : width) + (direction === 'LR' ? 14 : 24);
      thickness = Math.max(thickness, direction === 'LR' ? width : height);
    });
    columnStart += thickness + (direction === 'LR' ? 110 : 70);
  }
  return boxes;
}
