import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import { ChunkLines, splitDocuments } from './chunks';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic, Severity, SourceLocation, SourceRange } from '../diagnostics';
import { formatPath, type NodePath } from './path';

/** One file as the user gave it: a path on disk or a tab name in the app. */
export interface SourceFile {
  name: string;
  text: string;
}

/** One YAML document of a file, parsed, with the means to turn a path into a source range. */
export interface SourceDocument {
  file: string;
  /** 0-based position of the document in its file. */
  index: number;
  doc: Document.Parsed;
  lines: ChunkLines;
  /** Plain JS value of the document, or undefined when the document has syntax errors. */
  value: unknown;
  /** True when the document could not be parsed cleanly; its content takes no part in resolution. */
  broken: boolean;
}

export interface ParsedSources {
  documents: SourceDocument[];
  diagnostics: Diagnostic[];
}

/** A chunk's parse, reusable wherever the same text appears again (nothing in it depends on the file). */
interface ParsedChunk {
  docs: { doc: Document.Parsed; value: unknown }[];
  counter: LineCounter;
}

/**
 * Parses of earlier runs by chunk text. The app's worker keeps one across keystrokes, so an edit re-parses only
 * the document it touches; each run keeps just the chunks it used.
 */
export type ParseCache = Map<string, ParsedChunk>;

export function createParseCache(): ParseCache {
  return new Map();
}

/** Parses every document of every file. Syntax errors become diagnostics; the other documents stay usable. */
export function parseSources(files: readonly SourceFile[], cache?: ParseCache): ParsedSources {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const used: ParseCache = new Map();
  for (const file of files) {
    let index = 0;
    for (const chunk of splitDocuments(file.text)) {
      const parsed = used.get(chunk.text) ?? cache?.get(chunk.text) ?? parseChunk(chunk.text);
      used.set(chunk.text, parsed);
      const lines = new ChunkLines(parsed.counter, chunk.lineOffset);
      for (const { doc, value } of parsed.docs) {
        const sd: SourceDocument = { file: file.name, index: index++, doc, lines, value, broken: doc.errors.length > 0 };
        for (const error of doc.errors) diagnostics.push(problemAt(sd, error.pos, 'error', 'YAML_SYNTAX', error.message));
        for (const warning of doc.warnings) diagnostics.push(problemAt(sd, warning.pos, 'warning', 'YAML_WARNING', warning.message));
        if (!sd.broken && (value === null || value === undefined)) continue; // empty, e.g. after a trailing `---`
        documents.push(sd);
      }
    }
  }
  if (cache) {
    cache.clear();
    for (const [text, parsed] of used) cache.set(text, parsed);
  }
  return { documents, diagnostics };
}

function parseChunk(text: string): ParsedChunk {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (!Array.isArray(docs)) return { docs: [], counter }; // only comments or blank lines
  return { docs: docs.map((doc) => ({ doc, value: doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 1000 }) })), counter };
}

function firstLineOfMessage(message: string): string {
  return message.split('\n')[0] ?? message;
}

function problemAt(sd: SourceDocument, pos: [number, number], severity: Severity, code: string, message: string): Diagnostic {
  return { ...offsetsToRange(sd.lines, pos[0], pos[1]), file: sd.file, path: '', severity, code, message: firstLineOfMessage(message) };
}

function offsetsToRange(lines: ChunkLines, start: number, end: number): SourceRange {
  const from = lines.pos(start);
  const to = lines.pos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/**
 * The source range of the node at `path`. A scalar gives its own span; a collection gives its first line
 * (its key when it is a map value), so a marker points at one line. When the path does not exist (a missing
 * field), the range is the key of the deepest part that does exist.
 */
export function rangeAt(sd: SourceDocument, path: NodePath, part: 'node' | 'key' = 'node'): SourceRange {
  let node: unknown = sd.doc.contents;
  let keyNode: YamlNode | null = null;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (!next) return keyNode ? nodeRange(sd, keyNode) : documentStart(sd);
    node = next.value;
    keyNode = next.key ?? (isNode(next.value) ? next.value : keyNode);
  }
  if (part === 'key' && keyNode && keyNode !== node) return nodeRange(sd, keyNode);
  if (isScalar(node) && node.range) return nodeRange(sd, node);
  if (keyNode && keyNode !== node) return nodeRange(sd, keyNode);
  if (isNode(node) && node.range) return firstLine(sd, node.range[0]);
  return documentStart(sd);
}

/** The location (file, range, formatted path) of the node at `path`. */
export function locate(sd: SourceDocument, path: NodePath, part: 'node' | 'key' = 'node'): SourceLocation {
  return { file: sd.file, path: formatPath(path), ...rangeAt(sd, path, part) };
}

/** The range covering a whole node, all its lines: what the editor selects when a user clicks a graph element. */
export function spanAt(sd: SourceDocument, path: NodePath): SourceLocation {
  let node: unknown = sd.doc.contents;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (!next) return locate(sd, path);
    node = next.value;
  }
  if (!isNode(node) || !node.range) return locate(sd, path);
  const [start, valueEnd] = node.range;
  // A block collection's range runs to the start of the next line; trim trailing line breaks.
  let end = valueEnd;
  while (end > start && sd.lines.endsLine(end - 1)) end -= 1;
  return { file: sd.file, path: formatPath(path), ...offsetsToRange(sd.lines, start, end) };
}

function isNode(value: unknown): value is YamlNode {
  return isScalar(value) || isMap(value) || isSeq(value);
}

function childOf(node: unknown, segment: string | number): { key: YamlNode | null; value: unknown } | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (key === segment || (typeof segment === 'number' && key === String(segment))) {
        return { key: isNode(pair.key) ? pair.key : null, value: pair.value };
      }
    }
    return null;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? null : { key: null, value: item };
  }
  return null;
}

function nodeRange(sd: SourceDocument, node: YamlNode): SourceRange {
  if (!node.range) return documentStart(sd);
  return offsetsToRange(sd.lines, node.range[0], node.range[1]);
}

function firstLine(sd: SourceDocument, start: number): SourceRange {
  const end = sd.lines.lineEnd(start) ?? start + 1;
  return offsetsToRange(sd.lines, start, Math.max(start + 1, end));
}

function documentStart(sd: SourceDocument): SourceRange {
  const start = sd.doc.contents?.range?.[0] ?? sd.doc.range[0];
  return firstLine(sd, start);
}
