/** The few functions the rest of the app (UI, worker, command line, bench) calls. */
import { append } from './collections';
import { claimResources, type ClaimsMemo } from './claims';
import { sortDiagnostics, type Diagnostic } from './diagnostics';
import type { FamilyOptions, MeshSummary, PolicyFamily } from './family';
import { kumaFamily } from './families/kuma';
import { tsbFamily } from './families/tsb';
import type { SourceFile } from './source/document';
import { parseSources, type ParseCache } from './source/parse';
import { combineIndexes, type RouteIndex } from './resolve/routeIndex';
import type { InvalidRoute } from './resolve/routeTable';

export type { Diagnostic, Severity, SourceLocation, SourceRange } from './diagnostics';
export { countBySeverity, formatDiagnostic, hasErrors, sortDiagnostics } from './diagnostics';
export type { SourceFile } from './source/document';
export { createParseCache, noteEdit, parsedLineCount, type ParseCache } from './source/parse';
export { PieceText, type TextSplice } from './source/pieceText';
export type { FamilyOptions, MeshSummary } from './family';
export { MODEL_LABELS, type KumaModelName, type KumaModelOption } from './model/kuma/current/modelChoice';
export { combineIndexes, compareText, listIndex, routeList, type RouteIndex, type RouteQuery } from './resolve/routeIndex';
export type { BackendSplit, InvalidMark, InvalidRoute, OverriddenPolicy, Protocol, RouteEntry, RouteKind, RouteTable } from './resolve/routeTable';

/** Every family Route Studio understands, in the order they claim documents. */
const families: PolicyFamily<unknown>[] = [kumaFamily as PolicyFamily<unknown>, tsbFamily as PolicyFamily<unknown>];

export interface Analysis {
  /** The routes, produced on demand: `routeList(analysis.index, query)` or `analysis.index.entries(query)`. */
  index: RouteIndex;
  diagnostics: Diagnostic[];
  meshes: MeshSummary[];
  /**
   * What the policies with errors would have done, read from what can be read of them: for the graph to draw as
   * "invalid: not applied". Never part of the index (nor of `resolve`'s output); their errors are in `diagnostics`.
   */
  invalidRoutes: InvalidRoute[];
}

/** Timings of one analysis in milliseconds, for the benchmark. */
export interface PhaseTimes {
  parse: number;
  validate: number;
  resolve: number;
}

/** The last analysis's claims, taken over by position (see `claimResources`). */
const claimsMemo: { last: ClaimsMemo | null } = { last: null };

export interface AnalyzeOptions extends FamilyOptions {
  /** Parses kept from the previous run: an edit then re-parses only the documents it changed. */
  parseCache?: ParseCache;
}

/** Parses, validates and resolves a set of files. Never throws on user input: problems are diagnostics. */
export function analyze(files: readonly SourceFile[], options: AnalyzeOptions = {}, times?: PhaseTimes): Analysis {
  let t = now();
  const parsed = parseSources(files, options.parseCache);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const incremental = options.parseCache !== undefined;
  if (!incremental) claimsMemo.last = null;
  const claimed = claimResources(parsed.documents, families, incremental ? claimsMemo : { last: null });
  append(diagnostics, claimed.diagnostics);
  t = lap(times, 'parse', t);

  const models = families.map((family, i) => {
    const read = family.read(claimed.headers[i] ?? [], { ...(options.kumaModel ? { kumaModel: options.kumaModel } : {}), incremental });
    append(diagnostics, read.diagnostics);
    return { family, model: read.model };
  });
  t = lap(times, 'validate', t);

  const indexes: RouteIndex[] = [];
  const meshes: MeshSummary[] = [];
  const invalidRoutes: InvalidRoute[] = [];
  for (const { family, model } of models) {
    const resolved = family.resolve(model);
    indexes.push(resolved.index);
    append(diagnostics, resolved.diagnostics);
    append(meshes, resolved.meshes);
    if (resolved.invalid) append(invalidRoutes, resolved.invalid);
  }
  lap(times, 'resolve', t);
  return {
    index: indexes.length === 1 ? (indexes[0] as RouteIndex) : combineIndexes(indexes),
    diagnostics: sortDiagnostics(diagnostics, files.map((f) => f.name)),
    meshes,
    invalidRoutes,
  };
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

function lap(times: PhaseTimes | undefined, phase: keyof PhaseTimes, since: number): number {
  const t = now();
  if (times) times[phase] = t - since;
  return t;
}

export { DEFAULT_ISTIO_OPTIONS, exportConfig, TRANSLATION_CAVEAT } from './generate';
export type { ExportFile, ExportFormat, ExportOptions, ExportResult, ExportTarget, IstioExportOptions } from './generate';
export { buildRouteGraph, percentLabel } from './graph/routeGraph';
export type { GraphEdge, GraphNode, GraphNodeKind, RouteGraph, RouteGraphOptions } from './graph/routeGraph';
export { fitZoom, layoutBothWays, MAX_OVERRIDDEN_SHOWN, layoutRouteGraph, nodeSize, preferredDirection, type LayoutDirection, type NodeBox } from './graph/layout';
export { applyChanges, documentIndexAtLine, readDocument, type ApplyResult } from './edit/applyChanges';
export type { ChangeTarget, DocumentChange, Fix, YamlPath } from './edit/change';
export { parsePath } from './edit/parsePath';
export { droppedResources, type DroppedResource, type DroppedSummary } from './workspace';
export { suggestFileName } from './fileName';
