/**
 * Applies typed changes to one YAML document of a file through the `yaml` Document API (setIn/deleteIn), so the
 * comments, key order, quoting and unknown fields of the document survive. Only the edited document is
 * re-serialised: the rest of the file stays byte for byte as it was.
 */
import { isMap, isNode, isScalar, isSeq, parseAllDocuments, type Document, type ToStringOptions } from 'yaml';
import { splitDocuments } from '../source/chunks';
import type { DocumentChange, YamlPath } from './change';

export type ApplyResult = { text: string } | { error: string };

/** Where a document lives in its file: the chunk holding it and its position among that chunk's documents. */
interface DocumentSlot {
  chunkStart: number;
  chunkText: string;
  docs: Document.Parsed[];
  doc: Document.Parsed;
}

/**
 * How many documents each chunk holds (and where each ends), by chunk text: the form finds the document under the
 * cursor on every keystroke, and only the chunk that changed is parsed again. Small: counts and offsets only.
 */
interface ChunkInfo {
  ends: number[];
}
const chunkInfos = new Map<string, ChunkInfo>();
const CHUNK_INFO_LIMIT = 50_000;

function parseChunkDocs(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text);
  return Array.isArray(parsed) ? parsed : [];
}

function chunkInfo(text: string): ChunkInfo {
  let info = chunkInfos.get(text);
  if (!info) {
    if (chunkInfos.size >= CHUNK_INFO_LIMIT) chunkInfos.clear();
    info = { ends: parseChunkDocs(text).map((d) => d.range[2]) };
    chunkInfos.set(text, info);
  }
  return info;
}

/**
 * Numbers documents as the analysis does (src/core/source/parse.ts): each `---` chunk parsed on its own, every
 * document of it counted, empty ones included. The chunk holding the document is parsed afresh (it may be changed).
 */
export function findDocument(text: string, documentIndex: number): DocumentSlot | null {
  let index = 0;
  let offset = 0;
  for (const chunk of splitDocuments(text)) {
    const count = chunkInfo(chunk.text).ends.length;
    if (documentIndex < index + count) {
      const docs = parseChunkDocs(chunk.text);
      const doc = docs[documentIndex - index];
      return doc ? { chunkStart: offset, chunkText: chunk.text, docs, doc } : null;
    }
    index += count;
    offset += chunk.text.length;
  }
  return null;
}

/** `to:` followed (after any comment lines) by `- item` at the key's own indentation: the document does not indent its sequences. */
function stringifyOptions(chunkText: string): ToStringOptions {
  const unindented = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n(?:[ \t]*#[^\n]*\r?\n)*\1- /m.test(chunkText);
  return { indentSeq: !unindented, lineWidth: 0 };
}

export function applyChanges(text: string, documentIndex: number, changes: readonly DocumentChange[]): ApplyResult {
  const slot = findDocument(text, documentIndex);
  if (!slot) return { error: `there is no document ${documentIndex + 1} in this file` };
  const { doc, docs, chunkStart, chunkText } = slot;
  if (doc.errors.length > 0) return { error: 'this document has YAML syntax errors: fix them first' };
  for (const change of changes) {
    const failed = applyOne(doc, change);
    if (failed) return { error: failed };
  }
  const options = stringifyOptions(chunkText);
  let edited = docs.map((d) => d.toString(options)).join('');
  // Keep the chunk's own ending (no final newline, or blank lines before the next `---`).
  const trailing = /\s*$/.exec(chunkText)?.[0] ?? '';
  edited = edited.replace(/\s*$/, '') + trailing;
  return { text: text.slice(0, chunkStart) + edited + text.slice(chunkStart + chunkText.length) };
}

function describe(path: YamlPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') || '(document)';
}

/** Applies one change in place; returns why it could not be, or null. */
function applyOne(doc: Document.Parsed, change: DocumentChange): string | null {
  try {
    switch (change.op) {
      case 'set': {
        const value = isPlainScalar(change.value) ? change.value : doc.createNode(change.value);
        if (change.path.length === 0) (doc as Document).contents = doc.createNode(change.value);
        else doc.setIn(change.path, value);
        return null;
      }
      case 'delete':
        if (!doc.hasIn(change.path)) return `${describe(change.path)} does not exist`;
        doc.deleteIn(change.path);
        return null;
      case 'insert': {
        const seq = doc.getIn(change.path, true);
        if (seq === undefined || (isScalar(seq) && seq.value === null)) {
          doc.setIn(change.path, doc.createNode([change.value]));
          return null;
        }
        if (!isSeq(seq)) return `${describe(change.path)} is not a list`;
        if (change.index < 0 || change.index > seq.items.length) return `position ${change.index} is outside ${describe(change.path)}`;
        seq.items.splice(change.index, 0, doc.createNode(change.value));
        return null;
      }
      case 'move': {
        const seq = doc.getIn(change.path, true);
        if (!isSeq(seq)) return `${describe(change.path)} is not a list`;
        const { from, to } = change;
        if (from < 0 || from >= seq.items.length || to < 0 || to >= seq.items.length) return `position outside ${describe(change.path)}`;
        // A comment above the first item is the list's own in `yaml`: it belongs to that item and moves with it.
        const first = seq.items[0];
        if (seq.commentBefore && !seq.flow && isNode(first)) {
          first.commentBefore = first.commentBefore ? `${seq.commentBefore}\n${first.commentBefore}` : seq.commentBefore;
          seq.commentBefore = null;
        }
        const [item] = seq.items.splice(from, 1);
        seq.items.splice(to, 0, item);
        return null;
      }
      case 'rename':
        return renameKey(doc, change.path, change.to);
    }
  } catch (error) {
    // yaml throws when a path runs through a scalar (`spec.to` is a string): an answer, not a crash.
    return `${describe(change.path)} cannot be changed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The key at `path` gets the name `to`, in place: the pair keeps its value, its position and its comments. */
function renameKey(doc: Document.Parsed, path: YamlPath, to: string): string | null {
  const key = path[path.length - 1];
  const map = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (typeof key !== 'string' || !isMap(map)) return `${describe(path)} is not a field of a map`;
  if (to === '') return 'a field needs a name';
  const keyOf = (k: unknown) => (isScalar(k) ? k.value : k);
  const pair = map.items.find((p) => keyOf(p.key) === key);
  if (!pair) return `${describe(path)} does not exist`;
  if (to === key) return null;
  if (map.items.some((p) => keyOf(p.key) === to)) return `${describe([...path.slice(0, -1), to])} already exists`;
  if (isScalar(pair.key)) pair.key.value = to;
  else pair.key = doc.createNode(to);
  return null;
}

function isPlainScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The plain value of a document (undefined when missing or broken): what the form shows. */
export function readDocument(text: string, documentIndex: number): unknown {
  const slot = findDocument(text, documentIndex);
  if (!slot || slot.doc.errors.length > 0) return undefined;
  try {
    return slot.doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
}

/** The 0-based index of the document holding 1-based `line` of the file, or null on a document separator. */
export function documentIndexAtLine(text: string, line: number): number | null {
  let index = 0;
  for (const chunk of splitDocuments(text)) {
    const { ends } = chunkInfo(chunk.text);
    const chunkLines = chunk.text.split('\n').length - (chunk.text.endsWith('\n') ? 1 : 0);
    if (line > chunk.lineOffset && line <= chunk.lineOffset + chunkLines) {
      if (ends.length <= 1) return ends.length === 1 ? index : null;
      // Several documents in one chunk (a stream with directives): by their offsets.
      const offset = lineOffsetIn(chunk.text, line - chunk.lineOffset);
      const found = ends.findIndex((end) => end >= offset);
      return index + (found < 0 ? ends.length - 1 : found);
    }
    index += ends.length;
  }
  // Past the last line (the empty line after a final line break): the last document.
  return index > 0 && line > 0 ? index - 1 : null;
}

function lineOffsetIn(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}
