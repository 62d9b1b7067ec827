/** TSB diagnostics: a finding placed in its document, with quick fixes whose paths reach into `kind: List` items. */
import type { Diagnostic, Severity } from '../../diagnostics';
import type { DocumentChange, Fix } from '../../edit/change';
import { documentPath, type SourceDocument } from '../../source/document';
import type { NodePath } from '../../source/path';
import { toDiagnostic } from '../finding';

/** A fix before it is placed: its changes' paths are the resource's own (`spec.subsets`). */
export interface FixSketch {
  title: string;
  changes: DocumentChange[];
}

export function tsbDiagnostic(source: SourceDocument, severity: Severity, code: string, path: NodePath, message: string, fixes: FixSketch[] = []): Diagnostic {
  return placeFixes(source, toDiagnostic(source, { severity, code, path, message }), fixes);
}


function placeFixes(source: SourceDocument, diagnostic: Diagnostic, fixes: FixSketch[]): Diagnostic {
  if (fixes.length === 0) return diagnostic;
  const placed: Fix[] = fixes.map((fix) => ({
    file: source.file,
    documentIndex: source.index,
    title: fix.title,
    changes: fix.changes.map((change) => ({ ...change, path: documentPath(source, change.path) })),
  }));
  return { ...diagnostic, fixes: placed };
}
