import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportConfig, type ExportResult } from '../../index';

type Resource = { name: string; resource: Record<string, unknown> };

function resources(result: ExportResult, file: string): Resource[] {
  const text = result.files.find((f) => f.name === file)?.text;
  if (text === undefined) throw new Error(`no file ${file} in ${result.files.map((f) => f.name).join(', ')}`);
  return (parse(text) as { resources: Resource[] }).resources;
}

/** The tcp_proxy of a listener: its cluster, or its weighted clusters as `name:weight`. */
function tcpProxy(listener: Resource | undefined): string[] {
  const chains = (listener?.resource.filterChains ?? []) as { filters: { typedConfig: { cluster?: string; weightedClusters?: { clusters: { name: string; weight: number }[] } } }[] }[];
  const config = chains[0]?.filters[0]?.typedConfig;
  if (!config) return [];
  return config.cluster ? [config.cluster] : (config.weightedClusters?.clusters ?? []).map((c) => `${c.name}:${c.weight}`);
}

const LEGACY_MESH = `type: Dataplane
name: old-web
mesh: legacy
networking:
  address: 10.0.0.1
  inbound: [{port: 80, tags: {kuma.io/service: old-web}}]
  outbound: [{port: 10001, tags: {kuma.io/service: old-backend}}]
---
type: Dataplane
name: old-backend
mesh: legacy
networking:
  address: 10.0.0.2
  inbound: [{port: 80, tags: {kuma.io/service: old-backend}}]
`;

const CURRENT_MESH = `type: MeshService
name: backend
mesh: today
spec:
  selector: {dataplaneTags: {kuma.io/service: backend}}
  ports: [{name: tcp, port: 80, targetPort: 80, appProtocol: tcp}]
status: {vips: [{ip: 241.0.0.1}]}
---
type: Dataplane
name: web-01
mesh: today
labels: {app: web}
networking:
  address: 10.1.0.1
  inbound: [{port: 80, tags: {kuma.io/service: web}}]
  outbound: [{port: 10001, tags: {kuma.io/service: legacy-db}}]
---
type: Dataplane
name: other-01
mesh: today
networking:
  address: 10.1.0.2
  inbound: [{port: 80, tags: {kuma.io/service: other}}]
  outbound: [{port: 10001, tags: {kuma.io/service: legacy-db}}]
---
type: MeshTCPRoute
name: web-routes
mesh: today
spec:
  targetRef: {kind: Dataplane, labels: {app: web}}
  to:
    - targetRef: {kind: MeshService, name: legacy-db}
      rules:
        - default:
            backendRefs:
              - {kind: MeshServiceSubset, name: legacy-db, tags: {version: v1}, weight: 90}
              - {kind: MeshServiceSubset, name: legacy-db, tags: {version: v2}, weight: 10}
`;

describe('Envoy export of a workspace with a 2.6 mesh and a current-model mesh', () => {
  const result = exportConfig([{ name: 'legacy.yaml', text: LEGACY_MESH }, { name: 'today.yaml', text: CURRENT_MESH }], 'envoy');

  it('writes the 2.6 mesh as before (listeners, clusters, endpoints) and the current one from plans (listeners, clusters)', () => {
    expect(result.files.map((f) => f.name)).toEqual([
      'legacy/old-web.listeners.yaml',
      'legacy/old-web.clusters.yaml',
      'legacy/old-web.endpoints.yaml',
      'legacy/old-backend.listeners.yaml',
      'legacy/old-backend.clusters.yaml',
      'legacy/old-backend.endpoints.yaml',
      'today/web-01.listeners.yaml',
      'today/web-01.clusters.yaml',
      'today/other-01.listeners.yaml',
      'today/other-01.clusters.yaml',
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('routes a legacy outbound of the current mesh by the 2.6 rules of the policies that select the proxy (Dataplane labels)', () => {
    const listeners = resources(result, 'today/web-01.listeners.yaml');
    expect(listeners.map((l) => l.name)).toEqual(['outbound:127.0.0.1:10001', 'outbound:241.0.0.1:80']);
    const legacy = listeners.find((l) => l.name === 'outbound:127.0.0.1:10001');
    expect(tcpProxy(legacy)).toHaveLength(2);
    expect(tcpProxy(legacy).map((c) => c.replace(/-[0-9a-f]{16}/, '-<hash>'))).toEqual(['legacy-db-<hash>:90', 'legacy-db-<hash>:10']);
    // The real outbound of MeshService backend: its default route, named in the 2.14 way.
    expect(tcpProxy(listeners.find((l) => l.name === 'outbound:241.0.0.1:80'))).toEqual(['today_backend___msvc_80']);
  });

  it('leaves a proxy the policy does not select on its default routes', () => {
    const listeners = resources(result, 'today/other-01.listeners.yaml');
    expect(tcpProxy(listeners.find((l) => l.name === 'outbound:127.0.0.1:10001'))).toEqual(['legacy-db']);
  });

  it('forcing the 2.6 model exports the current mesh the 2.6 way', () => {
    const forced = exportConfig([{ name: 'today.yaml', text: CURRENT_MESH }], 'envoy', { kumaModel: 'kuma-2.6' });
    expect(forced.files.map((f) => f.name)).toContain('today/web-01.endpoints.yaml');
    expect(forced.files.some((f) => f.text.includes('_msvc_'))).toBe(false);
  });
});

describe('Envoy export of current-model outbounds the TCP plugin does not write', () => {
  const text = `type: MeshService
name: api
mesh: default
spec:
  selector: {dataplaneTags: {kuma.io/service: api}}
  ports: [{name: http, port: 8080, targetPort: 8080, appProtocol: http}]
status: {vips: [{ip: 241.0.0.9}]}
---
type: MeshService
name: cache
mesh: default
spec:
  selector: {dataplaneTags: {kuma.io/service: cache}}
  ports: [{port: 8080, targetPort: 6379, appProtocol: tcp}]
---
type: Dataplane
name: web-01
mesh: default
networking:
  address: 10.1.0.1
  inbound: [{port: 80, tags: {kuma.io/service: web}}]
---
type: MeshHTTPRoute
name: api-route
mesh: default
spec:
  targetRef: {kind: Mesh}
  to:
    - targetRef: {kind: MeshService, name: api}
      rules:
        - matches: [{path: {type: PathPrefix, value: /v2}}]
          default: {backendRefs: [{kind: MeshService, name: api, port: 8080}]}
`;
  const result = exportConfig([{ name: 'mixed.yaml', text }], 'envoy');
  const codes = result.diagnostics.map((d) => `${d.severity} ${d.code}`);

  it('hands an outbound a MeshHTTPRoute takes to the HTTP plugin, and says so', () => {
    expect(codes).toContain('info KUMA_EXPORT_HTTP_OUTBOUND');
    expect(result.diagnostics.find((d) => d.code === 'KUMA_EXPORT_HTTP_OUTBOUND')?.message).toContain('kri_msvc_default___api_http');
  });

  it('gives a destination without a VIP a synthetic one (not one written) and says so', () => {
    const listeners = resources(result, 'default/web-01.listeners.yaml');
    expect(listeners.map((l) => l.name)).toEqual(['outbound:241.0.0.1:8080']);
    expect(tcpProxy(listeners[0])).toEqual(['default_cache___msvc_8080']);
    expect(result.diagnostics.find((d) => d.code === 'KUMA_EXPORT_SYNTHETIC_VIP')?.message).toContain('(MeshService cache at 241.0.0.1)');
    const taken = exportConfig([{ name: 'taken.yaml', text: text.replace('241.0.0.9', '241.0.0.1') }], 'envoy');
    expect(resources(taken, 'default/web-01.listeners.yaml').map((l) => l.name)).toEqual(['outbound:241.0.0.2:8080']);
  });

  it('a second outbound on the same address and port is left out with a warning', () => {
    const twice = text.replace('inbound: [{port: 80, tags: {kuma.io/service: web}}]', 'inbound: [{port: 80, tags: {kuma.io/service: web}}]\n  outbound: [{port: 10001, tags: {kuma.io/service: a}}, {port: 10001, tags: {kuma.io/service: b}}]');
    const clash = exportConfig([{ name: 'clash.yaml', text: twice }], 'envoy');
    expect(resources(clash, 'default/web-01.listeners.yaml').map((l) => l.name)).toEqual(['outbound:127.0.0.1:10001', 'outbound:241.0.0.1:8080']);
    expect(clash.diagnostics.filter((d) => d.code === 'KUMA_EXPORT_LISTENER_CLASH').map((d) => d.message)).toEqual([
      'web-01: the outbound of b is not written: another outbound already listens on 127.0.0.1:10001',
    ]);
  });
});
