/** The work the analysis worker does, as a plain function (testable without a Worker). Never throws. */
import { analyze, buildRouteGraph, layoutBothWays, type ParseCache } from '../core';
import { internalErrorResult } from './internalError';
import type { AnalysisRequest, AnalysisResult } from './protocol';

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** `parseCache` carries parses from one request to the next (the worker keeps one), so a keystroke re-parses one document. */
export function runAnalysis(request: AnalysisRequest, parseCache?: ParseCache): AnalysisResult {
  const started = now();
  try {
    const analysis = analyze(request.files, { includeDefaults: request.showDefaults, parseCache });
    const graph = buildRouteGraph(analysis.routes, { showDefaults: request.showDefaults, source: request.focusSource });
    const sources = [...new Set(analysis.routes.map((r) => r.source))].sort();
    const { LR, TB } = layoutBothWays(graph);
    const layouts = { ...(LR ? { LR: [...LR] } : {}), ...(TB ? { TB: [...TB] } : {}) };
    return { id: request.id, analysis, graph, layouts, sources, ms: now() - started };
  } catch (error) {
    return internalErrorResult(request.id, request.files[0]?.name ?? '', error, now() - started);
  }
}
