/** The work the analysis worker does, as a plain function (testable without a Worker). Never throws. */
import { analyze, buildRouteGraph, createParseCache, droppedResources, layoutBothWays, routeList, type Analysis, type RouteEntry, type SourceFile } from '../core';
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
    const sources = analysis.index.sources(request.showDefaults);
    const { routes, shownSource } = drawnRoutes(analysis, request, sources);
    const graph = buildRouteGraph(routes, { showDefaults: request.showDefaults, source: request.focusSource ?? shownSource }, analysis.invalidRoutes);
    const { LR, TB } = layoutBothWays(graph);
    const layouts = { ...(LR ? { LR: [...LR] } : {}), ...(TB ? { TB: [...TB] } : {}) };
    const { diagnostics, meshes } = analysis;
    // Only an empty graph explains itself by what was left out (the cached parses make this cheap).
    const dropped = graph.nodes.length === 0 ? droppedResources(request.files, diagnostics, memory.parseCache) : undefined;
    return {
      id: request.id,
      analysis: { diagnostics, meshes },
      graph,
      layouts,
      sources,
      ms: now() - started,
      revision: request.revision ?? 0,
      ...(shownSource ? { shownSource } : {}),
      ...(dropped ? { dropped } : {}),
    };
  } catch (error) {
    memory.last = null;
    return internalErrorResult(request.id, request.files[0]?.name ?? '', error, now() - started, request.revision);
  }
}

/** Above this many entries the whole table is not drawn (it would be a texture, and slow): one source is. */
export const MAX_DRAWN_ROUTES = 600;

/**
 * The routes the graph draws: those of the focused source; else all of them while they are few enough, or the
 * first source's when they are not (never more than MAX_DRAWN_ROUTES + 1 read to find out).
 */
function drawnRoutes(analysis: Analysis, request: AnalysisRequest, sources: readonly string[]): { routes: RouteEntry[]; shownSource?: string } {
  const query = { includeDefaults: request.showDefaults };
  if (request.focusSource) return { routes: routeList(analysis.index, { ...query, from: request.focusSource }) };
  const routes: RouteEntry[] = [];
  for (const route of analysis.index.entries(query)) {
    routes.push(route);
    if (routes.length > MAX_DRAWN_ROUTES) {
      const shownSource = sources[0];
      return shownSource ? { routes: routeList(analysis.index, { ...query, from: shownSource }), shownSource } : { routes: [] };
    }
  }
  return { routes };
}
