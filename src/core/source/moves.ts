/**
 * Documents that moved down or up a file without changing (a line added or removed above them): what was read of
 * such a document is the same but for its line numbers, so it is taken over with them shifted rather than read again.
 * Pressing Enter near the top of a workspace of 4,000 documents read all those below it again: 350 ms in the worker.
 */
import type { SourceDocument } from './document';

/** A document and the one it was placed as before, that many lines higher (negative: lower). */
interface Move {
  from: SourceDocument;
  lines: number;
}

const moves = new WeakMap<SourceDocument, Move>();

/** Says that `to` is `from` moved by `lines`: same file, same text, same position among the file's documents. */
export function noteMove(from: SourceDocument, to: SourceDocument, lines: number): void {
  moves.set(to, { from, lines });
}

/**
 * What was found for an earlier placement of `doc`, with the lines it moved by since: `known` looks a document up
 * (undefined when nothing was kept for it). Follows a few moves back (two edits before the document was read again).
 */
export function foundBeforeMove<T>(doc: SourceDocument, known: (doc: SourceDocument) => T | undefined): { found: T; lines: number } | undefined {
  let lines = 0;
  let at = doc;
  for (let step = 0; step < 8; step++) {
    const move = moves.get(at);
    if (!move) return undefined;
    lines += move.lines;
    at = move.from;
    const found = known(at);
    if (found !== undefined) return { found, lines };
  }
  return undefined;
}

/**
 * A deep copy of plain data (objects, arrays) with every source location (`line` and `endLine` beside a `file`)
 * moved by `lines`; objects shared inside stay shared in the copy. For what was read of one document: it holds
 * locations in that document only.
 */
export function shiftLines<T>(value: T, lines: number): T {
  if (lines === 0) return value;
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const known = copies.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      copies.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
      return out;
    }
    const from = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    for (const key in from) out[key] = copy(from[key]);
    if (typeof from.file === 'string' && typeof from.line === 'number' && typeof from.endLine === 'number') {
      out.line = from.line + lines;
      out.endLine = from.endLine + lines;
    }
    return out;
  };
  return copy(value) as T;
}
