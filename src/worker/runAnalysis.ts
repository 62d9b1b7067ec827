/** The work the analysis worker does, as a plain function (testable without a Worker). Never throws. */
import { analyze, buildRouteGraph, createParseCache, noteEdit, parsedLineCount, PieceText, droppedResources, layoutBothWays, nodeSize, routeList, type Analysis, type KumaModelOption, type RouteEntry, type RouteGraph, type SourceFile } from '../core';
import { internalErrorResult } from './internalError';
import type { AnalysisRequest, AnalysisResult } from './protocol';

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** What the worker keeps between requests: each document's parse, and the last analysis with what it was of. */
export interface AnalysisMemory {
  parseCache: ReturnType<typeof createParseCache>;
  last: { files: SourceFile[]; showDefaults: boolean; kumaModel: KumaModelOption; analysis: Analysis } | null;
  /** The last layout and the graph shape it was made for: a keystroke that keeps the shape keeps the layout. */
  layout: { shape: string; layouts: AnalysisResult['layouts'] } | null;
  /** Line counts by file, with the text they were counted in. */
  lines: Map<string, { text: string; lines: number }>;
  /** The last graph and what it was drawn from. */
  graph?: { routes: RouteEntry[]; invalid: Analysis['invalidRoutes']; showDefaults: boolean; source: string | undefined; graph: RouteGraph };
}

export function createAnalysisMemory(): AnalysisMemory {
  return { parseCache: createParseCache(), last: null, layout: null, lines: new Map() };
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Lines of each file (the toolbar shows the active file's), counted again only in the files that changed, from the
 * parse's own cut when it has one (counting would read the whole text of a file changed by splices).
 */
function lineCounts(files: readonly SourceFile[], memory: AnalysisMemory): Record<string, number> {
  const counts: Record<string, number> = {};
  const next = new Map<string, { text: string; lines: number }>();
  for (const file of files) {
    const known = memory.lines.get(file.name);
    const entry = known?.text === file.text ? known : { text: file.text, lines: parsedLineCount(memory.parseCache, file.name) ?? countLines(file.text) };
    next.set(file.name, entry);
    counts[file.name] = entry.lines;
  }
  memory.lines = next;
  return counts;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The graph of these routes: the last one while the routes, the invalid ones and the options are the very same (an
 * edit that leaves the drawn source's routes alone keeps their entries): comparing a new graph of 800 nodes with the
 * last one, to leave it out of the answer, cost more than the analysis of the keystroke.
 */
function graphOf(routes: RouteEntry[], options: { showDefaults: boolean; source?: string | undefined }, invalid: Analysis['invalidRoutes'], memory: AnalysisMemory): RouteGraph {
  const last = memory.graph;
  if (last && last.showDefaults === options.showDefaults && last.source === options.source && sameItems(last.routes, routes) && sameItems(last.invalid, invalid)) return last.graph;
  const graph = buildRouteGraph(routes, options, invalid);
  memory.graph = { routes, invalid, showDefaults: options.showDefaults, source: options.source, graph };
  return graph;
}

/** What a layout depends on: the nodes with their sizes, and the edges. */
function graphShape(graph: RouteGraph): string {
  const nodes = graph.nodes.map((n) => {
    const { width, height } = nodeSize(n);
    return `${n.id}\u0000${width}\u0000${height}`;
  });
  return `${nodes.join('\u0001')}\u0002${graph.edges.map((e) => `${e.source}\u0000${e.target}`).join('\u0001')}`;
}

function layoutOf(graph: RouteGraph, memory: AnalysisMemory): AnalysisResult['layouts'] {
  const shape = graphShape(graph);
  if (memory.layout?.shape === shape) return memory.layout.layouts;
  const { LR, TB } = layoutBothWays(graph);
  const layouts = { ...(LR ? { LR: [...LR] } : {}), ...(TB ? { TB: [...TB] } : {}) };
  memory.layout = { shape, layouts };
  return layouts;
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
    const kumaModel = request.kumaModel ?? 'auto';
    const analysis =
      last && last.showDefaults === request.showDefaults && last.kumaModel === kumaModel && sameFiles(last.files, request.files)
        ? last.analysis
        : analyze(request.files, { parseCache: memory.parseCache, kumaModel });
    memory.last = { files: request.files, showDefaults: request.showDefaults, kumaModel, analysis };
    const sources = analysis.index.sources(request.showDefaults);
    const { routes, shownSource } = drawnRoutes(analysis, request, sources);
    const graph = graphOf(routes, { showDefaults: request.showDefaults, source: request.focusSource ?? shownSource }, analysis.invalidRoutes, memory);
    const layouts = layoutOf(graph, memory);
    const { diagnostics, meshes } = analysis;
    // Only an empty graph explains itself by what was left out (the cached parses make this cheap).
    const dropped = graph.nodes.length === 0 ? droppedResources(request.files, diagnostics, memory.parseCache) : undefined;
    return {
      id: request.id,
      analysis: { diagnostics, meshes },
      graph,
      layouts,
      sources,
      lines: lineCounts(request.files, memory),
      ms: now() - started,
      revision: request.revision ?? 0,
      ...(shownSource ? { shownSource } : {}),
      ...(dropped ? { dropped } : {}),
    };
  } catch (error) {
    memory.last = null;
    memory.layout = null;
    delete memory.graph;
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

/** From this many characters on, a file's keystroke path is warmed up after it arrives whole (see `warmKeystrokePath`). */
export const WARM_FROM_CHARS = 256 * 1024;

/** Rounds of warming: the compiler optimises a function after it has run a few times, not after once. */
export const WARM_ROUNDS = 2;

/**
 * The first keystrokes in a large file ran the code of an edit (the parse's re-cut, the classes taken over, the
 * answers kept, resolution afresh) for the first time, and took 175 ms each in the worker where the next ones take
 * 50. After a large file arrives whole, this makes the edit a keystroke most often makes (a digit added to the first
 * weight, or where there is none a space at the end) and its undo, twice, through the same memory, so that the
 * person's first keystrokes find that code compiled. It ends where it began: the memory holds the request's own files
 * again. Results are not sent anywhere.
 */
export function warmKeystrokePath(request: AnalysisRequest, memory: AnalysisMemory): void {
  const file = request.files.reduce<SourceFile | undefined>((largest, f) => (f.text.length > (largest?.text.length ?? WARM_FROM_CHARS - 1) ? f : largest), undefined);
  if (!file) return;
  const weight = /weight: \d+/.exec(file.text);
  const at = weight ? weight.index + weight[0].length : file.text.length;
  const insert = weight ? '1' : ' ';
  const edited = PieceText.of(file.text).splice({ start: at, deleteCount: 0, insert }).text;
  const editedRequest = { ...request, files: request.files.map((f) => (f === file ? { name: f.name, text: edited } : f)) };
  for (let round = 0; round < WARM_ROUNDS; round++) {
    noteEdit(memory.parseCache, file.name, file.text, edited, { start: at, deleteCount: 0, insert });
    runAnalysis(editedRequest, memory);
    noteEdit(memory.parseCache, file.name, edited, file.text, { start: at, deleteCount: insert.length, insert: '' });
    runAnalysis(request, memory);
  }
}
