/**
 * Kuma 2.14's golden Envoy files for MeshTCPRoute on real resources (goldens/meshtcproute-plugin-2.14.3/) through the
 * whole pipeline: the "equivalent policy" YAML of each case (inputs-2.14/: Mesh, MeshService or MeshExternalServices,
 * the Dataplane web-01 of Kuma's test builders, the MeshTCPRoute; see
 * ../../../shared/conformance/kuma/meshtcproute-plugin-current/README.md) -> analyze -> the current model's resolution
 * -> plans -> Envoy, as `exportConfig(files, 'envoy')` runs it for the app and the command line.
 *
 * What a YAML cannot express, and the closest real input used instead:
 * - `basic-real-meshservice`: Kuma's test injects the outbound `{address: "", port: 10001, resource: backend's
 *   test-port}` straight into `proxy.Outbounds`, so the golden listener is `outbound:127.0.0.1:10001`. From resources,
 *   a MeshService outbound comes from its VIP x port (`AsOutbounds`): the input gives backend the VIP 10.0.0.1 (the
 *   README's), so the listener is `outbound:10.0.0.1:80`. Its name and socket address are the only difference: the
 *   golden is compared with those three fields set to the VIP's; everything else (stat prefix, cluster, KRI tag,
 *   direction) and the cluster file are compared whole.
 * - `tcproute-meshexternalservice`: nothing is injected that a YAML cannot say (the legacy outbound is the Dataplane's
 *   own `networking.outbound`, the MES outbounds are their VIPs x `match.port`): both files are compared whole.
 * The endpoints files were not copied (the export writes none for the current model, and says so).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportConfig } from '../../src/core/generate';

const here = import.meta.dirname;

type Resource = { name: string; resource: Record<string, unknown> };

function golden(name: string, kind: string): Resource[] {
  const text = readFileSync(join(here, 'goldens', 'meshtcproute-plugin-2.14.3', `${name}.${kind}.golden.yaml`), 'utf8');
  return (parse(text) as { resources: Resource[] }).resources;
}

function exported(name: string) {
  const file = `inputs-2.14/${name}.yaml`;
  return exportConfig([{ name: file, text: readFileSync(join(here, file), 'utf8') }], 'envoy');
}

function resources(result: ReturnType<typeof exported>, kind: string): Resource[] {
  const text = result.files.find((f) => f.name === `default/web-01.${kind}.yaml`)?.text ?? '';
  return (parse(text) as { resources: Resource[] }).resources;
}

/** The golden listener moved from the injected `127.0.0.1:10001` to the VIP x port a MeshService outbound has. */
function atVip(listener: Resource, address: string, port: number): Resource {
  const name = `outbound:${address}:${port}`;
  return { name, resource: { ...listener.resource, name, address: { socketAddress: { address, portValue: port } } } };
}

describe('Kuma 2.14 goldens through the whole pipeline (YAML -> analyze -> plans -> Envoy)', () => {
  describe('basic-real-meshservice', () => {
    const result = exported('basic-real-meshservice');
    it('resolves by the current model and writes web-01 alone, with no error or warning', () => {
      expect(result.files.map((f) => f.name)).toEqual(['default/web-01.listeners.yaml', 'default/web-01.clusters.yaml']);
      expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    });
    it('listeners match, but for the listener address (the VIP 10.0.0.1:80, not the injected 127.0.0.1:10001)', () => {
      const [listener, ...rest] = golden('basic-real-meshservice', 'listeners');
      expect(rest).toEqual([]);
      expect(listener?.name).toBe('outbound:127.0.0.1:10001');
      expect(resources(result, 'listeners')).toEqual([atVip(listener as Resource, '10.0.0.1', 80)]);
    });
    it('clusters match whole', () => {
      expect(resources(result, 'clusters')).toEqual(golden('basic-real-meshservice', 'clusters'));
    });
  });

  describe('tcproute-meshexternalservice', () => {
    const result = exported('tcproute-meshexternalservice');
    it('writes web-01 alone, with no error or warning', () => {
      expect(result.files.map((f) => f.name)).toEqual(['default/web-01.listeners.yaml', 'default/web-01.clusters.yaml']);
      expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    });
    for (const kind of ['listeners', 'clusters'] as const) {
      it(`${kind} match whole`, () => {
        expect(resources(result, kind)).toEqual(golden('tcproute-meshexternalservice', kind));
      });
    }
  });
});
