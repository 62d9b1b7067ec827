import type { Diagnostic } from '../diagnostics';

export type ExportFormat = 'yaml' | 'json';

export interface ExportResult {
  files: { name: string; text: string }[];
  diagnostics: Diagnostic[];
}
