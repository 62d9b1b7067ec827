import { describe, expect, it } from 'vitest';
import { formatPath } from './path';

describe('formatPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatPath(['spec', 'to', 0, 'targetRef', 'kind'])).toBe('spec.to[0].targetRef.kind');
  });
  it('writes tag names in quoted brackets, as Kuma does', () => {
    expect(formatPath(['spec', 'targetRef', 'tags', 'kuma.io/zone'])).toBe('spec.targetRef.tags["kuma.io/zone"]');
    expect(formatPath(['spec', 'targetRef', 'tags', 'version'])).toBe('spec.targetRef.tags["version"]');
  });

  it('quotes other keys that are not identifiers', () => {
    expect(formatPath(['metadata', 'kuma.io/x'])).toBe('metadata["kuma.io/x"]');
  });
});
