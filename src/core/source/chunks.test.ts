import { describe, expect, it } from 'vitest';
import { respliceChunks, splitDocuments } from './chunks';

describe('splitDocuments', () => {
  it('cuts before each --- marker and keeps line offsets', () => {
    const chunks = splitDocuments('a: 1\n---\nb: 2\n--- # c\nc: 3\n');
    expect(chunks).toEqual([
      { text: 'a: 1\n', lineOffset: 0, start: 0 },
      { text: '---\nb: 2\n', lineOffset: 1, start: 5 },
      { text: '--- # c\nc: 3\n', lineOffset: 3, start: 14 },
    ]);
  });

  it('does not cut at a --- that is not a marker', () => {
    expect(splitDocuments('a: |\n  ---\nb: ---x\n---x: 1\n')).toHaveLength(1);
  });

  it('keeps a stream with directives whole', () => {
    expect(splitDocuments('%YAML 1.2\n---\na: 1\n---\nb: 2\n')).toHaveLength(1);
  });

  it('handles CRLF line ends', () => {
    expect(splitDocuments('a: 1\r\n---\r\nb: 2\r\n').map((c) => c.lineOffset)).toEqual([0, 1]);
  });

  it('cuts a spliced text as splitDocuments does, from the chunks before the splice', () => {
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const bits = ['---\n', 'a: 1\n', '--- # x\n', '  ---\n', '-', '\n', 'kind: Mesh\n', '%YAML 1.2\n', '---x\n', '\r\n'];
    let text = 'a: 1\n---\nb: 2\n---\nc: 3\n---\nd: 4\n';
    let chunks = splitDocuments(text);
    let spliced = 0;
    for (let step = 0; step < 3000; step++) {
      const start = Math.floor(next() * (text.length + 1));
      const deleteCount = Math.min(text.length - start, Math.floor(next() * 6));
      const insert = next() < 0.4 ? '' : (bits[Math.floor(next() * bits.length)] as string);
      text = text.slice(0, start) + insert + text.slice(start + deleteCount);
      const quick = respliceChunks(chunks, { start, deleteCount, insert });
      chunks = splitDocuments(text);
      if (quick) {
        spliced++;
        expect(quick).toEqual(chunks);
      }
      if (text.length > 400) {
        text = 'a: 1\n---\nb: 2\n';
        chunks = splitDocuments(text);
      }
    }
    expect(spliced).toBeGreaterThan(1000);
  });
});
