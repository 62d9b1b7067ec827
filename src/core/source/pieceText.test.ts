import { describe, expect, it } from 'vitest';
import { PieceText } from './pieceText';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('PieceText', () => {
  it('gives the text plain slicing gives, after any run of splices, and slices it the same', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed);
      let plain = 'apiVersion: kuma.io/v1alpha1\nkind: MeshTCPRoute\n'.repeat(5);
      let pieces = PieceText.of(plain);
      for (let step = 0; step < 400; step++) {
        const start = Math.floor(next() * (plain.length + 3));
        const deleteCount = Math.floor(next() * 8);
        const insert = next() < 0.3 ? '' : 'xyz\n'.slice(0, 1 + Math.floor(next() * 4));
        const from = Math.min(start, plain.length);
        plain = plain.slice(0, from) + insert + plain.slice(Math.min(from + deleteCount, plain.length));
        pieces = pieces.splice({ start, deleteCount, insert });
        expect(pieces.text).toBe(plain);
        const a = Math.floor(next() * plain.length);
        const b = a + Math.floor(next() * 30);
        expect(pieces.slice(a, b)).toBe(plain.slice(a, b));
      }
    }
  });

  it('splices into an empty text and empties a text', () => {
    const empty = PieceText.of('');
    expect(empty.splice({ start: 0, deleteCount: 0, insert: 'a: 1' }).text).toBe('a: 1');
    expect(PieceText.of('a: 1').splice({ start: 0, deleteCount: 4, insert: '' }).text).toBe('');
  });
});
