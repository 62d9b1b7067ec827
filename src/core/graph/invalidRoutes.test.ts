/** A policy with errors is drawn, marked invalid and not applied; the valid routes are drawn exactly as before. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, routeList } from '../index';
import { nodeSize } from './layout';
import { buildRouteGraph } from './routeGraph';

const demo = readFileSync(new URL('../../demo/kuma-demo.yaml', import.meta.url), 'utf8');

function graphOf(text: string, source: string | null = null) {
  const analysis = analyze([{ name: 'demo.yaml', text }]);
  return { analysis, graph: buildRouteGraph(routeList(analysis.index), { showDefaults: false, source }, analysis.invalidRoutes) };
}

describe('invalid routes in the graph', () => {
  const negative = demo.replace('weight: 10', 'weight: -10');

  it('draws the demo route with a negative weight dashed as invalid, with its first error, edges to both backends', () => {
    const { analysis, graph } = graphOf(negative);
    expect(routeList(analysis.index)).toEqual([]); // not applied: no route of the table comes from it
    const route = graph.nodes.find((n) => n.kind === 'route');
    expect(route?.label).toBe('tcp-route-1');
    expect(route?.invalid).toEqual({ code: 'KUMA_SCHEMA', message: 'spec.to[0].rules[0].default.backendRefs[1].weight: must be greater than or equal to 0', errors: 1 });
    expect(route?.failing).toBe(false);
    const out = graph.edges.filter((e) => e.source === route?.id);
    expect(out.map((e) => `${graph.nodes.find((n) => n.id === e.target)?.detail}:${e.label}:${e.invalid}`).sort()).toEqual(['version=v0:100%:true', 'version=v1:weight -10:true']);
    const selection = graph.edges.find((e) => e.target === route?.id);
    expect(selection?.source).toBe('source:default:frontend_kuma-demo_svc_8080');
    expect(selection?.invalid).toBe(true);
    expect(nodeSize(route!).height).toBe(nodeSize({ ...route!, invalid: undefined }).height + 32);
  });

  it('marks nothing on a valid workspace, and draws the valid route beside an invalid one unchanged', () => {
    const valid = graphOf(demo).graph;
    expect(valid.nodes.some((n) => n.invalid) || valid.edges.some((e) => e.invalid)).toBe(false);
    const broken = `${demo}---
type: MeshTCPRoute
name: broken
mesh: default
spec:
  targetRef:
    kind: Mesh
  to:
    - targetRef:
        kind: MeshService
        name: external-backend
      rules:
        - default:
            backendRefs:
              - kind: MeshService
                name: external-backend
                weight: -1
`;
    const both = graphOf(broken).graph;
    const validIds = new Set(valid.nodes.map((n) => n.id));
    expect(both.nodes.filter((n) => validIds.has(n.id))).toEqual(valid.nodes.map((n) => (n.kind === 'source' ? expect.objectContaining({ id: n.id }) : n)));
    expect(both.edges.filter((e) => !e.invalid)).toEqual(valid.edges);
    expect(both.nodes.filter((n) => n.invalid).map((n) => n.label)).toEqual(['broken']);
  });

  it('draws an invalid route that selects no known source without a source, and hides it when one source is focused', () => {
    const nobody = negative.replace('name: frontend_kuma-demo_svc_8080\n  to:', 'name: nobody\n  to:');
    const { graph } = graphOf(nobody);
    expect(graph.nodes.filter((n) => n.kind === 'source')).toEqual([]);
    expect(graph.nodes.filter((n) => n.invalid)).toHaveLength(1);
    expect(graphOf(nobody, 'frontend_kuma-demo_svc_8080').graph.nodes.filter((n) => n.invalid)).toEqual([]);
    expect(graphOf(negative, 'frontend_kuma-demo_svc_8080').graph.nodes.filter((n) => n.invalid)).toHaveLength(1);
  });

  it('draws nothing for a policy of which nothing can be read, and keeps its error', () => {
    const { analysis, graph } = graphOf(demo.replace(/ {4}- targetRef:\n {8}kind: MeshService\n {8}name: backend_kuma-demo_svc_3001\n/, '    - targetRef:\n        kind: MeshService\n'));
    expect(graph.nodes.filter((n) => n.kind === 'route')).toEqual([]);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['KUMA_TARGETREF_FIELD']);
  });

  it('draws an invalid ServiceRoute as clients -> port -> invalid route -> subsets', () => {
    const text = readFileSync(new URL('../../../fixtures/tsb/invalid-serviceroute-drawn/input.yaml', import.meta.url), 'utf8');
    const { analysis, graph } = graphOf(text);
    expect(routeList(analysis.index).map((r) => r.policy)).toEqual(['ratings']);
    const invalid = graph.nodes.filter((n) => n.invalid);
    expect(invalid.map((n) => [n.label, n.invalid?.code])).toEqual([['default-tcp-route', 'TSB_TCP_STICKY_NOT_SOURCE_IP']]);
    expect(graph.edges.filter((e) => e.target === invalid[0]?.id).map((e) => [e.source, e.invalid])).toEqual([['port:tsb:reviews.ns1.svc.cluster.local:9080', true]]);
    expect(graph.edges.filter((e) => e.source === invalid[0]?.id).map((e) => e.label).sort()).toEqual(['20%', '80%']);
  });
});
