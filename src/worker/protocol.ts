/** Messages between the main thread and the analysis worker. Plain data only (structured clone). */
import type { Analysis, DroppedSummary, KumaModelOption, LayoutDirection, NodeBox, RouteGraph, SourceFile } from '../core';
import type { ExportResult, ExportTarget } from '../core/generate';
import type { FileUpdate } from './fileUpdates';

export interface AnalysisRequest {
  /** Increases with every request; a response carries the id of the request it answers. */
  id: number;
  files: SourceFile[];
  /** Also resolve and draw the default routes (destinations no policy touches). */
  showDefaults: boolean;
  /** Draw only this source service's routes (null: all). The analysis itself always covers everything. */
  focusSource: string | null;
  /** The document revision these files are (the store counts changes): the result says which text it drew. */
  revision?: number;
  /** The Kuma model option (default `auto`: chosen per mesh). */
  kumaModel?: KumaModelOption;
}

/** An AnalysisRequest as posted: its files as updates of what the worker already holds (src/worker/fileUpdates.ts). */
export type AnalysisRequestMessage = Omit<AnalysisRequest, 'files'> & { files: FileUpdate[] };

export interface AnalysisResult {
  id: number;
  /** What the page shows of the analysis; the route table itself stays in the worker (it can be very large). */
  analysis: Pick<Analysis, 'diagnostics' | 'meshes'>;
  graph: RouteGraph;
  /** Layout boxes per direction as `[nodeId, box]` entries; `TB` only for graphs small enough. The view picks. */
  layouts: Partial<Record<LayoutDirection, [string, NodeBox][]>>;
  /** Every source service of the route table, sorted: what the graph can focus on. */
  sources: string[];
  /** The request's document revision. */
  revision: number;
  /** Lines of each file, by name (the toolbar's count, kept off the page's own thread). */
  lines?: Record<string, number>;
  /**
   * Set when no source was asked for but the table is too large to draw whole: the graph shows this source's
   * routes instead, and the page asks the person to pick one.
   */
  shownSource?: string;
  /** Time the worker spent, in milliseconds. */
  ms: number;
  /** When nothing is drawn: the resources left out for their errors, and the syntax errors (for the empty graph). */
  dropped?: DroppedSummary;
}

/** Asks the worker for the generated configuration (`exportConfig` of src/core/generate). */
export interface ExportRequest {
  type: 'export';
  id: number;
  files: SourceFile[];
  target: ExportTarget;
  options?: Record<string, unknown>;
}

export interface ExportResponse {
  type: 'export';
  id: number;
  result: ExportResult;
}

export function isExportRequest(message: unknown): message is ExportRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'export';
}

/** Diagnostic code of a result produced when the core itself failed (a bug, never the user's input). */
export const INTERNAL_ERROR = 'INTERNAL_ERROR';
