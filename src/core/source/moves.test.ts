import { describe, expect, it } from 'vitest';
import { shiftLines } from './moves';

describe('shiftLines', () => {
  it('moves every source location by the lines, copies the rest, and keeps what was shared shared', () => {
    const at = { file: 'a.yaml', path: 'spec', line: 4, column: 3, endLine: 6, endColumn: 9 };
    const tags = { version: 'v1' };
    const reading = { value: { location: at, to: [{ destinationLocation: at, tags }, { tags }], weight: 3, name: 'line' }, diagnostics: [{ ...at, code: 'X', message: 'm' }] };
    const shifted = shiftLines(reading, 2);
    expect(shifted.value.location).toEqual({ ...at, line: 6, endLine: 8 });
    expect(shifted.diagnostics[0]).toEqual({ ...at, line: 6, endLine: 8, code: 'X', message: 'm' });
    expect(shifted.value.to[0]?.destinationLocation).toBe(shifted.value.location);
    expect(shifted.value.to[1]?.tags).toBe(shifted.value.to[0]?.tags);
    expect(shifted.value.to[0]?.tags).not.toBe(tags);
    expect(shifted.value.weight).toBe(3);
    expect(at.line).toBe(4); // the reading it came from is left as it was
  });

  it('gives the value itself for no move', () => {
    const reading = { location: { file: 'a', path: '', line: 1, column: 1, endLine: 1, endColumn: 2 } };
    expect(shiftLines(reading, 0)).toBe(reading);
  });
});
