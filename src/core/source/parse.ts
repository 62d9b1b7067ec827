import { constructFromEvents, CORE_SCHEMA, mergeTag, parseEvents } from 'js-yaml';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics';
import { ChunkLines, splitDocuments } from './chunks';
import { offsetsToRange, type ParsedSources, type SourceDocument, type SourceFile } from './document';
import { positionsFromEvents, positionsFromYaml, type PositionNode } from './positions';
import { explainSyntaxError } from './syntaxMessages';

/** YAML 1.2's core schema plus merge keys (`<<: *base`), which kubectl accepts too. */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** A chunk's parse, reusable wherever the same text appears again (nothing in it depends on the file). */
interface ParsedChunk {
  docs: { root: PositionNode | null; value: unknown; problems: { severity: Severity; code: string; pos: [number, number]; message: string }[] }[];
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
      for (const { root, value, problems } of parsed.docs) {
        const broken = problems.some((p) => p.severity === 'error');
        const sd: SourceDocument = { file: file.name, index: index++, root, lines, value, broken };
        for (const p of problems) {
          diagnostics.push({ ...offsetsToRange(lines, p.pos[0], p.pos[1]), file: file.name, path: '', severity: p.severity, code: p.code, message: p.message });
        }
        if (!broken && (value === null || value === undefined)) continue; // empty, e.g. after a trailing `---`
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
