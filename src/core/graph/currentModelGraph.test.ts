import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, routeList } from '../index';
import { buildRouteGraph } from './routeGraph';

const mixed = readFileSync(new URL('../../../corpus/kuma/kuma__inspect-meshservice-mixed-routes.yaml', import.meta.url), 'utf8');

describe('buildRouteGraph on the current Kuma model', () => {
  const routes = routeList(analyze([{ name: 'mixed.yaml', text: mixed }]).index);
  const graph = buildRouteGraph(routes, { showDefaults: false, source: null });

  it('draws each port of a resource as its own backend, so a split over two ports keeps its shares', () => {
    const backends = graph.nodes.filter((n) => n.kind === 'backend').map((n) => n.label);
    expect(backends.sort()).toEqual(['test-server-1:80', 'test-server-1:8080']);
    const tcp = graph.nodes.find((n) => n.kind === 'route' && n.label === 'the-tcp-route');
    expect(tcp?.detail).toBe('MeshTCPRoute → test-server-1:8080 (tcp)');
    const shares = graph.edges.filter((e) => e.source === tcp?.id).map((e) => e.label);
    expect(shares.sort()).toEqual(['10%', '90%']);
  });

  it('numbers the HTTP rules of the http port in the order Envoy tries them', () => {
    const http = graph.nodes.filter((n) => n.kind === 'route' && n.match !== undefined);
    expect(http.map((n) => [n.label, n.ruleOrder, n.match])).toEqual([
      ['the-http-route', 1, 'PathPrefix /api'],
      ['catch-all', 2, 'PathPrefix /'],
    ]);
  });
});
