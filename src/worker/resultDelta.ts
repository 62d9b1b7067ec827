/**
 * A keystroke rarely changes most of what the page shows: the problems stay the same, the drawn graph keeps its
 * shape. The worker leaves out of its answer each part that equals the one it sent last (`same`), and the client puts
 * the part it already holds back in, so the page receives the very same arrays and React, Monaco's markers and
 * React Flow skip them. Plain functions on both sides; they never fail on a part they do not know.
 */
import type { Diagnostic } from '../core';
import type { AnalysisResult } from './protocol';

/** The parts of a result that can be left out when unchanged. */
export type ReusablePart = 'diagnostics' | 'meshes' | 'graph' | 'layouts' | 'sources';

/** What the worker posts: a result whose unchanged parts may be missing, named in `same`. */
export type AnalysisMessage = Omit<AnalysisResult, 'analysis' | 'graph' | 'layouts' | 'sources'> &
  Partial<Pick<AnalysisResult, 'graph' | 'layouts' | 'sources'>> & {
    analysis: Partial<AnalysisResult['analysis']>;
    same?: ReusablePart[];
  };

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.line === b.line &&
    a.column === b.column &&
    a.endLine === b.endLine &&
    a.endColumn === b.endColumn &&
    a.file === b.file &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.path === b.path &&
    JSON.stringify(a.fixes) === JSON.stringify(b.fixes)
  );
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => sameDiagnostic(d, b[i] as Diagnostic));
}

const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The message for `result`, leaving out what equals `previous` (the last result sent). */
export function leaveOutUnchanged(result: AnalysisResult, previous: AnalysisResult | null): AnalysisMessage {
  if (!previous) return result;
  const same: ReusablePart[] = [];
  const message: AnalysisMessage = { ...result, analysis: { ...result.analysis } };
  if (sameDiagnostics(result.analysis.diagnostics, previous.analysis.diagnostics)) {
    delete message.analysis.diagnostics;
    same.push('diagnostics');
  }
  if (sameJson(result.analysis.meshes, previous.analysis.meshes)) {
    delete message.analysis.meshes;
    same.push('meshes');
  }
  if (sameJson(result.sources, previous.sources)) {
    delete message.sources;
    same.push('sources');
  }
  if (sameJson(result.graph, previous.graph)) {
    delete message.graph;
    same.push('graph');
  }
  if (sameJson(result.layouts, previous.layouts)) {
    delete message.layouts;
    same.push('layouts');
  }
  return same.length > 0 ? { ...message, same } : result;
}

/**
 * The whole result again, from a message and the last result received from the same worker. A part left out without
 * a previous result (which a worker never does) becomes empty rather than missing.
 */
export function restoreUnchanged(message: AnalysisMessage, previous: AnalysisResult | null): AnalysisResult {
  const { same, ...rest } = message;
  if (!same || same.length === 0) return rest as AnalysisResult;
  const reused = new Set(same);
  const pick = <T>(part: ReusablePart, own: T | undefined, kept: T | undefined, empty: T): T => (reused.has(part) ? (kept ?? empty) : (own ?? empty));
  return {
    ...rest,
    analysis: {
      diagnostics: pick('diagnostics', rest.analysis.diagnostics, previous?.analysis.diagnostics, []),
      meshes: pick('meshes', rest.analysis.meshes, previous?.analysis.meshes, []),
    },
    graph: pick('graph', rest.graph, previous?.graph, { nodes: [], edges: [] }),
    layouts: pick('layouts', rest.layouts, previous?.layouts, {}),
    sources: pick('sources', rest.sources, previous?.sources, []),
  };
}
