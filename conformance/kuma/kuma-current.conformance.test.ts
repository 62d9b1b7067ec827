/**
 * Kuma 2.14's own golden Envoy files for MeshTCPRoute on real resources (goldens/meshtcproute-plugin-2.14.3/, from
 * `release-2.14` @ ca717c193d9c, the same blobs as v2.14.2 and v2.14.3) against the export of the plans that Kuma's
 * plugin test injects: the proxy's outbounds and the already-resolved MeshTCPRoute rules (matching is not part of
 * these cases; see ../../../shared/conformance/kuma/meshtcproute-plugin-current/README.md). Listeners and clusters are
 * compared whole; the endpoints files were not copied (the plan has no endpoints).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportEnvoyForPlans, type ProxyPlan } from '../../src/core/generate';
import type { ResourceIdentifier } from '../../src/core/model/kuma/kri';

const here = import.meta.dirname;

/** Kuma's test builders: `builders.Dataplane()` web-01 of mesh default with inbound 80 (service port 8080). */
const web01 = {
  name: 'web-01',
  mesh: 'default',
  address: '192.168.0.2',
  inbounds: [{ port: 80, servicePort: 8080, tags: { 'kuma.io/service': 'web', 'kuma.io/protocol': 'http' } }],
};

/** Resources of the test have no labels: zone and namespace are empty in their KRIs. */
const id = (kind: ResourceIdentifier['kind'], name: string, sectionName: string): ResourceIdentifier => ({ kind, mesh: 'default', zone: '', namespace: '', name, sectionName });

const CASES: Record<string, ProxyPlan> = {
  // MeshService backend, port {name: test-port, port: 80, appProtocol: http}, VIP 10.0.0.1. Injected outbound:
  // address "" -> 127.0.0.1, port 10001, kri_msvc_default___backend_test-port. ResourceRules for
  // kri_msvc_default___backend_ (no section; Compute falls back to it): backendRefs [{MeshService backend, port 80, weight 100}].
  'basic-real-meshservice': {
    ...web01,
    meshSettings: { mtls: false, zoneEgress: false },
    outbounds: [
      {
        kind: 'resource',
        resource: id('MeshService', 'backend', 'test-port'),
        destinationPort: 80,
        port: 10001,
        protocol: 'http',
        route: { kind: 'split', backendRefs: [{ kind: 'resource', resource: id('MeshService', 'backend', '80'), port: 80, weight: 100, protocol: 'http' }] },
      },
    ],
  },
  // Mesh with builtin mTLS and routing.zoneEgress. Outbounds: legacy kuma.io/service backend on 10001; MES example
  // (VIP 10.20.20.1, match port 9090, tcp) and example2 (10.20.20.2). ResourceRules for kri_extsvc_default___example_:
  // backendRefs [{MeshExternalService example2, port 9090, weight 100}]; nothing for example2 and backend.
  'tcproute-meshexternalservice': {
    ...web01,
    meshSettings: { mtls: true, zoneEgress: true },
    outbounds: [
      { kind: 'legacy', port: 10001, service: 'backend', tags: { 'kuma.io/service': 'backend' }, protocol: 'unknown', route: { kind: 'default' } },
      {
        kind: 'resource',
        resource: id('MeshExternalService', 'example', ''),
        destinationPort: 9090,
        address: '10.20.20.1',
        port: 9090,
        protocol: 'tcp',
        route: { kind: 'split', backendRefs: [{ kind: 'resource', resource: id('MeshExternalService', 'example2', '9090'), port: 9090, weight: 100, protocol: 'tcp' }] },
      },
      { kind: 'resource', resource: id('MeshExternalService', 'example2', ''), destinationPort: 9090, address: '10.20.20.2', port: 9090, protocol: 'tcp', route: { kind: 'default' } },
    ],
  },
};

type Resource = { name: string; resource: Record<string, unknown> };

function golden(name: string, kind: string): Resource[] {
  const text = readFileSync(join(here, 'goldens', 'meshtcproute-plugin-2.14.3', `${name}.${kind}.golden.yaml`), 'utf8');
  return (parse(text) as { resources: Resource[] }).resources;
}

describe('Kuma 2.14 golden Envoy config (MeshTCPRoute on real resources)', () => {
  for (const [name, plan] of Object.entries(CASES)) {
    describe(name, () => {
      const result = exportEnvoyForPlans([plan]);
      it('writes listeners and clusters, with no error or warning', () => {
        expect(result.files.map((f) => f.name)).toEqual(['default/web-01.listeners.yaml', 'default/web-01.clusters.yaml']);
        expect(result.diagnostics.map((d) => d.code)).toEqual(['KUMA_EXPORT_NO_ENDPOINTS']);
      });
      for (const kind of ['listeners', 'clusters'] as const) {
        it(`${kind} match`, () => {
          const text = result.files.find((f) => f.name === `default/web-01.${kind}.yaml`)?.text ?? '';
          expect((parse(text) as { resources: Resource[] }).resources).toEqual(golden(name, kind));
        });
      }
    });
  }
});
