/**
 * The configuration a mesh would generate from the policies: Envoy for Kuma, Istio for TSB.
 * PLACEHOLDER of this branch: the exporters are written on other branches; this keeps their API so the Export menu
 * and the worker can call it, and says honestly that nothing is generated in this build.
 */
import type { Diagnostic } from '../diagnostics';
import type { SourceFile } from '../source/document';

export type ExportTarget = 'envoy' | 'istio';

export interface ExportResult {
  files: { name: string; text: string }[];
  diagnostics: Diagnostic[];
}

export function exportConfig(files: SourceFile[], target: ExportTarget, options?: Record<string, unknown>): ExportResult {
  void options;
  return {
    files: [],
    diagnostics: [
      {
        severity: 'info',
        code: 'EXPORT_UNAVAILABLE',
        message: `${target === 'envoy' ? 'Envoy' : 'Istio'} export: not available in this build`,
        file: files[0]?.name ?? '',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        path: '',
      },
    ],
  };
}
