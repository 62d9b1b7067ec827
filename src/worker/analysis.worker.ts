/** Runs the core (analyze, graph, layout) off the main thread. Answers every request, never throws. */
import type { AnalysisRequest, AnalysisResult } from './protocol';
import { internalErrorResult } from './internalError';
import { createAnalysisMemory, runAnalysis } from './runAnalysis';

/** The part of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(message: AnalysisResult): void;
}

const scope = self as unknown as WorkerScope;
const memory = createAnalysisMemory();

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  const result = runAnalysis(request, memory); // never throws: a core failure comes back as an INTERNAL_ERROR result
  try {
    scope.postMessage(result);
  } catch (error) {
    // The result could not be cloned: still answer, so the client never waits forever.
    scope.postMessage(internalErrorResult(request.id, request.files[0]?.name ?? '', error, 0, request.revision));
  }
};
