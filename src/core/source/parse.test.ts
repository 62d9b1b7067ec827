import { describe, expect, it } from 'vitest';
import { locate } from './document';
import { createParseCache, noteEdit, parseSources } from './parse';

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

describe('parseSources after splices the editor reported (noteEdit)', () => {
  /** A tiny seeded generator, so that a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }
  const pieces = ['1', '0', ' ', 'x', '\n', '---\n', '\n---\n', 'kind: D\n', '[', ': ', '  name: n\n', '# c\n', '%YAML 1.2\n'];
  const comparable = (parsed: ReturnType<typeof parseSources>) => ({
    documents: parsed.documents.map((d) => [d.file, d.index, d.value, d.broken, locate(d, []), locate(d, ['metadata', 'name'])]),
    diagnostics: parsed.diagnostics,
  });

  it('gives what a parse without a cache gives, over 400 random edits of a multi-document file', () => {
    const next = random(7);
    const cache = createParseCache();
    const other = { name: 'other.yaml', text: c };
    let text = Array.from({ length: 12 }, (_, i) => `kind: K${i}\nmetadata:\n  name: n${i}\nspec:\n  weight: ${i}\n`).join('---\n');
    parseSources([{ name: 'one.yaml', text }, other], cache);
    for (let step = 0; step < 400; step++) {
      const start = Math.floor(next() * (text.length + 1));
      const deleteCount = next() < 0.4 ? Math.min(text.length - start, Math.floor(next() * 6)) : 0;
      const insert = next() < 0.8 ? (pieces[Math.floor(next() * pieces.length)] as string) : '';
      const after = text.slice(0, start) + insert + text.slice(start + deleteCount);
      noteEdit(cache, 'one.yaml', text, after, { start, deleteCount, insert });
      const files = [{ name: 'one.yaml', text: after }, other];
      expect(comparable(parseSources(files, cache)), `step ${step}`).toEqual(comparable(parseSources(files)));
      text = after;
      // Now and then start again from a text without a directive, so that most edits are of a multi-document file.
      if (/^%/m.test(text) && next() < 0.5) text = text.replace(/^%.*\n/gm, '');
    }
  });

  it('takes the untouched documents over by position after an edit that moved no line', () => {
    const cache = createParseCache();
    const text = `${a}---\n${b}---\n${c}`;
    const first = parseSources([{ name: 'one.yaml', text }], cache);
    const at = text.indexOf('name: b') + 'name: b'.length;
    const after = `${text.slice(0, at)}b${text.slice(at)}`;
    noteEdit(cache, 'one.yaml', text, after, { start: at, deleteCount: 0, insert: 'b' });
    const edited = parseSources([{ name: 'one.yaml', text: after }], cache);
    expect(edited.documents[0]).toBe(first.documents[0]);
    expect(edited.documents[1]?.value).toEqual({ kind: 'B', metadata: { name: 'bb' } });
    expect(edited.documents[2]).toBe(first.documents[2]);
  });
});
