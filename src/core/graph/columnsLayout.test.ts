import { describe, expect, it } from 'vitest';
import { DAGRE_EDGE_LIMIT, layoutRouteGraph } from './layout';
import type { GraphEdge, GraphNode, RouteGraph } from './routeGraph';

/** S sources each sent by its own route to one of B backends: S + S + B nodes, 2S edges. */
function fanIn(sources: number, backends: number): RouteGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const node = (kind: GraphNode['kind'], id: string): GraphNode => ({ id, kind, label: id, detail: '', mesh: 'default', location: null });
  for (let b = 0; b < backends; b++) nodes.push(node('backend', `backend:${b}`));
  for (let s = 0; s < sources; s++) {
    nodes.push(node('source', `source:${s}`), node('route', `route:${s}`));
    edges.push({ id: `e${s}a`, source: `source:${s}`, target: `route:${s}`, label: '', percent: null, location: null });
    edges.push({ id: `e${s}b`, source: `route:${s}`, target: `backend:${s % backends}`, label: '100%', percent: 100, location: null });
  }
  return { nodes, edges };
}

describe('layout of a graph too large for dagre', () => {
  const graph = fanIn(DAGRE_EDGE_LIMIT, 40);

  it('puts sources, routes and backends in three columns, none overlapping', () => {
    const boxes = layoutRouteGraph(graph, 'LR');
    const columnOf = (kind: string) => new Set(graph.nodes.filter((n) => n.kind === kind).map((n) => boxes.get(n.id)?.x));
    expect(columnOf('source').size).toBe(1);
    expect(columnOf('route').size).toBe(1);
    const [sourceX] = columnOf('source');
    const [routeX] = columnOf('route');
    const [backendX] = columnOf('backend');
    expect(sourceX).toBeLessThan(routeX ?? NaN);
    expect(routeX).toBeLessThan(backendX ?? NaN);
    const routes = graph.nodes.filter((n) => n.kind === 'route').map((n) => boxes.get(n.id)).sort((a, b) => (a?.y ?? 0) - (b?.y ?? 0));
    routes.slice(1).forEach((box, i) => expect(box?.y ?? 0).toBeGreaterThanOrEqual((routes[i]?.y ?? 0) + (routes[i]?.height ?? 0)));
  });

  it('keeps each route level with its source (barycentre sweeps)', () => {
    const boxes = layoutRouteGraph(graph, 'LR');
    const order = (kind: string) => graph.nodes.filter((n) => n.kind === kind).sort((a, b) => (boxes.get(a.id)?.y ?? 0) - (boxes.get(b.id)?.y ?? 0)).map((n) => n.id.split(':')[1]);
    expect(order('route')).toEqual(order('source'));
  });
});

describe('barycentre sweeps', () => {
  it('untangle a crossing that label order makes: sources follow the routes they feed', () => {
    const node = (kind: GraphNode['kind'], id: string): GraphNode => ({ id, kind, label: id, detail: '', mesh: 'default', location: null });
    const edge = (source: string, target: string): GraphEdge => ({ id: `${source}>${target}`, source, target, label: '', percent: null, location: null });
    // Labels put a-source above b-source, but a-source feeds the route that goes to the lower backend.
    const graph: RouteGraph = {
      nodes: [node('source', 'a-src'), node('source', 'b-src'), node('route', 'r-1'), node('route', 'r-2'), node('backend', 'x-back'), node('backend', 'y-back'), node('backend', 'z-back')],
      edges: [edge('a-src', 'r-2'), edge('b-src', 'r-1'), edge('r-1', 'x-back'), edge('r-1', 'y-back'), edge('r-2', 'z-back')],
    };
    const boxes = layoutRouteGraph({ ...graph, edges: [...graph.edges, ...fanIn(DAGRE_EDGE_LIMIT, 1).edges] , nodes: [...graph.nodes, ...fanIn(DAGRE_EDGE_LIMIT, 1).nodes] }, 'LR');
    const y = (id: string) => boxes.get(id)?.y ?? NaN;
    // No crossing: the order of sources matches the order of their routes, and of the routes' backends.
    expect(Math.sign(y('a-src') - y('b-src'))).toBe(Math.sign(y('r-2') - y('r-1')));
    expect(Math.sign(y('r-1') - y('r-2'))).toBe(Math.sign(y('x-back') - y('z-back')));
  });
});
