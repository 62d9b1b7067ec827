/**
 * Asks a worker running the analysis script for the generated configuration. Each export gets its own short-lived
 * worker (exports are rare): the analysis worker's queue of keystroke runs is never held up or cancelled by one.
 */
import type { SourceFile } from '../core';
import type { ExportResult, ExportTarget } from '../core/generate';
import type { ExportRequest, ExportResponse } from './protocol';

export function requestExport(files: SourceFile[], target: ExportTarget, options?: Record<string, unknown>): Promise<ExportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'route-studio-export' });
    const request: ExportRequest = { type: 'export', id: 1, files, target, ...(options ? { options } : {}) };
    worker.onmessage = (event: MessageEvent<ExportResponse>) => {
      worker.terminate();
      resolve(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'the export worker failed'));
    };
    worker.postMessage(request);
  });
}
