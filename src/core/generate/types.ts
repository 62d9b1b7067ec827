import type { Diagnostic } from '../diagnostics';

/** The mesh configurations Route Studio can write: Envoy (what Kuma generates) and Istio (what TSB translates to). */
export type ExportTarget = 'envoy' | 'istio';

export interface ExportOptions {
  /** Text format of the files; YAML by default. */
  format?: 'yaml' | 'json';
}

export interface ExportFile {
  /** A relative path, `/`-separated (e.g. `default/web-1.listeners.yaml`). */
  name: string;
  text: string;
}

export interface ExportResult {
  files: ExportFile[];
  /** What the export left out and why, plus the errors of the input. */
  diagnostics: Diagnostic[];
}
