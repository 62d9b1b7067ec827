import type { Fix } from './edit/change';

/** Problems are values: every check in core returns these, nothing throws on user input. */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based line/column span inside one file. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a piece of the route table came from: a file, a range in it and the YAML path of the node. */
export interface SourceLocation extends SourceRange {
  file: string;
  path: string;
}

export interface Diagnostic extends SourceLocation {
  severity: Severity;
  /** Stable code, e.g. `KUMA_TARGETREF_KIND`; tools and tests key on it. */
  code: string;
  message: string;
  /** Quick fixes, where the fix is clear (a "did you mean", a missing declaration). */
  fixes?: Fix[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** In the order the files were given, then by position, errors before warnings before infos at one spot. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[], files: readonly string[]): Diagnostic[] {
  const order = new Map<string, number>();
  files.forEach((name, i) => {
    if (!order.has(name)) order.set(name, i);
  });
  const rank = (d: Diagnostic) => order.get(d.file) ?? files.length;
  return [...diagnostics].sort(
    (a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column || severityRank[a.severity] - severityRank[b.severity],
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `FILE:LINE:COL: SEVERITY CODE: message`, the command line's one-line form. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}
