import type { Diagnostic, Severity } from '../diagnostics';
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
}

export function finding(severity: Severity, code: string, path: NodePath, message: string): Finding {
  return { severity, code, path, message };
}

export function toDiagnostic(source: SourceDocument, f: Finding): Diagnostic {
  const prefix = f.path.length > 0 ? `${formatPath(f.path)}: ` : '';
  return { ...locate(source, f.path, f.part), severity: f.severity, code: f.code, message: prefix + f.message };
}
