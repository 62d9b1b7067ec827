import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, routeList } from '../index';
import { layoutRouteGraph } from './layout';
import { buildRouteGraph, percentLabel } from './routeGraph';

const demo = readFileSync(new URL('../../demo/kuma-demo.yaml', import.meta.url), 'utf8');

describe('buildRouteGraph', () => {
  const routes = routeList(analyze([{ name: 'demo.yaml', text: demo }]).index, { includeDefaults: true });

  it('draws the demo as source -> route -> two backends labelled 90% and 10%', () => {
    const graph = buildRouteGraph(routes, { showDefaults: false });
    expect(graph.nodes.map((n) => `${n.kind}:${n.label}:${n.detail}`).sort()).toEqual([
      'backend:backend_kuma-demo_svc_3001:version=v0',
      'backend:backend_kuma-demo_svc_3001:version=v1',
      'route:tcp-route-1:MeshTCPRoute → backend_kuma-demo_svc_3001:10001 (tcp)',
      'source:frontend_kuma-demo_svc_8080:1 proxy',
    ]);
    expect(graph.edges.map((e) => e.label).sort()).toEqual(['', '10%', '90%']);
    const split = graph.edges.find((e) => e.label === '90%');
    expect(split?.location?.line).toBeGreaterThan(60);
  });

  it('links every node to the YAML it came from: the Dataplane, the to[] entry, the backendRef', () => {
    const graph = buildRouteGraph(routes, { showDefaults: false });
    const lines = Object.fromEntries(graph.nodes.map((n) => [`${n.kind}:${n.detail}`, `${n.location?.line}-${n.location?.endLine}`]));
    expect(lines).toEqual({
      'source:1 proxy': '3-19',
      'route:MeshTCPRoute → backend_kuma-demo_svc_3001:10001 (tcp)': '72-87',
      'backend:version=v0': '78-82',
      'backend:version=v1': '83-87',
    });
  });

  it('keeps each node id when lines are added above the policies: the graph keeps its nodes and its layout', () => {
    const moved = routeList(analyze([{ name: 'demo.yaml', text: `# a comment\n\n${demo}` }]).index, { includeDefaults: true });
    const before = buildRouteGraph(routes, { showDefaults: false });
    const after = buildRouteGraph(moved, { showDefaults: false });
    expect(after.nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
    expect(after.edges.map((e) => e.id)).toEqual(before.edges.map((e) => e.id));
    expect(after.nodes.find((n) => n.kind === 'route')?.location?.line).toBe((before.nodes.find((n) => n.kind === 'route')?.location?.line ?? 0) + 2);
  });

  it('tells apart two routes alike but written in two places, in the order they come', () => {
    const route = routes.find((r) => r.kind !== 'default' && r.location);
    if (!route?.location) throw new Error('the demo has no route with a location');
    const elsewhere = { ...route, location: { ...route.location, line: route.location.line + 100 } };
    const ids = buildRouteGraph([route, elsewhere, route], { showDefaults: false })
      .nodes.filter((n) => n.kind === 'route')
      .map((n) => n.id);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(`${ids[0]}#1`);
  });

  it('lists the Dataplanes a source stands for, sorted', () => {
    const second = `---
type: Dataplane
mesh: default
name: frontend-0
networking:
  address: 10.0.0.11
  inbound:
    - port: 8080
      tags:
        kuma.io/service: frontend_kuma-demo_svc_8080
        kuma.io/protocol: http
  outbound:
    - port: 10001
      tags:
        kuma.io/service: backend_kuma-demo_svc_3001
`;
    const two = routeList(analyze([{ name: 'demo.yaml', text: `${demo.trimEnd()}\n${second}` }]).index, { includeDefaults: true });
    const source = buildRouteGraph(two, { showDefaults: false }).nodes.find((n) => n.kind === 'source');
    expect(source?.detail).toBe('2 proxies');
    expect(source?.proxies).toEqual(['frontend-0', 'frontend-1']);
    expect(buildRouteGraph(routes, { showDefaults: false }).nodes.find((n) => n.kind === 'source')?.proxies).toEqual(['frontend-1']);
  });

  it('hides default routes unless asked for', () => {
    const shown = buildRouteGraph(routes, { showDefaults: true });
    expect(shown.nodes.filter((n) => n.routeKind === 'default').length).toBeGreaterThan(0);
    expect(buildRouteGraph(routes, { showDefaults: false }).nodes.some((n) => n.routeKind === 'default')).toBe(false);
  });

  it('lays every node out left to right: sources before routes before backends', () => {
    const graph = buildRouteGraph(routes, { showDefaults: false });
    const boxes = layoutRouteGraph(graph);
    const x = (kind: string) => boxes.get(graph.nodes.find((n) => n.kind === kind)?.id ?? '')?.x ?? NaN;
    expect(x('source')).toBeLessThan(x('route'));
    expect(x('route')).toBeLessThan(x('backend'));
  });

  it('keeps a split in backendRefs order: v0 (90%) before v1 (10%) in both directions', () => {
    const graph = buildRouteGraph(routes, { showDefaults: false });
    for (const direction of ['LR', 'TB'] as const) {
      const boxes = layoutRouteGraph(graph, direction);
      const at = (subset: string) => boxes.get(graph.nodes.find((n) => n.detail === subset)?.id ?? '');
      const axis = direction === 'LR' ? 'y' : 'x';
      expect(at('version=v0')?.[axis]).toBeLessThan(at('version=v1')?.[axis] ?? NaN);
    }
  });
});

describe('percentLabel', () => {
  it('rounds, and shows a tiny share as <1%', () => {
    expect(percentLabel(64.28)).toBe('64%');
    expect(percentLabel(0.4)).toBe('<1%');
    expect(percentLabel(100)).toBe('100%');
  });
});

describe('buildRouteGraph on MeshHTTPRoute rules', () => {
  const text = `type: Dataplane
mesh: default
name: web-1
networking:
  address: 10.0.0.1
  inbound: [{port: 80, tags: {kuma.io/service: web, kuma.io/protocol: http}}]
  outbound: [{port: 10001, tags: {kuma.io/service: backend}}]
---
type: Dataplane
mesh: default
name: backend-1
networking:
  address: 10.0.0.2
  inbound: [{port: 80, tags: {kuma.io/service: backend, kuma.io/protocol: http, version: v2}}]
  outbound: []
---
type: MeshHTTPRoute
mesh: default
name: api-v2
spec:
  targetRef: {kind: Mesh}
  to:
    - targetRef: {kind: MeshService, name: backend}
      rules:
        - matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: x-version, value: v2}]}]
          default: {backendRefs: [{kind: MeshServiceSubset, name: backend, tags: {version: v2}}]}
        - matches: [{path: {type: Exact, value: /health}}]
          default:
            filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-probe, value: "1"}]}}]
`;
  const routes = routeList(analyze([{ name: 'http.yaml', text }]).index, { includeDefaults: true });

  it('draws one route node per HTTP rule, numbered in the order Envoy tries them, with its matches, the catch-all last', () => {
    const graph = buildRouteGraph(routes, { showDefaults: false });
    const rules = graph.nodes.filter((n) => n.kind === 'route').sort((a, b) => (a.ruleOrder ?? 0) - (b.ruleOrder ?? 0));
    expect(rules.map((n) => [n.ruleOrder, n.label, n.match, n.filters ?? null])).toEqual([
      [1, 'api-v2', 'PathPrefix /api, header x-version: v2', null],
      [2, 'api-v2', 'Exact /health', ['RequestHeaderModifier']],
      [3, 'catch-all', 'PathPrefix /', null],
    ]);
    expect(rules[0]?.detail).toBe('MeshHTTPRoute → backend:10001 (http)');
    expect(rules[0]?.protocolSource).toBe('kuma.io/protocol: http on Dataplane backend-1');
    // One selection edge per rule, with no proxy label: the rules are one route of one proxy.
    expect(graph.edges.filter((e) => e.source.startsWith('source:')).map((e) => e.label)).toEqual(['', '', '']);
  });
});
