/**
 * A keystroke rarely changes most of what the page shows: the problems stay the same, the drawn graph keeps its
 * shape. The worker leaves out of its answer each part that equals the one it sent last (`same`), and the client puts
 * the part it already holds back in, so the page receives the very same arrays and React, Monaco's markers and
 * React Flow skip them. Plain functions on both sides; they never fail on a part they do not know.
 */
import equal from 'fast-deep-equal';
import type { Diagnostic } from '../core';
import type { AnalysisResult } from './protocol';

/** The parts of a result that can be left out when unchanged. */
export type ReusablePart = 'diagnostics' | 'meshes' | 'graph' | 'layouts' | 'sources';

/** What the worker posts: a result whose unchanged parts may be missing, named in `same`. */
export type AnalysisMessage = Omit<AnalysisResult, 'analysis' | 'graph' | 'layouts' | 'sources'> &
  Partial<Pick<AnalysisResult, 'graph' | 'layouts' | 'sources'>> & {
    analysis: Partial<AnalysisResult['analysis']>;
    same?: ReusablePart[];
    /**
     * The problems as a splice of the previous ones, when only a few changed (a keystroke changes the message of the
     * problem it is on, and the thousands of others stay): `previous.slice(0, start)`, `insert`, then the previous
     * ones from `start + deleteCount`.
     */
    diagnosticsSplice?: { start: number; deleteCount: number; insert: Diagnostic[] };
    /** The problems came before this message, in this many `DiagnosticsPart`s of the same id (see `inParts`). */
    diagnosticsInParts?: number;
  };

/** A slice of a result's problems, posted ahead of the result itself. */
export interface DiagnosticsPart {
  type: 'diagnostics-part';
  /** The id of the result the problems belong to. */
  id: number;
  diagnostics: Diagnostic[];
}

export function isDiagnosticsPart(message: unknown): message is DiagnosticsPart {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'diagnostics-part';
}

/**
 * Problems per part. The page takes each message in a task of its own, and unpacking a message takes time in
 * proportion to its size: the 2,700 problems of a mesh of 1,000 services (1.7 MB) took 57 ms of one task.
 */
export const DIAGNOSTICS_PER_PART = 400;

/**
 * The messages that carry `message`, in the order to post them: when it carries many problems whole, they go ahead
 * in parts of `DIAGNOSTICS_PER_PART`, and the message itself carries how many parts there were.
 */
export function inParts(message: AnalysisMessage): (AnalysisMessage | DiagnosticsPart)[] {
  const diagnostics = message.analysis.diagnostics;
  if (!diagnostics || diagnostics.length <= DIAGNOSTICS_PER_PART) return [message];
  const parts: DiagnosticsPart[] = [];
  for (let start = 0; start < diagnostics.length; start += DIAGNOSTICS_PER_PART) {
    parts.push({ type: 'diagnostics-part', id: message.id, diagnostics: diagnostics.slice(start, start + DIAGNOSTICS_PER_PART) });
  }
  const { diagnostics: _, ...analysis } = message.analysis;
  return [...parts, { ...message, analysis, diagnosticsInParts: parts.length }];
}

/**
 * Gathers the parts of a result's problems on the page's side: `add` each part, then `take` them for the result they
 * belong to (null when the parts received are not those of that result, which in-order messages never give).
 */
export class DiagnosticsParts {
  private id: number | null = null;
  private parts: Diagnostic[][] = [];

  add(part: DiagnosticsPart): void {
    if (part.id !== this.id) this.clear();
    this.id = part.id;
    this.parts.push(part.diagnostics);
  }

  take(message: AnalysisMessage): AnalysisMessage | null {
    const { id, parts } = this;
    this.clear();
    if (message.diagnosticsInParts === undefined) return message;
    if (id !== message.id || parts.length !== message.diagnosticsInParts) return null;
    const { diagnosticsInParts: _, ...rest } = message;
    return { ...rest, analysis: { ...rest.analysis, diagnostics: parts.flat() } };
  }

  clear(): void {
    this.id = null;
    this.parts = [];
  }
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a === b) return true; // a problem of a document the edit did not touch is the very same object
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

/** Arrays with the very same items are the same without reading them (the sources: 1,000 names at each keystroke). */
const sameItems = (a: unknown, b: unknown): boolean => Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Equal as data, compared field by field and stopping at the first difference: a keystroke that moves lines changes
 * every location of the drawn graph, and writing the JSON of a graph of 800 nodes to find that took 33 ms.
 */
const sameValue = (a: unknown, b: unknown): boolean => a === b || sameItems(a, b) || equal(a, b);

/** The message for `result`, leaving out what equals `previous` (the last result sent). */
export function leaveOutUnchanged(result: AnalysisResult, previous: AnalysisResult | null): AnalysisMessage {
  if (!previous) return result;
  const same: ReusablePart[] = [];
  const message: AnalysisMessage = { ...result, analysis: { ...result.analysis } };
  const diagnostics = result.analysis.diagnostics;
  const before = previous.analysis.diagnostics;
  let start = 0;
  while (start < diagnostics.length && start < before.length && sameDiagnostic(diagnostics[start] as Diagnostic, before[start] as Diagnostic)) start++;
  if (start === diagnostics.length && start === before.length) {
    delete message.analysis.diagnostics;
    same.push('diagnostics');
  } else {
    let end = 0;
    while (end < diagnostics.length - start && end < before.length - start && sameDiagnostic(diagnostics[diagnostics.length - 1 - end] as Diagnostic, before[before.length - 1 - end] as Diagnostic)) end++;
    const insert = diagnostics.slice(start, diagnostics.length - end);
    if (insert.length < diagnostics.length / 2) {
      delete message.analysis.diagnostics;
      message.diagnosticsSplice = { start, deleteCount: before.length - start - end, insert };
    }
  }
  if (sameValue(result.analysis.meshes, previous.analysis.meshes)) {
    delete message.analysis.meshes;
    same.push('meshes');
  }
  if (sameValue(result.sources, previous.sources)) {
    delete message.sources;
    same.push('sources');
  }
  const sameSize = result.graph.nodes.length === previous.graph.nodes.length && result.graph.edges.length === previous.graph.edges.length;
  if (sameSize && sameValue(result.graph, previous.graph)) {
    delete message.graph;
    same.push('graph');
  }
  if (sameSize && sameValue(result.layouts, previous.layouts)) {
    delete message.layouts;
    same.push('layouts');
  }
  return same.length > 0 || message.diagnosticsSplice ? { ...message, ...(same.length > 0 ? { same } : {}) } : result;
}

/**
 * The whole result again, from a message and the last result received from the same worker. A part left out without
 * a previous result (which a worker never does) becomes empty rather than missing.
 */
export function restoreUnchanged(message: AnalysisMessage, previous: AnalysisResult | null): AnalysisResult {
  const { same, diagnosticsSplice, ...rest } = message;
  if (diagnosticsSplice) {
    const before = previous?.analysis.diagnostics ?? [];
    const { start, deleteCount, insert } = diagnosticsSplice;
    rest.analysis = { ...rest.analysis, diagnostics: [...before.slice(0, start), ...insert, ...before.slice(start + deleteCount)] };
  }
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
