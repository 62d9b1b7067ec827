/** The 'envoy' export target: per Kuma proxy, its listeners, clusters and endpoints as Kuma's golden files write them. */
import { stringify } from 'yaml';
import type { Diagnostic, SourceLocation } from '../../diagnostics';
import { kumaFamily, type KumaModel } from '../../families/kuma';
import { buildInventory } from '../../model/kuma/inventory';
import { readResourceHeader, type ResourceHeader } from '../../model/resource';
import type { RouteEntry } from '../../resolve/routeTable';
import type { SourceFile } from '../../source/document';
import { analyze, routeList } from '../../index';
import { createParseCache, parseSources, type ParseCache } from '../../source/parse';
import type { ExportFile, ExportOptions, ExportResult } from '../types';
import type { Json } from './listeners';
import { exportCurrentMeshes } from './current/exportCurrent';
import { meshEnvoyConfigs, type ProxyEnvoyConfig } from './proxyConfig';

/**
 * The 'envoy' exporter: the files of every declared Kuma proxy, the input's errors, and what was left out. Meshes of
 * the 2.6 model are written from their route entries (listeners, clusters, endpoints); meshes of the current model
 * from their resolution per proxy (`current/exportCurrent.ts`: listeners and clusters).
 */
export function exportEnvoy(files: readonly SourceFile[], options: ExportOptions): ExportResult {
  const parseCache = createParseCache();
  const analysis = analyze(files, { parseCache, ...(options.kumaModel ? { kumaModel: options.kumaModel } : {}) });
  const current = analysis.meshes.filter((m) => m.family === 'kuma' && m.model === 'kuma-2.14').map((m) => m.mesh);
  const entries = routeList(analysis.index, { includeDefaults: true });
  const kuma = readKuma(files, parseCache, options);
  const { configs, diagnostics } = envoyConfigs(kuma, entries, new Set(current));
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (current.length === 0) return { files: envoyFiles(configs, options), diagnostics: [...errors, ...diagnostics] };
  const currentExport = exportCurrentMeshes(kuma.headers, kuma.model, current, kuma.fallback, options);
  return { files: [...envoyFiles(configs, options), ...currentExport.files], diagnostics: [...errors, ...diagnostics, ...currentExport.diagnostics] };
}

/** The Kuma documents of the files and their reading (the same model choice as the analysis). */
interface KumaReading {
  headers: ResourceHeader[];
  model: KumaModel;
  fallback: SourceLocation;
}

function readKuma(files: readonly SourceFile[], cache: ParseCache | undefined, options: ExportOptions = {}): KumaReading {
  const { documents } = parseSources(files, cache);
  const headers = documents.flatMap((d) => (d.broken ? [] : [readResourceHeader(d)])).filter((h): h is ResourceHeader => h !== null && kumaFamily.claims(h));
  const { model } = kumaFamily.read(headers, options.kumaModel ? { kumaModel: options.kumaModel } : {});
  return { headers, model, fallback: { file: files[0]?.name ?? '', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' } };
}

/** Every declared proxy's Envoy config in the meshes of the 2.6 model (but those in `except`), from their route entries (default routes included). */
function envoyConfigs(kuma: KumaReading, entries: readonly RouteEntry[], except: ReadonlySet<string>): { configs: ProxyEnvoyConfig[]; diagnostics: Diagnostic[] } {
  const { model } = kuma;
  const inventory = buildInventory(model.proxies, [...model.policies, ...model.httpPolicies], model.externalServices);
  const configs: ProxyEnvoyConfig[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const mesh of [...inventory.meshes.values()].sort((a, b) => (a.mesh < b.mesh ? -1 : 1))) {
    if (except.has(mesh.mesh)) continue;
    const result = meshEnvoyConfigs(mesh, entries, kuma.fallback);
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
