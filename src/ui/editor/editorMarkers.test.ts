import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core';
import { cursorRegion, MAX_INFO_MARKERS, markersOf } from './editorMarkers';

const at = (line: number, severity: Diagnostic['severity'], file = 'a.yaml'): Diagnostic => ({ file, line, column: 1, endLine: line, endColumn: 5, path: '', severity, code: `C${line}`, message: `m${line}` });

describe('markersOf', () => {
  it('shows every diagnostic of the file while infos are few', () => {
    const diagnostics = [at(1, 'error'), at(2, 'info'), at(3, 'warning'), at(4, 'info', 'b.yaml')];
    expect(markersOf(diagnostics, 'a.yaml', 0).map((m) => m.code)).toEqual(['C1', 'C2', 'C3']);
  });

  it('keeps every error and warning, and the infos nearest the cursor when there are thousands', () => {
    const diagnostics = [at(1, 'error'), ...Array.from({ length: 3000 }, (_, i) => at(i * 10 + 5, 'info')), at(29_999, 'warning')];
    const region = cursorRegion(20_000);
    const markers = markersOf(diagnostics, 'a.yaml', region);
    expect(markers.filter((m) => m.severity === 'info')).toHaveLength(MAX_INFO_MARKERS);
    expect(markers.map((m) => m.code)).toContain('C1');
    expect(markers.map((m) => m.code)).toContain('C29999');
    const infoLines = markers.filter((m) => m.severity === 'info').map((m) => m.line);
    expect(Math.min(...infoLines)).toBeGreaterThan(17_000);
    expect(Math.max(...infoLines)).toBeLessThan(23_000);
    // In file order, as Monaco and the quick fixes expect them.
    expect(markers.map((m) => m.line)).toEqual([...markers.map((m) => m.line)].sort((a, b) => a - b));
  });

  it('keeps the same region while the cursor moves within it', () => {
    expect(cursorRegion(1)).toBe(cursorRegion(1000));
    expect(cursorRegion(1001)).toBe(1);
    expect(cursorRegion(null)).toBe(0);
  });
});
