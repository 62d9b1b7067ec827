/** Runs the core (analyze, graph, layout) off the main thread. Answers every request, never throws. */
import { noteEdit } from '../core';
import { exportConfig } from '../core/generate';
import { FileUpdateReceiver } from './fileUpdates';
import { isExportRequest, type AnalysisRequestMessage, type AnalysisResult, type ExportRequest, type ExportResponse } from './protocol';
import { internalErrorResult } from './internalError';
import { inParts, leaveOutUnchanged, type AnalysisMessage, type DiagnosticsPart } from './resultDelta';
import { createAnalysisMemory, runAnalysis, WARM_FROM_CHARS, warmKeystrokePath } from './runAnalysis';

/** The part of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalysisRequestMessage | ExportRequest>) => void) | null;
  postMessage(message: AnalysisMessage | DiagnosticsPart | ExportResponse): void;
}

const scope = self as unknown as WorkerScope;
const memory = createAnalysisMemory();
/** The last result posted: the next one leaves out what equals it (the client keeps the same). */
let lastSent: AnalysisResult | null = null;
/** The files as the page last sent them: requests carry only what changed. */
const receiver = () => new FileUpdateReceiver(({ file, before, after, splice }) => noteEdit(memory.parseCache, file, before, after, splice));
let held = receiver();
let warmUp: ReturnType<typeof setTimeout> | undefined;
let warmed = false;
const WARM_AFTER_MS = 100;

function runExport(request: ExportRequest): ExportResponse {
  try {
    return { type: 'export', id: request.id, result: exportConfig(request.files, request.target, request.options) };
  } catch (error) {
    const message = `the ${request.target} export failed: ${error instanceof Error ? error.message : String(error)}`;
    const at = { file: request.files[0]?.name ?? '', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' };
    return { type: 'export', id: request.id, result: { files: [], diagnostics: [{ ...at, severity: 'error', code: 'INTERNAL_ERROR', message }] } };
  }
}

scope.onmessage = (event: MessageEvent<AnalysisRequestMessage | ExportRequest>) => {
  if (isExportRequest(event.data)) {
    scope.postMessage(runExport(event.data));
    return;
  }
  const message = event.data;
  clearTimeout(warmUp);
  let result: AnalysisResult;
  try {
    const request = { ...message, files: held.apply(message.files) };
    result = runAnalysis(request, memory); // never throws: a core failure comes back as an INTERNAL_ERROR result
    // The first large file (pasted, imported, opened): the keystroke path is warmed, once, when the worker is idle.
    if (!warmed && request.files.some((f) => f.text.length >= WARM_FROM_CHARS)) {
      warmUp = setTimeout(() => {
        warmed = true;
        warmKeystrokePath(request, memory);
      }, WARM_AFTER_MS);
    }
  } catch (error) {
    held = receiver(); // the page sends every file whole after an internal error
    result = internalErrorResult(message.id, message.files[0]?.name ?? '', error, 0, message.revision);
  }
  const request = message;
  try {
    for (const part of inParts(leaveOutUnchanged(result, lastSent))) scope.postMessage(part);
    lastSent = result;
  } catch (error) {
    // The result could not be cloned: still answer (whole), so the client never waits forever.
    lastSent = internalErrorResult(request.id, request.files[0]?.name ?? '', error, 0, request.revision);
    scope.postMessage(lastSent);
  }
};
