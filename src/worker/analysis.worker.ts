/** Runs the core (analyze, graph, layout) off the main thread. Answers every request, never throws. */
import { exportConfig } from '../core/generate';
import { isExportRequest, type AnalysisRequest, type AnalysisResult, type ExportRequest, type ExportResponse } from './protocol';
import { internalErrorResult } from './internalError';
import { createAnalysisMemory, runAnalysis } from './runAnalysis';

/** The part of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalysisRequest | ExportRequest>) => void) | null;
  postMessage(message: AnalysisResult | ExportResponse): void;
}

const scope = self as unknown as WorkerScope;
const memory = createAnalysisMemory();

function runExport(request: ExportRequest): ExportResponse {
  try {
    return { type: 'export', id: request.id, result: exportConfig(request.files, request.target, request.options) };
  } catch (error) {
    const message = `the ${request.target} export failed: ${error instanceof Error ? error.message : String(error)}`;
    const at = { file: request.files[0]?.name ?? '', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' };
    return { type: 'export', id: request.id, result: { files: [], diagnostics: [{ ...at, severity: 'error', code: 'INTERNAL_ERROR', message }] } };
  }
}

scope.onmessage = (event: MessageEvent<AnalysisRequest | ExportRequest>) => {
  if (isExportRequest(event.data)) {
    scope.postMessage(runExport(event.data));
    return;
  }
  const request = event.data;
  const result = runAnalysis(request, memory); // never throws: a core failure comes back as an INTERNAL_ERROR result
  try {
    scope.postMessage(result);
  } catch (error) {
    // The result could not be cloned: still answer, so the client never waits forever.
    scope.postMessage(internalErrorResult(request.id, request.files[0]?.name ?? '', error, 0, request.revision));
  }
};
