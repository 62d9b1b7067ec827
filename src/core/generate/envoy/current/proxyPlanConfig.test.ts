/** The current-model Envoy export beyond the two goldens: weighted splits, drops, and what it says it does not write. */
import { describe, expect, it } from 'vitest';
import type { ResourceIdentifier } from '../../../model/kuma/kri';
import type { ProxyPlan, ResourceOutboundPlan } from './plan';
import { clusterName } from '../names';
import { planEnvoyConfig } from './proxyPlanConfig';
import { sniForResource, sniFromTags } from './tls';

const msvc = (name: string, sectionName: string): ResourceIdentifier => ({ kind: 'MeshService', mesh: 'm', zone: 'z', namespace: 'ns', name, sectionName });

function plan(outbounds: ProxyPlan['outbounds'], mtls = false): ProxyPlan {
  return { name: 'web-1', mesh: 'm', address: '10.0.0.1', inbounds: [], meshSettings: { mtls, zoneEgress: false }, outbounds };
}

/** The 2.6 name of the legacy subset cluster (`names.test.ts` checks the hash against Kuma's goldens). */
const subsetCluster = clusterName('backend_ns_svc_80', { version: 'v2' });

const split: ResourceOutboundPlan = {
  kind: 'resource',
  resource: msvc('backend', 'http'),
  destinationPort: 80,
  address: '241.0.0.1',
  port: 80,
  protocol: 'tcp',
  route: {
    kind: 'split',
    backendRefs: [
      { kind: 'resource', resource: msvc('backend-v1', '80'), port: 80, weight: 90 },
      { kind: 'legacy', service: 'backend_ns_svc_80', tags: { version: 'v2' }, weight: 10 },
      { kind: 'resource', resource: msvc('backend-v3', '80'), port: 80, weight: 0 },
      { kind: 'resource', resource: msvc('db', '5432'), port: 5432, weight: 5, protocol: 'mysql' },
      { kind: 'resource', resource: msvc('backend-v1', 'http'), port: 80, weight: 1 },
    ],
  },
};

describe('planEnvoyConfig', () => {
  it('splits by raw weights over one cluster per distinct ref, drops weight 0 and non-TCP ports, keeps its own stat prefix', () => {
    const { config, diagnostics } = planEnvoyConfig(plan([split]));
    const tcp = JSON.parse(JSON.stringify(config.listeners[0])).filterChains[0].filters[0].typedConfig;
    expect(tcp.statPrefix).toBe('m_backend_ns_z_msvc_80');
    expect(tcp.weightedClusters.clusters).toEqual([
      { name: 'm_backend-v1_ns_z_msvc_80', weight: 90 },
      { name: subsetCluster, weight: 10 },
      { name: 'm_backend-v1_ns_z_msvc_80', weight: 1 },
    ]);
    expect(config.listeners[0]?.name).toBe('outbound:241.0.0.1:80');
    expect(config.listeners[0]?.metadata).toEqual({ filterMetadata: { 'io.kuma.tags': { 'kuma.io/unified-name': 'kri_msvc_m_z_ns_backend_http' } } });
    expect(config.clusters.map((c) => c.name)).toEqual([subsetCluster, 'm_backend-v1_ns_z_msvc_80']);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning KUMA_EXPORT_REF_DROPPED']);
    expect(diagnostics[0]?.message).toContain('kri_msvc_m_z_ns_db_5432');
  });

  it('writes no tcp_proxy when every ref is dropped, and says so', () => {
    const { config, diagnostics } = planEnvoyConfig(plan([{ ...split, route: { kind: 'split', backendRefs: [{ kind: 'resource', resource: msvc('a', '80'), port: 80, weight: 0 }] } }]));
    expect(JSON.parse(JSON.stringify(config.listeners[0])).filterChains[0].filters).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['KUMA_EXPORT_NO_SPLIT']);
  });

  it('leaves an HTTP port without MeshTCPRoute to the MeshHTTPRoute plugin, and says so', () => {
    const { config, diagnostics } = planEnvoyConfig(plan([{ ...split, protocol: 'http2', route: { kind: 'default' } }]));
    expect(config.listeners).toEqual([]);
    expect(config.clusters).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['KUMA_EXPORT_HTTP_OUTBOUND']);
  });

  it('in an mTLS mesh, a legacy cluster gets its tag SNI; a MeshService cluster is written without a socket, with a warning', () => {
    const { config, diagnostics } = planEnvoyConfig(plan([split], true));
    const legacy = JSON.parse(JSON.stringify(config.clusters[0]));
    expect(legacy.transportSocket.typedConfig.sni).toBe('backend_ns_svc_80{mesh=m,version=v2}');
    expect(config.clusters[1]).not.toHaveProperty('transportSocket');
    expect(diagnostics.map((d) => d.code)).toEqual(['KUMA_EXPORT_MTLS_NOT_WRITTEN', 'KUMA_EXPORT_REF_DROPPED']);
  });

  it('warns that a MeshExternalService needs the zone egress', () => {
    const mes: ResourceIdentifier = { kind: 'MeshExternalService', mesh: 'm', zone: '', namespace: '', name: 'httpbin', sectionName: '' };
    const { config, diagnostics } = planEnvoyConfig(plan([{ kind: 'resource', resource: mes, destinationPort: 443, address: '242.0.0.1', port: 443, protocol: 'http', route: { kind: 'split', backendRefs: [{ kind: 'resource', resource: { ...mes, sectionName: '443' }, port: 443, weight: 1, protocol: 'http' }] } }]));
    expect(config.clusters.map((c) => c.name)).toEqual(['m_httpbin___extsvc_443']);
    expect(JSON.stringify(config.clusters[0])).toContain('"httpProtocolOptions":{}');
    expect(diagnostics.map((d) => d.code)).toEqual(['KUMA_EXPORT_MES_NEEDS_EGRESS']);
  });
});

describe('SNIs', () => {
  it('of a resource: a + fnv64a("<name>;<mesh>;") + name, port, mesh and type', () => {
    expect(sniForResource('example2', 'default', 'MeshExternalService', 9090)).toBe('a0ac70962fd61fdc0.example2.9090.default.mes');
    expect(sniForResource('x'.repeat(70), 'default', 'MeshService', 80)).toMatch(/^a[0-9a-f]{16}\.x{62}x\.80\.default\.ms$/);
  });

  it('from tags: the service, then the other tags sorted', () => {
    expect(sniFromTags('backend', { 'kuma.io/service': 'backend', mesh: 'default' })).toBe('backend{mesh=default}');
    expect(sniFromTags('backend', { zone: 'a', mesh: 'default', app: 'x' })).toBe('backend{app=x,mesh=default,zone=a}');
    expect(sniFromTags('backend', {})).toBe('backend');
  });
});
