import { describe, expect, it } from 'vitest';
import { countBySeverity, sortDiagnostics, type Diagnostic, type Severity } from './diagnostics';

const d = (file: string, line: number, severity: Severity = 'error'): Diagnostic => ({ severity, code: 'X', message: '', file, line, column: 1, endLine: line, endColumn: 2, path: '' });

describe('sortDiagnostics', () => {
  it('follows the order the files were given, then the position, errors first at one spot', () => {
    const sorted = sortDiagnostics([d('b', 1), d('a', 5), d('b', 2, 'info'), d('b', 2), d('a', 1)], ['a', 'b']);
    expect(sorted.map((x) => `${x.file}${x.line}${x.severity[0]}`)).toEqual(['a1e', 'a5e', 'b1e', 'b2e', 'b2i']);
  });
});

describe('countBySeverity', () => {
  it('counts each severity', () => {
    expect(countBySeverity([d('a', 1), d('a', 2, 'info'), d('a', 3)])).toEqual({ error: 2, warning: 0, info: 1 });
  });
});
