/**
 * Kuma's own golden Envoy files (2.6.0 plugin tests, copied in goldens/) against Route Studio's Envoy export of
 * equivalent inputs (inputs/, one per case, as `reference/kuma/envoy-generation.md` describes them).
 *
 * Kuma's plugin tests run one plugin at a time: the MeshTCPRoute goldens hold only what the MeshTCPRoute plugin
 * emits (tcp_proxy listeners and the clusters they use), the MeshHTTPRoute goldens only what that plugin emits
 * (HTTP connection managers and their clusters). The export writes the whole proxy; each case compares the part
 * that plugin owns, field by field. `IGNORED_FIELDS` lists what is left out of the comparison: fields Kuma adds
 * that the editor has no input for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportConfig } from '../../src/core/generate';

const here = import.meta.dirname;

/** Fields of Kuma's output that the export does not produce because no input says them. None so far. */
export const IGNORED_FIELDS: readonly string[] = [];

type Resource = { name: string; resource: Record<string, unknown> };
type Plugin = 'meshtcproute' | 'meshhttproute';

const CASES: [Plugin, string][] = [
  ['meshtcproute', 'split-traffic'],
  ['meshtcproute', 'redirect-traffic'],
  ['meshtcproute', 'meshhttproute-clash-http-destination'],
  ['meshtcproute', 'meshhttproute-clash-tcp-destination'],
  ['meshtcproute', 'kafka'],
  ['meshtcproute', 'basic-no-policies'],
  ['meshhttproute', 'basic'],
  ['meshhttproute', 'default-route'],
  ['meshhttproute', 'headers-match'],
  ['meshhttproute', 'grpc-service'],
  ['meshhttproute', 'mixed-tcp-and-http-outbounds'],
];

function golden(plugin: Plugin, name: string, kind: string): Resource[] {
  const text = readFileSync(join(here, 'goldens', `${plugin}-plugin-2.6.0`, `${name}.${kind}.golden.yaml`), 'utf8');
  return (parse(text) as { resources?: Resource[] }).resources ?? [];
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !IGNORED_FIELDS.includes(k)).map(([k, v]) => [k, strip(v)]));
  }
  return value;
}

const isHttp = (listener: Resource) => JSON.stringify(listener).includes('envoy.filters.network.http_connection_manager');

/** The export of the case's `web-01` proxy, cut to what one plugin emits. */
function exported(plugin: Plugin, name: string) {
  const text = readFileSync(join(here, 'inputs', `${name}.yaml`), 'utf8');
  const result = exportConfig([{ name: `${name}.yaml`, text }], 'envoy');
  const file = (kind: string) => (parse(result.files.find((f) => f.name === `default/web-01.${kind}.yaml`)?.text ?? '{}') as { resources?: Resource[] }).resources ?? [];
  const listeners = file('listeners').filter((l) => isHttp(l) === (plugin === 'meshhttproute'));
  const used = new Set([...JSON.stringify(listeners).matchAll(/"(?:cluster|name)":"([^"]+)"/g)].map((m) => m[1]));
  return {
    listeners,
    clusters: file('clusters').filter((c) => used.has(c.name)),
    endpoints: file('endpoints').filter((e) => used.has(e.name)),
    diagnostics: result.diagnostics,
  };
}

describe('Kuma 2.6 golden Envoy config', () => {
  for (const [plugin, name] of CASES) {
    describe(`${plugin} ${name}`, () => {
      const actual = exported(plugin, name);
      it('has no error', () => expect(actual.diagnostics.filter((d) => d.severity === 'error')).toEqual([]));
      for (const kind of ['listeners', 'clusters', 'endpoints'] as const) {
        it(`${kind} match`, () => expect(strip(actual[kind])).toEqual(strip(golden(plugin, name, kind))));
      }
    });
  }
});
