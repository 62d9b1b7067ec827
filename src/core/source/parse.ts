import { constructFromEvents, CORE_SCHEMA, mergeTag, parseEvents } from 'js-yaml';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics';
import { ChunkLines, respliceChunks, splitDocuments, type Chunk } from './chunks';
import type { TextSplice } from './pieceText';
import { offsetsToRange, type ParsedSources, type SourceDocument, type SourceFile } from './document';
import { positionsFromEvents, positionsFromYaml, type PositionNode } from './positions';
import { explainSyntaxError } from './syntaxMessages';

/** YAML 1.2's core schema plus merge keys (`<<: *base`), which kubectl accepts too. */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** A chunk's parse, reusable wherever the same text appears again (nothing in it depends on the file). */
interface ParsedChunk {
  docs: { root: PositionNode | null; value: unknown; problems: { severity: Severity; code: string; pos: [number, number]; message: string }[] }[];
  counter: LineCounter;
  /**
   * The documents last made of this chunk and where they were: when the chunk is met again at the same place, the
   * same objects are handed out, so that what is computed from a document (its validation) can be kept too.
   */
  placed?: Placement;
}

/** A chunk's documents where it was last met, with their syntax diagnostics and those that are not empty. */
interface Placement {
  file: string;
  lineOffset: number;
  firstIndex: number;
  documents: SourceDocument[];
  shown: SourceDocument[];
  diagnostics: Diagnostic[];
}

function placeChunk(parsed: ParsedChunk, file: string, lineOffset: number, firstIndex: number): Placement {
  const lines = new ChunkLines(parsed.counter, lineOffset);
  const placement: Placement = { file, lineOffset, firstIndex, documents: [], shown: [], diagnostics: [] };
  parsed.docs.forEach(({ root, value, problems }, i) => {
    const broken = problems.some((p) => p.severity === 'error');
    const sd: SourceDocument = { file, index: firstIndex + i, root, lines, value, broken };
    placement.documents.push(sd);
    for (const p of problems) {
      placement.diagnostics.push({ ...offsetsToRange(lines, p.pos[0], p.pos[1]), file, path: '', severity: p.severity, code: p.code, message: p.message });
    }
    if (broken || (value !== null && value !== undefined)) placement.shown.push(sd); // not empty, e.g. after a trailing `---`
  });
  return placement;
}

/**
 * Parses of earlier runs: whole files by name (an edit leaves the other files as they were), and chunks by
 * text. The app's worker keeps one across keystrokes, so an edit re-parses only the document it touches; each
 * run keeps just what it used.
 */
export interface ParseCache {
  chunks: Map<string, ParsedChunk>;
  files: Map<string, CachedFile>;
  /** Splices the caller knows turned a file's cached text into its next one (see `noteEdit`). */
  edits: Map<string, KnownEdit>;
}

interface CachedFile extends ParsedSources {
  text: string;
  chunks: Chunk[];
}

interface KnownEdit {
  before: string;
  after: string;
  splice: TextSplice;
}

export function createParseCache(): ParseCache {
  return { chunks: new Map(), files: new Map(), edits: new Map() };
}

/**
 * Tells the cache that `after` is `before` with `splice` made: the next parse of the file then cuts only the
 * documents around the splice again, without reading the rest of its text (finding the `---` lines of 100,000
 * lines, and copying them out of a text made by splices, took 10 to 20 ms per keystroke).
 */
export function noteEdit(cache: ParseCache, file: string, before: string, after: string, splice: TextSplice): void {
  cache.edits.set(file, { before, after, splice });
}

/** Lines of a file as last parsed with this cache (undefined for a file it has not parsed). */
export function parsedLineCount(cache: ParseCache, file: string): number | undefined {
  const last = cache.files.get(file)?.chunks.at(-1);
  if (!last) return undefined;
  let n = last.lineOffset + 1;
  for (let i = last.text.indexOf('\n'); i >= 0; i = last.text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The file's chunks: from its cached ones and a known splice when there is one, else cut afresh. */
function chunksOf(file: SourceFile, known: CachedFile | undefined, edit: KnownEdit | undefined): Chunk[] {
  if (known && edit && edit.after === file.text && edit.before === known.text) {
    const chunks = respliceChunks(known.chunks, edit.splice);
    if (chunks) return chunks;
  }
  return splitDocuments(file.text);
}

/** Parses every document of every file. Syntax errors become diagnostics; the other documents stay usable. */
export function parseSources(files: readonly SourceFile[], cache?: ParseCache): ParsedSources {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const used = new Map<string, ParsedChunk>();
  const usedFiles: ParseCache['files'] = new Map();
  const reused = new Set<string>();
  for (const file of files) {
    const known = cache?.files.get(file.name);
    if (known && known.text === file.text && !usedFiles.has(file.name)) {
      usedFiles.set(file.name, known);
      reused.add(file.name);
      for (const sd of known.documents) documents.push(sd);
      for (const d of known.diagnostics) diagnostics.push(d);
      continue;
    }
    const firstDocument = documents.length;
    const firstDiagnostic = diagnostics.length;
    let index = 0;
    const chunks = chunksOf(file, known, cache?.edits.get(file.name));
    for (const chunk of chunks) {
      const parsed = used.get(chunk.text) ?? cache?.chunks.get(chunk.text) ?? parseChunk(chunk.text);
      used.set(chunk.text, parsed);
      let placed = parsed.placed;
      if (!placed || placed.file !== file.name || placed.lineOffset !== chunk.lineOffset || placed.firstIndex !== index) {
        placed = parsed.placed = placeChunk(parsed, file.name, chunk.lineOffset, index);
      }
      for (const d of placed.diagnostics) diagnostics.push(d);
      for (const sd of placed.shown) documents.push(sd);
      index += placed.documents.length;
    }
    if (cache) usedFiles.set(file.name, { text: file.text, chunks, documents: documents.slice(firstDocument), diagnostics: diagnostics.slice(firstDiagnostic) });
  }
  if (cache) {
    // Chunks of files reused whole are kept too: the next edit of such a file re-parses only its changed chunk.
    for (const [text, parsed] of cache.chunks) {
      const file = parsed.placed?.file;
      if (file !== undefined && reused.has(file) && !used.has(text)) used.set(text, parsed);
    }
    cache.chunks = used;
    cache.files = usedFiles;
    cache.edits.clear();
  }
  return { documents, diagnostics };
}

/**
 * js-yaml's event parser first (several times faster than `yaml` on large meshes, and its events carry source
 * offsets); a chunk it refuses goes through `yaml`, whose errors have codes and exact positions.
 */
function parseChunk(text: string): ParsedChunk {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  try {
    const events = parseEvents(text, {});
    const values = constructFromEvents(events, { source: text, schema: SCHEMA });
    const roots = positionsFromEvents(events, text);
    return { docs: values.map((value, i) => ({ root: roots[i] ?? null, value, problems: [] })), counter };
  } catch {
    try {
      return parseChunkWithYaml(text, counter);
    } catch (error) {
      // `yaml` throws on a few inputs rather than reporting them (a merge key on an unknown alias): still an answer.
      const message = error instanceof Error ? error.message : String(error);
      return { docs: [{ root: null, value: undefined, problems: [{ severity: 'error', code: 'YAML_SYNTAX', pos: [0, 1], message: explainSyntaxError(undefined, firstLine(message)) }] }], counter };
    }
  }
}

function parseChunkWithYaml(text: string, counter: LineCounter): ParsedChunk {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, merge: true });
  if (!Array.isArray(docs)) return { docs: [], counter }; // only comments or blank lines
  return {
    counter,
    docs: docs.map((doc) => ({
      root: positionsFromYaml(doc),
      value: doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 1000 }),
      problems: [
        ...doc.errors.map((e) => ({ severity: 'error' as const, code: 'YAML_SYNTAX', pos: e.pos, message: explainSyntaxError(e.code, firstLine(e.message)) })),
        ...doc.warnings.map((w) => ({ severity: 'warning' as const, code: 'YAML_WARNING', pos: w.pos, message: firstLine(w.message) })),
      ],
    })),
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
