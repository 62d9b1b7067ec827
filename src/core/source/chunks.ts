import type { LineCounter } from 'yaml';
import type { TextSplice } from './pieceText';

/** One document's text and where it starts in its file, so each document is parsed (and cached) on its own. */
export interface Chunk {
  text: string;
  /** Lines of the file before the chunk. */
  lineOffset: number;
  /** Offset of the chunk in its file. */
  start: number;
}

const DOCUMENT_START = /^---(?=[ \t\r]|$)/;

/**
 * Cuts a YAML stream before every `---` document marker at the start of a line. YAML forbids such a line inside
 * any document content, so the cut never splits a node. A stream with directives (`%YAML`) stays whole: a
 * directive belongs to the document after it.
 */
export function splitDocuments(text: string): Chunk[] {
  if (/^%/m.test(text)) return [{ text, lineOffset: 0, start: 0 }];
  const chunks: Chunk[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  for (let pos = 0; pos < text.length; line++) {
    const eol = text.indexOf('\n', pos);
    const end = eol < 0 ? text.length : eol;
    if (pos > start && text.startsWith('---', pos) && DOCUMENT_START.test(text.slice(pos, end))) {
      chunks.push({ text: text.slice(start, pos), lineOffset: startLine, start });
      start = pos;
      startLine = line;
    }
    pos = end + 1;
  }
  chunks.push({ text: text.slice(start), lineOffset: startLine, start });
  return chunks;
}

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Index of the first chunk that ends at or after `offset` (chunks are in file order). */
function firstEndingFrom(chunks: readonly Chunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    const chunk = chunks[mid] as Chunk;
    if (chunk.start + chunk.text.length >= offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The chunks of a file after a splice, from its chunks before it, without reading the rest of the file: the chunks
 * the splice touches and one on each side are cut again (a splice can make or unmake a `---` line at either end);
 * those after them move. Gives what `splitDocuments` of the new text gives, or null when only that can tell (a
 * directive line appears).
 */
export function respliceChunks(chunks: readonly Chunk[], splice: TextSplice): Chunk[] | null {
  return respliceRegion(chunks, splice)?.chunks ?? null;
}

/** What `respliceChunks` did: the chunks from `first` on, `removed` of the old ones, became `added` new ones. */
export interface Resplice {
  chunks: Chunk[];
  first: number;
  removed: number;
  added: number;
  /** Lines the splice added (negative: removed); the chunks after the region moved by as many. */
  lineShift: number;
}

/** `respliceChunks`, telling which chunks it cut again. */
export function respliceRegion(chunks: readonly Chunk[], splice: TextSplice): Resplice | null {
  if (chunks.length === 0) return null;
  const spliceEnd = splice.start + splice.deleteCount;
  const first = Math.max(0, firstEndingFrom(chunks, splice.start) - 1);
  let last = firstEndingFrom(chunks, spliceEnd);
  last = Math.min(chunks.length - 1, last + 1);
  const regionChunks = chunks.slice(first, last + 1);
  const regionStart = (regionChunks[0] as Chunk).start;
  const old = regionChunks.map((c) => c.text).join('');
  const local = splice.start - regionStart;
  if (local < 0 || local + splice.deleteCount > old.length) return null;
  const text = old.slice(0, local) + splice.insert + old.slice(local + splice.deleteCount);
  if (chunks.length > 1 && /^%/m.test(text)) return null;
  const firstLine = (regionChunks[0] as Chunk).lineOffset;
  const fresh = splitDocuments(text)
    .map((c) => ({ text: c.text, start: c.start + regionStart, lineOffset: c.lineOffset + firstLine }))
    .filter((c) => c.text.length > 0 || chunks.length === regionChunks.length);
  const shift = splice.insert.length - splice.deleteCount;
  const lineShift = newlines(text) - newlines(old);
  const after = chunks.slice(last + 1).map((c) => (shift === 0 && lineShift === 0 ? c : { text: c.text, start: c.start + shift, lineOffset: c.lineOffset + lineShift }));
  return { chunks: [...chunks.slice(0, first), ...fresh, ...after], first, removed: regionChunks.length, added: fresh.length, lineShift };
}

/** Line and column (1-based, in the whole file) of offsets inside one chunk. */
export class ChunkLines {
  constructor(
    private readonly counter: LineCounter,
    private readonly lineOffset: number,
  ) {}

  pos(offset: number): { line: number; col: number } {
    const p = this.counter.linePos(offset);
    return { line: p.line + this.lineOffset, col: p.col };
  }

  /** True when `offset` is the last character of a line (the next one starts a line). */
  endsLine(offset: number): boolean {
    return this.counter.linePos(offset + 1).col === 1;
  }

  /** Offset just past the last character of the line holding `offset` (before its line break). */
  lineEnd(offset: number): number | undefined {
    const next = this.counter.lineStarts[this.counter.linePos(offset).line];
    return next === undefined ? undefined : next - 1;
  }
}
