import { describe, expect, it } from 'vitest';
import { locate } from './document';
import { createParseCache, parseSources } from './parse';

const a = 'kind: A\nmetadata:\n  name: a\n';
const b = 'kind: B\nmetadata:\n  name: b\n';
const c = 'kind: C\nmetadata:\n  name: c\n';

describe('parseSources with a cache (the worker keeps one across keystrokes)', () => {
  it('hands out the same document objects for an unchanged file, and for the untouched documents of an edited one', () => {
    const cache = createParseCache();
    const first = parseSources([{ name: 'one.yaml', text: `${a}---\n${b}` }, { name: 'two.yaml', text: c }], cache);
    const edited = parseSources([{ name: 'one.yaml', text: `${a}---\n${b.replace('name: b', 'name: bb')}` }, { name: 'two.yaml', text: c }], cache);
    expect(edited.documents[0]).toBe(first.documents[0]); // same place, same text
    expect(edited.documents[1]).not.toBe(first.documents[1]); // edited
    expect(edited.documents[1]?.value).toEqual({ kind: 'B', metadata: { name: 'bb' } });
    expect(edited.documents[2]).toBe(first.documents[2]); // the other file, reused whole
  });

  it('re-places a document that moved, so that its ranges stay true', () => {
    const cache = createParseCache();
    parseSources([{ name: 'one.yaml', text: `${a}---\n${b}` }], cache);
    const moved = parseSources([{ name: 'one.yaml', text: `# a comment\n${a}---\n${b}` }], cache);
    const doc = moved.documents[1];
    if (!doc) throw new Error('no second document');
    expect(locate(doc, ['metadata', 'name']).line).toBe(8);
  });

  it('keeps the chunks of a file reused whole, so its next edit re-parses one document only', () => {
    const cache = createParseCache();
    const files = (second: string) => [{ name: 'one.yaml', text: a }, { name: 'two.yaml', text: `${b}---\n${second}` }];
    const first = parseSources(files(c), cache);
    parseSources(files(c), cache); // nothing changed: reused whole
    const edited = parseSources(files(c.replace('name: c', 'name: cc')), cache);
    expect(edited.documents[1]).toBe(first.documents[1]);
    expect(edited.documents[2]).not.toBe(first.documents[2]);
  });

  it('gives the same answer with and without a cache', () => {
    const cache = createParseCache();
    const files = [{ name: 'one.yaml', text: `${a}---\n${b}---\nbroken: [\n` }];
    parseSources(files, cache);
    const cached = parseSources(files, cache);
    const plain = parseSources(files);
    expect(cached.documents.map((d) => [d.file, d.index, d.value, d.broken])).toEqual(plain.documents.map((d) => [d.file, d.index, d.value, d.broken]));
    expect(cached.diagnostics).toEqual(plain.diagnostics);
  });
});
