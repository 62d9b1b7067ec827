/** The work the analysis worker does, as a plain function (testable without a Worker). Never throws. */
import { analyze, buildRouteGraph, layoutBothWays } from '../core';
import { internalErrorResult } from './internalError';
import type { AnalysisRequest, AnalysisResult } from './protocol';

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

export function runAnalysis(request: AnalysisRequest): AnalysisResult {
  const started = now();
  try {
    const analysis = analyze(request.files, { includeDefaults: request.showDefaults });
    const graph = buildRouteGraph(analysis.routes, { showDefaults: request.showDefaults });
    const { LR, TB } = layoutBothWays(graph);
    const layouts = { ...(LR ? { LR: [...LR] } : {}), ...(TB ? { TB: [...TB] } : {}) };
    return { id: request.id, analysis, graph, layouts, ms: now() - started };
  } catch (error) {
    return internalErrorResult(request.id, request.files[0]?.name ?? '', error, now() - started);
  }
}
