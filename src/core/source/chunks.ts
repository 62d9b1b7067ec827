import type { LineCounter } from 'yaml';

/** One document's text and where it starts in its file, so each document is parsed (and cached) on its own. */
export interface Chunk {
  text: string;
  /** Lines of the file before the chunk. */
  lineOffset: number;
}

const DOCUMENT_START = /^---(?=[ \t\r]|$)/;

/**
 * Cuts a YAML stream before every `---` document marker at the start of a line. YAML forbids such a line inside
 * any document content, so the cut never splits a node. A stream with directives (`%YAML`) stays whole: a
 * directive belongs to the document after it.
 */
export function splitDocuments(text: string): Chunk[] {
  if (/^%/m.test(text)) return [{ text, lineOffset: 0 }];
  const chunks: Chunk[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  for (let pos = 0; pos < text.length; line++) {
    const eol = text.indexOf('\n', pos);
    const end = eol < 0 ? text.length : eol;
    if (pos > start && text.startsWith('---', pos) && DOCUMENT_START.test(text.slice(pos, end))) {
      chunks.push({ text: text.slice(start, pos), lineOffset: startLine });
      start = pos;
      startLine = line;
    }
    pos = end + 1;
  }
  chunks.push({ text: text.slice(start), lineOffset: startLine });
  return chunks;
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
