import { describe, expect, it } from 'vitest';
import type { Diagnostic, RouteEntry } from '../core';
import { formatBackend, formatProxies, formatResolveSummary, formatRouteHeader, formatRouteTable, formatSummary, formatTags, routeTableJson, routeTableJsonChunks } from './format';

const location = { file: 'mesh.yaml', line: 12, column: 7, endLine: 20, endColumn: 30, path: 'spec.to[0]' };

function route(overrides: Partial<RouteEntry> = {}): RouteEntry {
  return {
    family: 'kuma',
    mesh: 'default',
    source: 'frontend_kuma-demo_svc_8080',
    proxies: ['frontend-1'],
    destination: 'backend_kuma-demo_svc_3001',
    port: null,
    protocol: 'tcp',
    kind: 'MeshTCPRoute',
    policy: 'tcp-route-1',
    name: null,
    match: null,
    backends: [
      { service: 'backend_kuma-demo_svc_3001', tags: { version: 'v0' }, subset: 'version=v0', weight: 90, percent: 90, location },
      { service: 'backend_kuma-demo_svc_3001', tags: { version: 'v1' }, subset: 'version=v1', weight: 10, percent: 10, location },
    ],
    overridden: [{ policy: 'b-route', kind: 'MeshTCPRoute', reason: 'top-level targetRef MeshService is more specific than Mesh', location }],
    location,
    selectorLocation: location,
    sourceLocation: null,
    ...overrides,
  };
}

function diagnostic(severity: Diagnostic['severity'], file = 'a.yaml'): Diagnostic {
  return { severity, code: 'X', message: 'm', file, line: 1, column: 1, endLine: 1, endColumn: 2, path: '' };
}

describe('formatRouteTable', () => {
  it('prints a header line, the backends and the overridden policies of each route', () => {
    expect([...formatRouteTable([route()])]).toEqual([
      'default  frontend_kuma-demo_svc_8080 -> backend_kuma-demo_svc_3001 (tcp)  MeshTCPRoute tcp-route-1  [frontend-1]',
      '   90%  backend_kuma-demo_svc_3001 {version=v0}  (weight 90)',
      '   10%  backend_kuma-demo_svc_3001 {version=v1}  (weight 10)',
      '  overrides b-route (MeshTCPRoute): top-level targetRef MeshService is more specific than Mesh',
    ]);
  });

  it('says so when every weight is zero', () => {
    expect([...formatRouteTable([route({ backends: [], overridden: [] })])]).toEqual([
      expect.stringContaining('MeshTCPRoute tcp-route-1') as unknown as string,
      '  no backend: every weight is 0, so the traffic fails',
    ]);
  });

  it('prints nothing for no routes', () => {
    expect([...formatRouteTable([])]).toEqual([]);
  });
});

describe('formatRouteHeader', () => {
  it('labels a default route and shows the port', () => {
    const header = formatRouteHeader(route({ kind: 'default', policy: null, port: 8080, proxies: ['a', 'b'] }));
    expect(header).toBe('default  frontend_kuma-demo_svc_8080 -> backend_kuma-demo_svc_3001:8080 (tcp)  default route  [a, b]');
  });

  it('uses the family when there is no mesh, and shows a rule name and match', () => {
    const header = formatRouteHeader(route({ family: 'tsb', mesh: null, kind: 'ServiceRoute', policy: 'sr', name: 'canary', match: { port: 80 } }));
    expect(header).toBe('tsb  frontend_kuma-demo_svc_8080 -> backend_kuma-demo_svc_3001 (tcp)  ServiceRoute sr / canary  match {"port":80}  [frontend-1]');
  });
});

describe('formatBackend', () => {
  it('rounds the percent for the label, keeps the weight as written', () => {
    expect(formatBackend({ service: 's', tags: {}, weight: 2, percent: 200 / 3 })).toBe(' 67%  s  (weight 2)');
    expect(formatBackend({ service: 's', tags: {}, weight: 1, percent: 0.4 })).toBe(' <1%  s  (weight 1)');
  });

  it('shows a port and falls back to the subset name without tags', () => {
    expect(formatBackend({ service: 's', tags: {}, subset: 'v2', port: 9090, weight: 100, percent: 100 })).toBe('100%  s:9090 {v2}  (weight 100)');
  });
});

describe('small helpers', () => {
  it('sorts tags by key', () => {
    expect(formatTags({ version: 'v1', 'kuma.io/zone': 'eu' })).toBe('{kuma.io/zone=eu,version=v1}');
  });

  it('cuts a long proxy list', () => {
    expect(formatProxies(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('[a, b, c, d, e, +2 more]');
    expect(formatProxies([])).toBe('[]');
  });
});

describe('summaries', () => {
  it('counts by severity, leaving out zeros', () => {
    expect(formatSummary([diagnostic('error'), diagnostic('error'), diagnostic('warning')], 3)).toBe('2 errors, 1 warning in 3 files');
    expect(formatSummary([diagnostic('info')], 1)).toBe('1 info in 1 file');
    expect(formatSummary([], 2)).toBe('no problems in 2 files');
  });

  it('hints at --all when no route is printed', () => {
    expect(formatResolveSummary(0, [], 1, false)).toBe('0 routes (no policy applies; --all lists the default routes); no problems in 1 file');
    expect(formatResolveSummary(1, [], 1, true)).toBe('1 route; no problems in 1 file');
  });
});

describe('routeTableJson', () => {
  it('prints exactly routes and diagnostics, every route field kept, with a 2-space indent', () => {
    const text = routeTableJson({ routes: [route()], diagnostics: [diagnostic('warning')], meshes: [] } as Parameters<typeof routeTableJson>[0]);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['routes', 'diagnostics']);
    expect(parsed.routes).toEqual([route()]);
    expect(text).toMatch(/^\{\n {2}"routes": \[\n {4}\{/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes, piece by piece, exactly what JSON.stringify(table, null, 2) writes', () => {
    const tricky = diagnostic('error');
    tricky.message = 'two\nlines "quoted" \\ and unicode é';
    for (const table of [
      { routes: [], diagnostics: [] },
      { routes: [route()], diagnostics: [] },
      { routes: [], diagnostics: [tricky] },
      { routes: [route(), route({ backends: [], overridden: [], match: { a: [1, { b: null }] } })], diagnostics: [tricky, diagnostic('info')] },
    ]) {
      expect(routeTableJson(table)).toBe(`${JSON.stringify(table, null, 2)}\n`);
      // One piece per route and per diagnostic (plus the brackets), never the whole table at once.
      const pieces = (n: number) => (n === 0 ? 1 : n + 2);
      expect([...routeTableJsonChunks(table)]).toHaveLength(2 + pieces(table.routes.length) + pieces(table.diagnostics.length));
    }
  });
});

describe('streaming', () => {
  it('reads the routes one at a time: a generator is consumed as the chunks are', () => {
    let produced = 0;
    const routes = (function* () {
      for (let i = 0; i < 3; i++) {
        produced++;
        yield route();
      }
    })();
    const chunks = routeTableJsonChunks({ routes, diagnostics: [] });
    chunks.next(); // '{'
    chunks.next(); // '"routes": ['
    expect(produced).toBe(1);
    chunks.next(); // the first route (the second was read ahead, to know the first is not the last)
    expect(produced).toBe(2);
  });
});
