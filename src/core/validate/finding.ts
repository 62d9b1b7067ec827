import type { Diagnostic, Severity } from '../diagnostics';
import type { DocumentChange, Fix } from '../edit/change';
import { locate, type SourceDocument } from '../source/document';
import { formatPath, type NodePath } from '../source/path';

/** A problem found by a rule, before it is placed in a file: the rule knows the path, the source knows the range. */
export interface Finding {
  severity: Severity;
  code: string;
  path: NodePath;
  /** The message without the path; the path is prefixed as Kuma does (`spec.to[0].targetRef.kind: ...`). */
  message: string;
  /** Mark the key of the field rather than its value (an unknown field: the name is what is wrong). */
  part?: 'key';
  /** A close known word ("did you mean"): replaces the value at `path`, or renames the key when `part` is 'key'. */
  suggestion?: string;
  /** Any other quick fix, as changes to the finding's document. */
  fix?: { title: string; changes: DocumentChange[] };
}

export function finding(severity: Severity, code: string, path: NodePath, message: string): Finding {
  return { severity, code, path, message };
}

export function toDiagnostic(source: SourceDocument, f: Finding): Diagnostic {
  const prefix = f.path.length > 0 ? `${formatPath(f.path)}: ` : '';
  const diagnostic: Diagnostic = { ...locate(source, f.path, f.part), severity: f.severity, code: f.code, message: prefix + f.message };
  if (f.fix) return { ...diagnostic, fixes: [{ file: source.file, documentIndex: source.index, ...f.fix }] };
  if (f.suggestion === undefined) return diagnostic;
  return { ...diagnostic, message: `${diagnostic.message}; did you mean ${f.suggestion}?`, fixes: [suggestionFix(source, f.path, f.suggestion, f.part === 'key')] };
}

/** The fix of a "did you mean": the value at `path` replaced, or its key renamed (the renamed key moves to the end of its map). */
export function suggestionFix(source: SourceDocument, path: NodePath, suggestion: string, key: boolean): Fix {
  const target = { file: source.file, documentIndex: source.index };
  if (!key) return { ...target, title: `Change to ${suggestion}`, changes: [{ op: 'set', path, value: suggestion }] };
  const parent = path.slice(0, -1);
  const value = valueAt(source.value, path);
  return { ...target, title: `Rename to ${suggestion}`, changes: [{ op: 'delete', path }, { op: 'set', path: [...parent, suggestion], value }] };
}

function valueAt(root: unknown, path: NodePath): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
