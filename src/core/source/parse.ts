import { constructFromEvents, CORE_SCHEMA, mergeTag, parseEvents } from 'js-yaml';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics';
import { ChunkLines, splitDocuments } from './chunks';
import { offsetsToRange, type ParsedSources, type SourceDocument, type SourceFile } from './document';
import { positionsFromEvents, positionsFromYaml, type PositionNode } from './positions';

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
  placed?: { file: string; lineOffset: number; firstIndex: number; documents: SourceDocument[] };
}

/**
 * Parses of earlier runs: whole files by name (an edit leaves the other files as they were), and chunks by
 * text. The app's worker keeps one across keystrokes, so an edit re-parses only the document it touches; each
 * run keeps just what it used.
 */
export interface ParseCache {
  chunks: Map<string, ParsedChunk>;
  files: Map<string, { text: string } & ParsedSources>;
}

export function createParseCache(): ParseCache {
  return { chunks: new Map(), files: new Map() };
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
    for (const chunk of splitDocuments(file.text)) {
      const parsed = used.get(chunk.text) ?? cache?.chunks.get(chunk.text) ?? parseChunk(chunk.text);
      used.set(chunk.text, parsed);
      const placed = parsed.placed;
      const samePlace = placed && placed.file === file.name && placed.lineOffset === chunk.lineOffset && placed.firstIndex === index;
      const lines = samePlace ? (placed.documents[0]?.lines ?? new ChunkLines(parsed.counter, chunk.lineOffset)) : new ChunkLines(parsed.counter, chunk.lineOffset);
      const made: SourceDocument[] = [];
      parsed.placed = { file: file.name, lineOffset: chunk.lineOffset, firstIndex: index, documents: made };
      for (const [i, { root, value, problems }] of parsed.docs.entries()) {
        const broken = problems.some((p) => p.severity === 'error');
        const sd: SourceDocument = (samePlace && placed.documents[i]) || { file: file.name, index, root, lines, value, broken };
        made.push(sd);
        index++;
        for (const p of problems) {
          diagnostics.push({ ...offsetsToRange(lines, p.pos[0], p.pos[1]), file: file.name, path: '', severity: p.severity, code: p.code, message: p.message });
        }
        if (!broken && (value === null || value === undefined)) continue; // empty, e.g. after a trailing `---`
        documents.push(sd);
      }
    }
    if (cache) usedFiles.set(file.name, { text: file.text, documents: documents.slice(firstDocument), diagnostics: diagnostics.slice(firstDiagnostic) });
  }
  if (cache) {
    // Chunks of files reused whole are kept too: the next edit of such a file re-parses only its changed chunk.
    for (const [text, parsed] of cache.chunks) {
      const file = parsed.placed?.file;
      if (file !== undefined && reused.has(file) && !used.has(text)) used.set(text, parsed);
    }
    cache.chunks = used;
    cache.files = usedFiles;
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
      return { docs: [{ root: null, value: undefined, problems: [{ severity: 'error', code: 'YAML_SYNTAX', pos: [0, 1], message: firstLine(message) }] }], counter };
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
        ...doc.errors.map((e) => ({ severity: 'error' as const, code: 'YAML_SYNTAX', pos: e.pos, message: firstLine(e.message) })),
        ...doc.warnings.map((w) => ({ severity: 'warning' as const, code: 'YAML_WARNING', pos: w.pos, message: firstLine(w.message) })),
      ],
    })),
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
