/**
 * Export: the configuration a mesh would generate from the files, per target (Envoy for Kuma, Istio for TSB
 * ServiceRoutes). Each target registers its exporter here; exporting never throws on user input, and whatever it
 * leaves out is a diagnostic.
 */
import type { SourceFile } from '../source/document';
import { exportEnvoy } from './envoy/exportEnvoy';
import { exportIstio } from './istio/exportIstio';
import type { ExportOptions, ExportResult, ExportTarget } from './types';

export type { ExportFile, ExportFormat, ExportOptions, ExportResult, ExportTarget } from './types';
/** The Envoy export of a mesh in the current Kuma model, from the proxies' plans the resolver builds. */
export { exportEnvoyForPlans } from './envoy/current/exportPlans';
export type { BackendRefPlan, MeshSettings, OutboundPlan, ProxyPlan, TcpRoutePlan } from './envoy/current/plan';
export { DEFAULT_ISTIO_OPTIONS, TRANSLATION_CAVEAT, type IstioExportOptions } from './istio/options';

type Exporter = (files: readonly SourceFile[], options: ExportOptions) => ExportResult;

const EXPORTERS: Record<ExportTarget, Exporter> = {
  envoy: exportEnvoy,
  istio: (files, options) => exportIstio(files, options.format ?? 'yaml', options.istio),
};

export function exportConfig(files: readonly SourceFile[], target: ExportTarget, options: ExportOptions = {}): ExportResult {
  const exporter = EXPORTERS[target];
  if (exporter) return exporter(files, options);
  const at = { file: files[0]?.name ?? '', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' };
  return { files: [], diagnostics: [{ ...at, severity: 'error', code: 'EXPORT_TARGET_UNAVAILABLE', message: `export target "${target}" is not available (available: ${Object.keys(EXPORTERS).join(', ')})` }] };
}
