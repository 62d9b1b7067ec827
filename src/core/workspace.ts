/**
 * What the workspace UI asks of the documents themselves: a tab name that says what a pasted text holds, and which
 * policies an analysis left out because they have errors (for the empty graph to name them).
 */
import type { Diagnostic } from './diagnostics';
import { readResourceHeader } from './model/resource';
import { spanAt, type SourceFile } from './source/document';
import { parseSources, type ParseCache } from './source/parse';

/** `meshtcproute-tcp-route-1.yaml` for one resource, `...-and-2-more.yaml` for several; null when nothing names it. */
export function suggestFileName(text: string): string | null {
  const { documents } = parseSources([{ name: 'pasted', text }]);
  const headers = documents.flatMap((d) => {
    const h = d.broken ? null : readResourceHeader(d);
    return h ? [h] : [];
  });
  const first = headers[0];
  if (!first) return null;
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const base = [slug(first.kind), slug(first.name)].filter(Boolean).join('-') || 'resource';
  const more = headers.length > 1 ? `-and-${headers.length - 1}-more` : '';
  return `${base}${more}.yaml`;
}

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
