import { describe, expect, it } from 'vitest';
import { formatPath } from '../source/path';
import { parsePath } from './parsePath';

describe('parsePath', () => {
  it('reads back what formatPath writes', () => {
    for (const path of [['spec', 'to', 0, 'rules', 0, 'default', 'backendRefs', 1], ['metadata', 'labels', 'kuma.io/mesh'], ['spec', 'tags', 'a"b'], ['x y', 2], []]) {
      expect(parsePath(formatPath(path))).toEqual(path);
    }
  });

  it('refuses text that is not a path', () => {
    expect(parsePath('spec..to')).toBeNull();
    expect(parsePath('spec[x]')).toBeNull();
    expect(parsePath('a b')).toBeNull();
  });
});
