/**
 * Export: the configuration a mesh would generate from the files, per target. Each target registers an exporter;
 * exporting never throws on user input, and whatever it leaves out is a diagnostic.
 */
import type { SourceFile } from '../source/document';
import { exportEnvoy } from './envoy/exportEnvoy';
import type { ExportOptions, ExportResult, ExportTarget } from './types';

export type { ExportFile, ExportOptions, ExportResult, ExportTarget } from './types';

type Exporter = (files: readonly SourceFile[], options: ExportOptions) => ExportResult;

const exporters: Partial<Record<ExportTarget, Exporter>> = {
  envoy: exportEnvoy,
};

export function exportConfig(files: readonly SourceFile[], target: ExportTarget, options: ExportOptions = {}): ExportResult {
  const exporter = exporters[target];
  if (exporter) return exporter(files, options);
  const at = { file: files[0]?.name ?? '', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' };
  return { files: [], diagnostics: [{ ...at, severity: 'error', code: 'EXPORT_TARGET_UNAVAILABLE', message: `export target "${target}" is not available in this build` }] };
}
