import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportConfig } from '../index';

const run = (text: string) => exportConfig([{ name: 'in.yaml', text }], 'envoy');
const codes = (text: string) => run(text).diagnostics.map((d) => `${d.severity} ${d.code}`);

describe('exportConfig envoy: what it cannot generate is a diagnostic, never left out silently', () => {
  it('a Dataplane without address: its endpoints are left out, with a warning', () => {
    const result = run(`type: Dataplane
mesh: default
name: web-1
networking:
  inbound: [{port: 80, tags: {kuma.io/service: web}}]
  outbound: [{port: 10001, tags: {kuma.io/service: api}}]
---
type: Dataplane
mesh: default
name: api-1
networking:
  inbound: [{port: 80, tags: {kuma.io/service: api}}]
  outbound: []
`);
    const listeners = parse(result.files.find((f) => f.name === 'default/web-1.listeners.yaml')?.text ?? '') as { resources: { name: string }[] };
    expect(listeners.resources.map((r) => r.name)).toEqual(['outbound:127.0.0.1:10001']);
    expect(result.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(['KUMA_EXPORT_NO_ENDPOINT: web-1: endpoints left out of its clusters: Dataplane api-1 has no address (or inbound port)']);
  });

  it('reachable services without an outbound port get no listener (an info), their clusters still', () => {
    const result = run(`type: Dataplane
mesh: default
name: web-1
networking:
  address: 10.0.0.1
  inbound: [{port: 80, tags: {kuma.io/service: web}}]
  transparentProxying: {reachableServices: [api]}
---
type: Dataplane
mesh: default
name: api-1
networking:
  address: 10.0.0.2
  inbound: [{port: 80, tags: {kuma.io/service: api}}]
  outbound: []
`);
    expect(result.files.find((f) => f.name === 'default/web-1.listeners.yaml')?.text).toBe('resources: []\n');
    expect(result.files.find((f) => f.name === 'default/web-1.clusters.yaml')?.text).toContain('name: api');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['KUMA_EXPORT_NO_OUTBOUND']);
  });

  it('inferred proxies and builtin gateways are skipped with an info', () => {
    expect(codes(`type: MeshTCPRoute
mesh: default
name: r
spec:
  targetRef: {kind: Mesh}
  to: [{targetRef: {kind: MeshService, name: api}}]
`)).toEqual(['info KUMA_EXPORT_INFERRED']);
    expect(codes(`type: Dataplane
mesh: default
name: edge
networking:
  address: 10.0.0.9
  gateway: {type: BUILTIN, tags: {kuma.io/service: edge}}
`)).toEqual(['info KUMA_EXPORT_SKIPPED']);
  });
});
