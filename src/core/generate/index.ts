/**
 * Exports: the configuration a mesh would generate from the policies. Each target registers its exporter here
 * (Istio for TSB ServiceRoutes; Envoy for Kuma is added the same way).
 */
import type { Diagnostic } from '../diagnostics';
import type { SourceFile } from '../source/document';
import { exportIstio } from './istio/exportIstio';
import type { IstioExportOptions } from './istio/options';
import type { ExportFormat, ExportResult } from './types';

export type { ExportFormat, ExportResult } from './types';
export { DEFAULT_ISTIO_OPTIONS, TRANSLATION_CAVEAT, type IstioExportOptions } from './istio/options';

export type ExportTarget = 'envoy' | 'istio';

export interface ExportOptions {
  /** `yaml` (default): multi-document YAML per file; `json`: a Kubernetes List per file. */
  format?: ExportFormat;
  /** The uncertain choices of the Istio translation. */
  istio?: Partial<IstioExportOptions>;
}

type Exporter = (files: readonly SourceFile[], options: ExportOptions) => ExportResult;

const EXPORTERS: Partial<Record<ExportTarget, Exporter>> = {
  istio: (files, options) => exportIstio(files, options.format ?? 'yaml', options.istio),
};

export function exportConfig(files: readonly SourceFile[], target: ExportTarget, options: ExportOptions = {}): ExportResult {
  const exporter = EXPORTERS[target];
  return exporter ? exporter(files, options) : { files: [], diagnostics: [unavailable(target, files)] };
}

function unavailable(target: ExportTarget, files: readonly SourceFile[]): Diagnostic {
  return {
    file: files[0]?.name ?? '',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    path: '',
    severity: 'error',
    code: 'EXPORT_TARGET_UNAVAILABLE',
    message: `the ${target} export is not available in this build (available: ${Object.keys(EXPORTERS).join(', ')})`,
  };
}
