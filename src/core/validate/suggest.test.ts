import { describe, expect, it } from 'vitest';
import { closest } from './suggest';

describe('closest', () => {
  const kinds = ['Mesh', 'MeshSubset', 'MeshService', 'MeshServiceSubset', 'MeshTCPRoute', 'MeshHTTPRoute'];
  it('suggests a word one or two edits away', () => {
    expect(closest('MeshTCPRoot', kinds)).toBe('MeshTCPRoute');
    expect(closest('MeshSevice', kinds)).toBe('MeshService');
    expect(closest('meshservice', kinds)).toBe('MeshService');
    expect(closest('wieght', ['kind', 'name', 'tags', 'weight'])).toBe('weight');
  });
  it('does not guess when nothing is close, when two are as close, or for tiny words', () => {
    expect(closest('TrafficRoute', kinds)).toBeNull();
    expect(closest('ab', ['abc'])).toBeNull();
    expect(closest('abcd', ['abce', 'abcf'])).toBeNull();
    expect(closest('MeshService', kinds)).toBeNull();
  });
});
