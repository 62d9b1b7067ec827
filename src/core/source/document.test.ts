import { describe, expect, it } from 'vitest';
import { locate, spanAt } from './document';
import { parseSources } from './parse';

const text = `a: 1
spec:
  to:
    - targetRef:
        kind: MeshSubset
        name: backend
`;

describe('parseSources', () => {
  it('keeps the valid documents of a file with a syntax error', () => {
    const { documents, diagnostics } = parseSources([{ name: 'f.yaml', text: 'a: 1\n---\nb: [\n---\nc: 2\n' }]);
    expect(documents.map((d) => d.broken)).toEqual([false, true, false]);
    expect(documents[2]?.value).toEqual({ c: 2 });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'YAML_SYNTAX', severity: 'error', file: 'f.yaml' });
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('skips empty documents such as the one after a trailing ---', () => {
    expect(parseSources([{ name: 'f.yaml', text: 'a: 1\n---\n' }]).documents).toHaveLength(1);
  });
});

describe('locate', () => {
  const [doc] = parseSources([{ name: 'f.yaml', text }]).documents;
  if (!doc) throw new Error('no document');

  it('gives a scalar its own span, 1-based', () => {
    expect(locate(doc, ['spec', 'to', 0, 'targetRef', 'kind'])).toEqual({ file: 'f.yaml', path: 'spec.to[0].targetRef.kind', line: 5, column: 15, endLine: 5, endColumn: 25 });
  });

  it('marks the key when asked (an unknown field)', () => {
    expect(locate(doc, ['spec', 'to', 0, 'targetRef', 'name'], 'key')).toMatchObject({ line: 6, column: 9, endColumn: 13 });
  });

  it('falls back to the deepest existing key for a missing field', () => {
    expect(locate(doc, ['spec', 'to', 0, 'rules', 0])).toMatchObject({ line: 4, column: 7 });
  });

  it('spans every line of a collection for selection', () => {
    expect(spanAt(doc, ['spec', 'to', 0])).toMatchObject({ line: 4, endLine: 6 });
  });
});
