import { constructFromEvents, CORE_SCHEMA, mergeTag, parseEvents } from 'js-yaml';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics';
import { ChunkLines, respliceRegion, splitDocuments, type Chunk } from './chunks';
import type { TextSplice } from './pieceText';
import { offsetsToRange, type ParsedSources, type SourceDocument, type SourceFile } from './document';
import { positionsFromEvents, positionsFromYaml, type PositionNode } from './positions';
import { explainSyntaxError } from './syntaxMessages';
import { noteMove } from './moves';

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
  /** Chunks added by edits since the cache last dropped what no file uses (an edit keeps the chunks it replaced). */
  addedSincePrune: number;
}

interface CachedFile extends ParsedSources {
  text: string;
  chunks: Chunk[];
  /** Where each chunk's documents were placed, by chunk. */
  placements: Placement[];
  /** Per chunk, how many shown documents and diagnostics the chunks before it have (one more entry: the totals). */
  shownBefore: Int32Array;
  diagnosticsBefore: Int32Array;
}

interface KnownEdit {
  before: string;
  after: string;
  splice: TextSplice;
}

/** An edit's chunks stay in the cache until this many were added: then what no file uses is dropped. */
const PRUNE_AFTER = 256;

export function createParseCache(): ParseCache {
  return { chunks: new Map(), files: new Map(), edits: new Map(), addedSincePrune: 0 };
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

/** A chunk's parse: from this run, from the cache, or made now. */
function parsedChunk(text: string, used: Map<string, ParsedChunk>, cache: ParseCache | undefined): ParsedChunk {
  return used.get(text) ?? cache?.chunks.get(text) ?? parseChunk(text);
}

/** The chunk's documents placed at this place: those it was last placed with when they are there, else placed anew. */
function placedAt(parsed: ParsedChunk, file: string, lineOffset: number, firstIndex: number): Placement {
  const placed = parsed.placed;
  if (placed && placed.file === file && placed.lineOffset === lineOffset && placed.firstIndex === firstIndex) return placed;
  const next = placeChunk(parsed, file, lineOffset, firstIndex);
  // Only moved (the same documents, lines added or removed above): what was read of them is taken over, shifted.
  if (placed && placed.file === file && placed.firstIndex === firstIndex) {
    next.documents.forEach((sd, i) => {
      const from = placed.documents[i];
      if (from) noteMove(from, sd, lineOffset - placed.lineOffset);
    });
  }
  return (parsed.placed = next);
}

/** A file's parse from its chunks, each parsed or found again. */
function parseFile(name: string, text: string, chunks: Chunk[], used: Map<string, ParsedChunk>, cache: ParseCache | undefined): CachedFile {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const placements: Placement[] = [];
  const shownBefore = new Int32Array(chunks.length + 1);
  const diagnosticsBefore = new Int32Array(chunks.length + 1);
  let index = 0;
  chunks.forEach((chunk, k) => {
    const parsed = parsedChunk(chunk.text, used, cache);
    used.set(chunk.text, parsed);
    const placed = placedAt(parsed, name, chunk.lineOffset, index);
    placements.push(placed);
    for (const d of placed.diagnostics) diagnostics.push(d);
    for (const sd of placed.shown) documents.push(sd);
    index += placed.documents.length;
    shownBefore[k + 1] = documents.length;
    diagnosticsBefore[k + 1] = diagnostics.length;
  });
  return { text, chunks, documents, diagnostics, placements, shownBefore, diagnosticsBefore };
}

/**
 * A file after a known splice that moved no line and left as many documents: only the chunks the splice touched are
 * parsed and placed; every other chunk keeps its place, its documents and its diagnostics, taken over by position
 * without being read (reading each of 4,000 documents' records cost several milliseconds a keystroke). Null when
 * the splice is not of that kind.
 */
function respliceFile(file: SourceFile, known: CachedFile, edit: KnownEdit, cache: ParseCache): CachedFile | null {
  if (edit.after !== file.text || edit.before !== known.text) return null;
  const region = respliceRegion(known.chunks, edit.splice);
  if (!region || region.lineShift !== 0) return null;
  const { chunks, first, removed, added } = region;
  const oldEnd = first + removed;
  const lastOld = known.placements[known.placements.length - 1];
  const indexAt = (k: number) => (k < known.placements.length ? (known.placements[k] as Placement).firstIndex : lastOld ? lastOld.firstIndex + lastOld.documents.length : 0);
  let index = indexAt(first);
  const fresh: Placement[] = [];
  for (let k = first; k < first + added; k++) {
    const chunk = chunks[k] as Chunk;
    let parsed = cache.chunks.get(chunk.text);
    if (!parsed) {
      cache.chunks.set(chunk.text, (parsed = parseChunk(chunk.text)));
      cache.addedSincePrune++;
    }
    const placed = placedAt(parsed, file.name, chunk.lineOffset, index);
    fresh.push(placed);
    index += placed.documents.length;
  }
  if (index !== indexAt(oldEnd)) return null; // documents were made or unmade: those after are numbered anew
  const shown = known.shownBefore;
  const diagnosticsBefore = known.diagnosticsBefore;
  const documents = known.documents.slice(0, shown[first]);
  const diagnostics = known.diagnostics.slice(0, diagnosticsBefore[first]);
  const nextShown = new Int32Array(chunks.length + 1);
  const nextDiagnostics = new Int32Array(chunks.length + 1);
  nextShown.set(shown.subarray(0, first + 1));
  nextDiagnostics.set(diagnosticsBefore.subarray(0, first + 1));
  fresh.forEach((placed, i) => {
    for (const sd of placed.shown) documents.push(sd);
    for (const d of placed.diagnostics) diagnostics.push(d);
    nextShown[first + i + 1] = documents.length;
    nextDiagnostics[first + i + 1] = diagnostics.length;
  });
  const shownShift = documents.length - (shown[oldEnd] as number);
  const diagnosticsShift = diagnostics.length - (diagnosticsBefore[oldEnd] as number);
  for (let k = oldEnd + 1; k < shown.length; k++) {
    nextShown[k + added - removed] = (shown[k] as number) + shownShift;
    nextDiagnostics[k + added - removed] = (diagnosticsBefore[k] as number) + diagnosticsShift;
  }
  append(documents, known.documents, shown[oldEnd] as number);
  append(diagnostics, known.diagnostics, diagnosticsBefore[oldEnd] as number);
  const placements = [...known.placements.slice(0, first), ...fresh, ...known.placements.slice(oldEnd)];
  return { text: file.text, chunks, documents, diagnostics, placements, shownBefore: nextShown, diagnosticsBefore: nextDiagnostics };
}

function append<T>(to: T[], from: readonly T[], start: number): void {
  for (let i = start; i < from.length; i++) to.push(from[i] as T);
}

/** Parses every document of every file. Syntax errors become diagnostics; the other documents stay usable. */
export function parseSources(files: readonly SourceFile[], cache?: ParseCache): ParsedSources {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const used = new Map<string, ParsedChunk>();
  const usedFiles: ParseCache['files'] = new Map();
  /** Files whose chunks this run did not put in `used`: theirs stay in the cache. */
  const kept = new Set<string>();
  for (const file of files) {
    const known = cache?.files.get(file.name);
    const edit = cache?.edits.get(file.name);
    let parsed: CachedFile | null = null;
    if (known && usedFiles.has(file.name)) parsed = null; // the same name twice: parsed afresh
    else if (known && known.text === file.text) parsed = known;
    else if (known && edit && cache) parsed = respliceFile(file, known, edit, cache);
    if (parsed) kept.add(file.name);
    else {
      const chunks = (known && edit && edit.after === file.text && edit.before === known.text ? respliceRegion(known.chunks, edit.splice)?.chunks : null) ?? splitDocuments(file.text);
      parsed = parseFile(file.name, file.text, chunks, used, cache);
    }
    append(documents, parsed.documents, 0);
    append(diagnostics, parsed.diagnostics, 0);
    if (cache) usedFiles.set(file.name, parsed);
  }
  if (cache) {
    const fileGone = [...cache.files.keys()].some((name) => !usedFiles.has(name));
    if (used.size > 0 || fileGone || cache.addedSincePrune > PRUNE_AFTER) {
      // Keep what the files use: chunks of files taken over whole (or by position) are kept too, so the next edit
      // of such a file re-parses only its changed chunk.
      for (const [name, file] of usedFiles) {
        if (!kept.has(name)) continue;
        for (const chunk of file.chunks) {
          const parsed = cache.chunks.get(chunk.text);
          if (parsed && !used.has(chunk.text)) used.set(chunk.text, parsed);
        }
      }
      cache.chunks = used;
      cache.addedSincePrune = 0;
    }
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
