/**
 * The diagnostics of one file as Monaco markers. Errors and warnings are all shown. Information is too, unless a file
 * has thousands (a synthetic mesh of 1,000 services has 2,700 "weights do not sum to 100"): then the MAX_INFO_MARKERS
 * nearest the cursor are. Monaco redraws every marker's decoration at each keystroke (the overview ruler, the glyph
 * margin lanes), and thousands of them cost the page 30 ms per keystroke. The problems panel lists every one.
 */
import type { Diagnostic } from '../../core';
import type { EditorMarker } from './YamlEditor';

/** 200, not 500: setting 500 markers on a large text took Monaco a task of 40 ms (their decorations). */
export const MAX_INFO_MARKERS = 200;
/** The cursor's region: the infos shown change when the cursor moves into another one, not at every line. */
const REGION_LINES = 1000;

export function cursorRegion(line: number | null | undefined): number {
  return Math.floor(Math.max(0, (line ?? 1) - 1) / REGION_LINES);
}

const toMarker = (d: Diagnostic): EditorMarker => ({ severity: d.severity, message: d.message, code: d.code, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, fixes: d.fixes });

export function markersOf(diagnostics: readonly Diagnostic[], file: string, region: number): EditorMarker[] {
  const own = diagnostics.filter((d) => d.file === file);
  const infos = own.filter((d) => d.severity === 'info');
  if (infos.length <= MAX_INFO_MARKERS) return own.map(toMarker);
  const middle = region * REGION_LINES + REGION_LINES / 2;
  const nearest = new Set([...infos].sort((a, b) => Math.abs(a.line - middle) - Math.abs(b.line - middle)).slice(0, MAX_INFO_MARKERS));
  return own.filter((d) => d.severity !== 'info' || nearest.has(d)).map(toMarker);
}
