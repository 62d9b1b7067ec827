/** The 'envoy' export target: per Kuma proxy, its listeners, clusters and endpoints as Kuma's golden files write them. */
import { stringify } from 'yaml';
import type { Diagnostic, SourceLocation } from '../../diagnostics';
import { kumaFamily } from '../../families/kuma';
import { buildInventory } from '../../model/kuma/inventory';
import { readResourceHeader } from '../../model/resource';
import type { RouteEntry } from '../../resolve/routeTable';
import type { SourceFile } from '../../source/document';
import { analyze, routeList } from '../../index';
import { createParseCache, parseSources, type ParseCache } from '../../source/parse';
import type { ExportFile, ExportOptions, ExportResult } from '../types';
import type { Json } from './listeners';
import { meshEnvoyConfigs, type ProxyEnvoyConfig } from './proxyConfig';

/** The 'envoy' exporter: the files of every declared Kuma proxy, the input's errors, and what was left out. */
export function exportEnvoy(files: readonly SourceFile[], options: ExportOptions): ExportResult {
  const parseCache = createParseCache();
  const analysis = analyze(files, { parseCache });
  const entries = routeList(analysis.index, { includeDefaults: true });
  const { configs, diagnostics } = envoyConfigs(files, entries, parseCache);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  return { files: envoyFiles(configs, options), diagnostics: [...errors, ...diagnostics] };
}

/** Every declared proxy's Envoy config, from the files and their route entries (default routes included). */
export function envoyConfigs(files: readonly SourceFile[], entries: readonly RouteEntry[], cache?: ParseCache): { configs: ProxyEnvoyConfig[]; diagnostics: Diagnostic[] } {
  const { documents } = parseSources(files, cache);
  const headers = documents.flatMap((d) => (d.broken ? [] : [readResourceHeader(d)])).filter((h) => h !== null && kumaFamily.claims(h)).map((h) => h as NonNullable<typeof h>);
  const { model } = kumaFamily.read(headers);
  const inventory = buildInventory(model.proxies, [...model.policies, ...model.httpPolicies], model.externalServices);
  const fallback: SourceLocation = { file: files[0]?.name ?? '', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' };
  const configs: ProxyEnvoyConfig[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const mesh of [...inventory.meshes.values()].sort((a, b) => (a.mesh < b.mesh ? -1 : 1))) {
    const result = meshEnvoyConfigs(mesh, entries, fallback);
    configs.push(...result.configs);
    diagnostics.push(...result.diagnostics);
  }
  return { configs, diagnostics };
}

/** Kuma's golden-file shape: `resources: [{name, resource}]`. */
export function asResources(resources: readonly Json[]): { resources: { name: unknown; resource: Json }[] } {
  return { resources: resources.map((resource) => ({ name: resource.name ?? resource.clusterName, resource })) };
}

/** One file per proxy and kind, `<mesh>/<proxy>.<kind>.<format>`: listeners, clusters and endpoints unless told. */
export function envoyFiles<K extends 'listeners' | 'clusters' | 'endpoints'>(
  configs: readonly (Pick<ProxyEnvoyConfig, 'mesh' | 'proxy'> & Record<K, Json[]>)[],
  options: ExportOptions,
  kinds: readonly K[] = ['listeners', 'clusters', 'endpoints'] as K[],
): ExportFile[] {
  const format = options.format ?? 'yaml';
  const text = (value: unknown) => (format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 }));
  return configs.flatMap((c) => kinds.map((kind) => ({ name: `${c.mesh}/${c.proxy}.${kind}.${format}`, text: text(asResources(c[kind])) })));
}
