import type { Diagnostic } from '../diagnostics';
import type { IstioExportOptions } from './istio/options';

/** The mesh configurations Route Studio can write: Envoy (what Kuma generates) and Istio (what TSB translates to). */
export type ExportTarget = 'envoy' | 'istio';

/** `yaml` (default): YAML documents per file; `json`: JSON per file. */
export type ExportFormat = 'yaml' | 'json';

export interface ExportOptions {
  format?: ExportFormat;
  /** The uncertain choices of the Istio translation. */
  istio?: Partial<IstioExportOptions>;
  /** Kuma: the model to resolve every mesh by (as `analyze`'s option); `auto` (default) chooses per mesh. */
  kumaModel?: 'auto' | 'kuma-2.6' | 'kuma-2.14';
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
