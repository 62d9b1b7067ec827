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
      'route:tcp-route-1:MeshTCPRoute → backend_kuma-demo_svc_3001:10001',
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
      'route:MeshTCPRoute → backend_kuma-demo_svc_3001:10001': '72-87',
      'backend:version=v0': '78-82',
      'backend:version=v1': '83-87',
    });
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
