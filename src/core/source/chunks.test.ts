import { describe, expect, it } from 'vitest';
import { splitDocuments } from './chunks';

describe('splitDocuments', () => {
  it('cuts before each --- marker and keeps line offsets', () => {
    const chunks = splitDocuments('a: 1\n---\nb: 2\n--- # c\nc: 3\n');
    expect(chunks).toEqual([
      { text: 'a: 1\n', lineOffset: 0 },
      { text: '---\nb: 2\n', lineOffset: 1 },
      { text: '--- # c\nc: 3\n', lineOffset: 3 },
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
});
