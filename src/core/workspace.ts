/**
 * What the workspace UI asks of an analysis: which policies it left out because they have errors (for the empty
 * graph to name them). The tab name of a pasted text is in fileName.ts, which the page runs itself.
 */
import type { Diagnostic } from './diagnostics';
import { readResourceHeader } from './model/resource';
import { spanAt, type SourceFile } from './source/document';
import { parseSources, type ParseCache } from './source/parse';

/** A resource left out of the routes because of its errors. */
export interface DroppedResource {
  kind: string;
  name: string;
  file: string;
  line: number;
  /** The first error about it (a resource may have several). */
  reason: Diagnostic;
  errors: number;
}

export interface DroppedSummary {
  dropped: DroppedResource[];
  /** Documents that do not parse at all (each YAML_SYNTAX error counts). */
  syntaxErrors: number;
}

/** The resources that carry errors (and so take no part in the routes), and the syntax errors. */
export function droppedResources(files: readonly SourceFile[], diagnostics: readonly Diagnostic[], cache?: ParseCache): DroppedSummary {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const syntaxErrors = errors.filter((d) => d.code === 'YAML_SYNTAX').length;
  const semantic = errors.filter((d) => d.code !== 'YAML_SYNTAX');
  if (semantic.length === 0) return { dropped: [], syntaxErrors };
  const dropped: DroppedResource[] = [];
  for (const document of parseSources(files, cache).documents) {
    if (document.broken) continue;
    const span = spanAt(document, []);
    const inside = semantic.filter((d) => d.file === document.file && d.line >= span.line && d.line <= span.endLine);
    const first = inside[0];
    if (!first) continue;
    const header = readResourceHeader(document);
    dropped.push({ kind: header?.kind ?? 'document', name: header?.name ?? '', file: document.file, line: span.line, reason: first, errors: inside.length });
  }
  return { dropped, syntaxErrors };
}
