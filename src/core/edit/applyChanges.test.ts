/**
 * Golden cases in __golden__/<case>/: input.yaml + change.json ({documentIndex, changes}) -> expected.yaml (the
 * edited text) or expected-error.txt. `UPDATE_FIXTURES=1` writes them; review each by hand before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges, documentIndexAtLine, readDocument } from './applyChanges';
import type { DocumentChange } from './change';

const root = join(import.meta.dirname, '__golden__');
const update = process.env.UPDATE_FIXTURES === '1';

describe('applyChanges golden cases', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const dir = join(root, name);
      const input = readFileSync(join(dir, 'input.yaml'), 'utf8');
      const { documentIndex, changes } = JSON.parse(readFileSync(join(dir, 'change.json'), 'utf8')) as { documentIndex: number; changes: DocumentChange[] };
      const result = applyChanges(input, documentIndex, changes);
      const [file, actual] = 'text' in result ? ['expected.yaml', result.text] : ['expected-error.txt', `${result.error}\n`];
      if (update) writeFileSync(join(dir, file), actual);
      expect(existsSync(join(dir, file)), `${name}: ${file}`).toBe(true);
      expect(actual).toBe(readFileSync(join(dir, file), 'utf8'));
    });
  }
});

describe('applyChanges', () => {
  const text = readFileSync(join(root, 'set-weight', 'input.yaml'), 'utf8');

  it('keeps every comment and unknown field of the edited document', () => {
    const result = applyChanges(text, 0, [{ op: 'set', path: ['spec', 'to', 0, 'rules', 0, 'default', 'backendRefs', 1, 'weight'], value: 50 }]);
    if (!('text' in result)) throw new Error(result.error);
    for (const line of text.split('\n').filter((l) => l.includes('#') || l.includes('x-'))) expect(result.text).toContain(line);
    expect(result.text.split('\n').filter((l, i) => l !== text.split('\n')[i])).toEqual(['                weight: 50']);
  });

  it('changes nothing when given no changes', () => {
    expect(applyChanges(text, 0, [])).toEqual({ text });
  });

  it('refuses a document with syntax errors', () => {
    expect(applyChanges('a: [1\n', 0, [{ op: 'set', path: ['a'], value: 1 }])).toHaveProperty('error');
  });

  it('reads a document and finds the document under a line', () => {
    const multi = readFileSync(join(root, 'second-document-only', 'input.yaml'), 'utf8');
    expect(documentIndexAtLine(multi, 1)).toBe(0);
    expect(documentIndexAtLine(multi, 9)).toBe(1);
    expect(documentIndexAtLine(multi, 25)).toBe(2);
    expect(readDocument(multi, 1)).toMatchObject({ type: 'MeshTCPRoute', name: 'route' });
    expect(readDocument(multi, 7)).toBeUndefined();
  });
});
