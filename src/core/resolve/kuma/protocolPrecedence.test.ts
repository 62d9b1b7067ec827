import { describe, expect, it } from 'vitest';
import type { Protocol } from '../routeTable';
import type { HttpToItem } from './httpRules';
import { comparePriority } from './priority';
import { resolveDestination, type TcpToItem } from './protocolPrecedence';
import { readKuma } from './testPolicies';

const TCP = `
type: MeshTCPRoute
name: tcp-route
mesh: default
spec:
  targetRef: {kind: Mesh}
  to:
    - targetRef: {kind: MeshService, name: backend}
      rules:
        - default: {backendRefs: [{kind: MeshService, name: tcp-backend}]}
---
type: MeshTCPRoute
name: tcp-z-lower
mesh: default
spec:
  targetRef: {kind: Mesh}
  to:
    - targetRef: {kind: MeshService, name: backend}
---`;

const HTTP = `
type: MeshHTTPRoute
name: http-route
mesh: default
spec:
  targetRef: {kind: Mesh}
  to:
    - targetRef: {kind: MeshService, name: backend}
      rules:
        - matches: [{path: {type: PathPrefix, value: /api}}]
          default: {backendRefs: [{kind: MeshServiceSubset, name: backend, tags: {version: v2}, weight: 3}, {kind: MeshService, name: http-backend, weight: 1}]}
---`;

function inputs(text: string) {
  const { policies, httpPolicies } = readKuma(text);
  const tcp: TcpToItem[] = [...policies].sort(comparePriority).flatMap((policy) => policy.to.map((to) => ({ policy, to })));
  const http: HttpToItem[] = [...httpPolicies].sort(comparePriority).flatMap((policy) => policy.to.map((to) => ({ policy, to })));
  return { tcp, http };
}

const decide = (protocol: Protocol, text: string, outboundTags: Record<string, string> = { 'kuma.io/service': 'backend' }) =>
  resolveDestination({ destination: 'backend', protocol, outboundTags, ...inputs(text) });

describe('resolveDestination: the HTTP-versus-TCP table of matching.md section 5', () => {
  for (const protocol of ['http', 'http2', 'grpc'] as const) {
    it(`${protocol}, both kinds apply: one route per HTTP rule, then the catch-all; the MeshTCPRoutes are overridden`, () => {
      const routes = decide(protocol, TCP + HTTP);
      expect(routes.map((r) => [r.kind, r.policy, r.name])).toEqual([
        ['MeshHTTPRoute', 'http-route', null],
        ['default', null, 'catch-all'],
      ]);
      expect(routes[0]?.match).toEqual({ matches: [{ path: { type: 'PathPrefix', value: '/api' } }] });
      expect(routes[0]?.backends.map((b) => [b.service, b.subset ?? null, b.percent])).toEqual([
        ['backend', 'version=v2', 75],
        ['http-backend', null, 25],
      ]);
      expect(routes[0]?.overridden.map((o) => [o.policy, o.kind])).toEqual([
        ['tcp-route', 'MeshTCPRoute'],
        ['tcp-z-lower', 'MeshTCPRoute'],
      ]);
      expect(routes[0]?.overridden[0]?.reason).toContain(`this ${protocol} destination`);
      expect(routes[1]?.match).toEqual({ matches: [{ path: { type: 'PathPrefix', value: '/' } }] });
      expect(routes[1]?.backends).toEqual([{ service: 'backend', tags: {}, weight: 100, percent: 100 }]);
    });
  }

  it('http, only a MeshTCPRoute: it still takes the destination (redirect-traffic)', () => {
    const [route, ...rest] = decide('http', TCP);
    expect(rest).toEqual([]);
    expect(route?.kind).toBe('MeshTCPRoute');
    expect(route?.policy).toBe('tcp-route');
    expect(route?.backends.map((b) => b.service)).toEqual(['tcp-backend']);
    expect(route?.overridden.map((o) => o.policy)).toEqual(['tcp-z-lower']);
  });

  it('http, no route policy: the default route to itself with the outbound tags', () => {
    expect(decide('http', '', { 'kuma.io/service': 'backend', version: 'v1' })).toEqual([
      { kind: 'default', policy: null, name: null, match: null, backends: [{ service: 'backend', tags: { version: 'v1' }, weight: 100, percent: 100 }], overridden: [], location: null, selectorLocation: null },
    ]);
  });

  for (const protocol of ['tcp', 'kafka'] as const) {
    it(`${protocol}, both kinds apply: the MeshTCPRoute wins and the MeshHTTPRoute is overridden ("destination protocol is ${protocol}")`, () => {
      const [route, ...rest] = decide(protocol, TCP + HTTP);
      expect(rest).toEqual([]);
      expect(route?.policy).toBe('tcp-route');
      expect(route?.overridden.map((o) => [o.policy, o.reason])).toEqual([
        ['tcp-z-lower', expect.stringContaining('sorts before') as unknown],
        ['http-route', `destination protocol is ${protocol}`],
      ]);
    });

    it(`${protocol}, only a MeshHTTPRoute: the default route wins and lists the MeshHTTPRoute overridden`, () => {
      const [route, ...rest] = decide(protocol, HTTP);
      expect(rest).toEqual([]);
      expect(route?.kind).toBe('default');
      expect(route?.overridden.map((o) => [o.policy, o.kind, o.reason])).toEqual([['http-route', 'MeshHTTPRoute', `destination protocol is ${protocol}`]]);
    });
  }

  it('unknown protocol behaves as tcp and says why', () => {
    const [route] = decide('unknown', TCP + HTTP);
    expect(route?.policy).toBe('tcp-route');
    expect(route?.overridden.at(-1)?.reason).toMatch(/^destination protocol is unknown/);
  });

  it('tcp, no route policy: the default route', () => {
    expect(decide('tcp', '').map((r) => r.kind)).toEqual(['default']);
  });

  it('an HTTP rule for PathPrefix / replaces the catch-all', () => {
    const routes = decide('http', HTTP.replace('/api', '/'));
    expect(routes.map((r) => r.kind)).toEqual(['MeshHTTPRoute']);
  });
});
