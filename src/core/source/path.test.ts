import { describe, expect, it } from 'vitest';
import { formatPath } from './path';

describe('formatPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatPath(['spec', 'to', 0, 'targetRef', 'kind'])).toBe('spec.to[0].targetRef.kind');
  });
  it('quotes keys that are not identifiers, as Kuma does for tags', () => {
    expect(formatPath(['spec', 'targetRef', 'tags', 'kuma.io/zone'])).toBe('spec.targetRef.tags["kuma.io/zone"]');
  });
});
