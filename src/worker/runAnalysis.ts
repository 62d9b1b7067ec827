/** The work the analysis worker does, as a plain function (testable without a Worker). Never throws. */
import { analyze, buildRouteGraph, createParseCache, droppedResources, layoutBothWays, routeList, type Analysis, type SourceFile } from '../core';
import { internalErrorResult } from './internalError';
import type { AnalysisRequest, AnalysisResult } from './protocol';

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** What the worker keeps between requests: each document's parse, and the last analysis with what it was of. */
export interface AnalysisMemory {
  parseCache: ReturnType<typeof createParseCache>;
  last: { files: SourceFile[]; showDefaults: boolean; analysis: Analysis } | null;
}

export function createAnalysisMemory(): AnalysisMemory {
  return { parseCache: createParseCache(), last: null };
}

function sameFiles(a: readonly SourceFile[], b: readonly SourceFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f.name === b[i]?.name && f.text === b[i]?.text);
}

/**
 * Analyses (unless only the view changed, e.g. the focused source), draws and lays out. A keystroke re-parses only
 * the document it touched. Only what the page shows crosses to it: diagnostics and meshes, not the route table.
 */
export function runAnalysis(request: AnalysisRequest, memory: AnalysisMemory = createAnalysisMemory()): AnalysisResult {
  const started = now();
  try {
    const last = memory.last;
    const analysis =
      last && last.showDefaults === request.showDefaults && sameFiles(last.files, request.files)
        ? last.analysis
        : analyze(request.files, { parseCache: memory.parseCache });
    memory.last = { files: request.files, showDefaults: request.showDefaults, analysis };
    const routes = routeList(analysis.index, { includeDefaults: request.showDefaults, from: request.focusSource });
    const graph = buildRouteGraph(routes, { showDefaults: request.showDefaults, source: request.focusSource });
    const sources = analysis.index.sources(request.showDefaults);
    const { LR, TB } = layoutBothWays(graph);
    const layouts = { ...(LR ? { LR: [...LR] } : {}), ...(TB ? { TB: [...TB] } : {}) };
    const { diagnostics, meshes } = analysis;
    // Only an empty graph explains itself by what was left out (the cached parses make this cheap).
    const dropped = graph.nodes.length === 0 ? droppedResources(request.files, diagnostics, memory.parseCache) : undefined;
    return { id: request.id, analysis: { diagnostics, meshes }, graph, layouts, sources, ms: now() - started, ...(dropped ? { dropped } : {}) };
  } catch (error) {
    memory.last = null;
    return internalErrorResult(request.id, request.files[0]?.name ?? '', error, now() - started);
  }
}
