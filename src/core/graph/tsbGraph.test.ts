import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, routeList } from '../index';
import { buildRouteGraph } from './routeGraph';
import { layoutRouteGraph } from './layout';
import { layoutInColumns } from './columnsLayout';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const example = (name: string) => read(`../../demo/examples/tsb/${name}`);
const graphOf = (text: string) => buildRouteGraph(routeList(analyze([{ name: 'in.yaml', text }]).index, { includeDefaults: true }), { showDefaults: false });

describe('TSB route graph', () => {
  it('example 4: group -> reviews:8080 -> two routes with their matches -> v1/v2 at 80/20 and 50/50', () => {
    const graph = graphOf(example('04-http-routes.yaml'));
    expect(graph.nodes.map((n) => `${n.kind}|${n.label}|${n.detail}`)).toEqual([
      'source|t1|traffic group',
      'port|reviews.ns1.svc.cluster.local:8080|HTTP',
      'route|http-route-match-productpage-endpoint|reviews: uri prefix /productpage, end-user exact jason',
      'backend|reviews.ns1.svc.cluster.local|subset v1 · port 8080',
      'backend|reviews.ns1.svc.cluster.local|subset v2 · port 8080',
      'route|http-route-default|reviews: uri prefix /productpage',
    ]);
    const label = (from: string, to: string) => graph.edges.find((e) => e.source.includes(from) && e.target.endsWith(to))?.label;
    expect(label('http-route-match-productpage-endpoint', 'v1')).toBe('80%');
    expect(label('http-route-match-productpage-endpoint', 'v2')).toBe('20%');
    expect(label('http-route-default', 'v1')).toBe('50%');
    expect(label('http-route-default', 'v2')).toBe('50%');
    expect(graph.edges.filter((e) => e.source.startsWith('port:')).map((e) => e.target.split(':').at(-1))).toEqual(['http-route-match-productpage-endpoint', 'http-route-default']);
  });

  it('example 2: one port node per port with its traffic type and sticky key; the group lists its namespaces in example 1', () => {
    const ports = graphOf(example('02-port-sticky-sessions.yaml')).nodes.filter((n) => n.kind === 'port');
    expect(ports.map((n) => `${n.label}|${n.detail}`)).toEqual([
      'reviews.ns1.svc.cluster.local:443|TCP · sticky: source IP',
      'reviews.ns1.svc.cluster.local:8080|HTTP · sticky: header x-session-hash',
    ]);
    const client = graphOf(example('01-subsets.yaml')).nodes.find((n) => n.kind === 'source');
    expect(client?.detail).toBe('*/ns1, */ns2, */ns3');
    expect(client?.location?.line).toBe(7);
  });

  it('a subset whose port settings override the route shows its own sticky key (example 3)', () => {
    const backends = graphOf(example('03-subset-port-settings.yaml')).nodes.filter((n) => n.kind === 'backend').map((n) => n.detail);
    expect(backends).toContain('subset v2 · port 8000 · sticky: source IP');
    expect(backends).toContain('subset v1 · port 8000');
  });

  it('a Flagger route is drawn as delegated to its Canary, not as failing', () => {
    const graph = graphOf(read('../../../fixtures/tsb/flagger-delegate/input.yaml'));
    const canary = graph.nodes.find((n) => n.label === 'Canary reviews');
    expect(canary).toMatchObject({ kind: 'backend', detail: 'Flagger, namespace ns1' });
    expect(graph.edges.find((e) => e.target === canary?.id)?.label).toBe('delegated');
    expect(graph.nodes.find((n) => n.kind === 'route')?.failing).toBe(false);
  });

  it('leaves the Kuma graph of a mixed workspace as it is alone, and lays out both', () => {
    const kuma = read('../../demo/kuma-demo.yaml');
    const alone = graphOf(kuma);
    const mixed = buildRouteGraph(routeList(analyze([{ name: 'in.yaml', text: kuma }, { name: 'tsb.yaml', text: example('04-http-routes.yaml') }]).index, { includeDefaults: true }), { showDefaults: false });
    expect(mixed.nodes.slice(0, alone.nodes.length)).toEqual(alone.nodes);
    expect(mixed.edges.slice(0, alone.edges.length)).toEqual(alone.edges);
    expect(mixed.nodes.length).toBeGreaterThan(alone.nodes.length);
    const dagre = layoutRouteGraph(mixed);
    const columns = layoutInColumns(mixed, 'LR', () => ({ width: 100, height: 40 }));
    for (const boxes of [dagre, columns]) expect(boxes.size).toBe(mixed.nodes.length);
    const x = (id: string | undefined) => columns.get(id ?? '')?.x ?? -1;
    const byKind = (kind: string) => mixed.nodes.find((n) => n.kind === kind && n.id.includes(':tsb:'))?.id;
    expect(x(byKind('source'))).toBeLessThan(x(byKind('port')));
    expect(x(byKind('port'))).toBeLessThan(x(byKind('route')));
  });
});
