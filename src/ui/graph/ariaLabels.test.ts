import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../core';
import { ariaNamer, graphAriaLabeler } from './ariaLabels';

const node = (n: Partial<GraphNode> & Pick<GraphNode, 'id' | 'kind' | 'label'>): GraphNode => ({ detail: '', mesh: 'default', location: null, ...n });
const edge = (source: string, target: string, label = ''): GraphEdge => ({ id: `${source}->${target}`, source, target, label, percent: null, location: null });

describe('graphAriaLabeler', () => {
  it('reads a split in the words of the domain', () => {
    const graph = {
      nodes: [
        node({ id: 's', kind: 'source', label: 'frontend', detail: '1 proxy' }),
        node({ id: 'r', kind: 'route', label: 'tcp-route-1', detail: 'MeshTCPRoute → backend', routeKind: 'MeshTCPRoute' }),
        node({ id: 'b0', kind: 'backend', label: 'backend', detail: 'version=v0' }),
        node({ id: 'b1', kind: 'backend', label: 'other' }),
      ],
      edges: [edge('s', 'r'), edge('r', 'b0', '90%'), edge('r', 'b1', '10%')],
    };
    const labels = graphAriaLabeler(graph);
    expect(labels.node('r')).toBe('route tcp-route-1 (MeshTCPRoute) from frontend to backend, 90% to version v0, 10% to other');
    expect(labels.node('s')).toBe('source frontend (1 proxy), 1 route');
    expect(labels.node('b0')).toBe('backend backend, version v0');
    expect(labels.node('b1')).toBe('backend other, all endpoints');
    expect(labels.edge('r->b0')).toBe('90% of tcp-route-1 to version v0');
    expect(labels.edge('s->r')).toBe('frontend takes tcp-route-1');
  });

  it('says a route of a policy with errors is invalid and not applied, and why', () => {
    const invalid = { code: 'KUMA_SCHEMA', message: 'spec.to[0].rules[0].default.backendRefs[1].weight: must be greater than or equal to 0', errors: 1 };
    const graph = {
      nodes: [
        node({ id: 'r', kind: 'route', label: 'tcp-route-1', detail: 'MeshTCPRoute → backend', routeKind: 'MeshTCPRoute', invalid }),
        node({ id: 'b0', kind: 'backend', label: 'backend', detail: 'version=v0' }),
        node({ id: 'b1', kind: 'backend', label: 'backend', detail: 'version=v1' }),
      ],
      edges: [edge('r', 'b0', '100%'), edge('r', 'b1', 'weight -10')],
    };
    expect(graphAriaLabeler(graph).node('r')).toBe(
      'invalid route, not applied, tcp-route-1 (MeshTCPRoute) from no source to backend, 100% to version v0, weight -10 to version v1; spec.to[0].rules[0].default.backendRefs[1].weight: must be greater than or equal to 0',
    );
  });

  it('says when a route fails and when it is a default', () => {
    const graph = {
      nodes: [
        node({ id: 's', kind: 'source', label: 'web', detail: '2 proxies' }),
        node({ id: 'f', kind: 'route', label: 'zero', detail: 'MeshTCPRoute → api', routeKind: 'MeshTCPRoute', failing: true }),
        node({ id: 'd', kind: 'route', label: 'default route', detail: 'no policy → db', routeKind: 'default' }),
        node({ id: 'db', kind: 'backend', label: 'db' }),
      ],
      edges: [edge('s', 'f'), edge('s', 'd'), edge('d', 'db', '100%')],
    };
    const labels = graphAriaLabeler(graph);
    expect(labels.node('f')).toBe('route zero (MeshTCPRoute) from web to api, no route: every weight is 0, the traffic fails');
    expect(labels.node('d')).toBe('default route (no policy) from web to db, 100% to db');
  });
});

describe('ariaNamer', () => {
  it('gives each item its name, and keeps the named object while the item and its name are unchanged', () => {
    const name = ariaNamer<{ id: string; ariaLabel?: string }>();
    const a = { id: 'a' };
    const b = { id: 'b' };
    const first = name([a, b], (id) => `name of ${id}`);
    expect(first.map((i) => i.ariaLabel)).toEqual(['name of a', 'name of b']);
    expect(first[0]).not.toBe(a);
    const second = name([a, b], (id) => (id === 'b' ? 'renamed' : `name of ${id}`));
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.ariaLabel).toBe('renamed');
    const a2 = { id: 'a' };
    expect(name([a2], (id) => `name of ${id}`)[0]).not.toBe(second[0]);
  });
});
