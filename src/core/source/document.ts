import type { Diagnostic, SourceLocation, SourceRange } from '../diagnostics';
import type { ChunkLines } from './chunks';
import { formatPath, type NodePath } from './path';
import type { PositionNode } from './positions';

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
  /** The parsed tree: every node's span. Null for an empty or broken document. */
  root: PositionNode | null;
  lines: ChunkLines;
  /** Plain JS value of the document, or undefined when the document has syntax errors. */
  value: unknown;
  /** True when the document could not be parsed cleanly; its content takes no part in resolution. */
  broken: boolean;
  /**
   * Where this resource sits in its YAML document when it is an item of a `kind: List` (`['items', 3]`): `root`
   * and `value` are the item's, so paths stay relative to the resource; a change to the YAML prefixes them with this.
   */
  itemPath?: NodePath;
}

export interface ParsedSources {
  documents: SourceDocument[];
  diagnostics: Diagnostic[];
}

export function offsetsToRange(lines: ChunkLines, start: number, end: number): SourceRange {
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
  let node = sd.root;
  let keyNode: PositionNode | null = null;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (!next) return keyNode ? nodeRange(sd, keyNode) : documentStart(sd);
    node = next.value;
    keyNode = next.key ?? next.value;
  }
  if (part === 'key' && keyNode && keyNode !== node) return nodeRange(sd, keyNode);
  if (node?.kind === 'scalar') return nodeRange(sd, node);
  if (keyNode && keyNode !== node) return nodeRange(sd, keyNode);
  if (node) return firstLine(sd, node.start);
  return documentStart(sd);
}

/** The location (file, range, formatted path) of the node at `path`. */
export function locate(sd: SourceDocument, path: NodePath, part: 'node' | 'key' = 'node'): SourceLocation {
  return { file: sd.file, path: formatPath(path), ...rangeAt(sd, path, part) };
}

/** The range covering a whole node, all its lines: what the editor selects when a user clicks a graph element. */
export function spanAt(sd: SourceDocument, path: NodePath): SourceLocation {
  let node = sd.root;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (!next) return locate(sd, path);
    node = next.value;
  }
  if (!node) return locate(sd, path);
  // A block collection may end at the start of the next line; trim trailing line breaks.
  let end = node.end;
  while (end > node.start && sd.lines.endsLine(end - 1)) end -= 1;
  return { file: sd.file, path: formatPath(path), ...offsetsToRange(sd.lines, node.start, end) };
}

/** The parsed node at `path`, or null when the path does not exist. */
export function nodeAt(sd: SourceDocument, path: NodePath): PositionNode | null {
  let node = sd.root;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (!next) return null;
    node = next.value;
  }
  return node;
}

/** The path of `path` inside the YAML document (List items prefixed with `items.N`), for typed changes. */
export function documentPath(sd: SourceDocument, path: NodePath): (string | number)[] {
  return [...(sd.itemPath ?? []), ...path];
}

function childOf(node: PositionNode | null, segment: string | number): { key: PositionNode | null; value: PositionNode } | null {
  if (node?.kind === 'map') {
    const wanted = String(segment);
    for (let i = 0; i + 1 < node.items.length; i += 2) {
      const key = node.items[i] as PositionNode;
      if (key.text === wanted) return { key, value: node.items[i + 1] as PositionNode };
    }
    return null;
  }
  if (node?.kind === 'seq' && typeof segment === 'number') {
    const item = node.items[segment];
    return item ? { key: null, value: item } : null;
  }
  return null;
}

function nodeRange(sd: SourceDocument, node: PositionNode): SourceRange {
  return offsetsToRange(sd.lines, node.start, node.end);
}

function firstLine(sd: SourceDocument, start: number): SourceRange {
  const end = sd.lines.lineEnd(start) ?? start + 1;
  return offsetsToRange(sd.lines, start, Math.max(start + 1, end));
}

function documentStart(sd: SourceDocument): SourceRange {
  return firstLine(sd, sd.root?.start ?? 0);
}
