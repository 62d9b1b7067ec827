/**
 * A large text changed by small splices, without copying it. JavaScript engines keep `a + b` as a rope and a slice of
 * a flat string as a view; but a slice of a rope first copies the whole rope into a flat string (8 to 20 ms for the
 * 2 MB of a large workspace, on every keystroke). Here the text is held as pieces that are each a view of a flat
 * string or a small insert: a splice re-cuts the pieces, and the text is their rope, which nothing needs to copy.
 */

/** Splices beyond this many pieces copy the text once into a flat string, which becomes the only piece. */
const MAX_PIECES = 256;

export interface TextSplice {
  start: number;
  deleteCount: number;
  insert: string;
}

function ropeOf(pieces: readonly string[]): string {
  let text = '';
  for (const piece of pieces) text += piece;
  return text;
}

/** Makes the engine copy a rope into one flat string, once (reading a character does). */
function flatten(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
}

export class PieceText {
  private constructor(
    /** Never empty strings; their concatenation is `text`. */
    private readonly pieces: readonly string[],
    readonly text: string,
  ) {}

  static of(text: string): PieceText {
    return new PieceText(text.length > 0 ? [flatten(text)] : [], text);
  }

  get length(): number {
    return this.text.length;
  }

  /** The text with `deleteCount` characters from `start` replaced by `insert` (offsets are clamped to the text). */
  splice({ start, deleteCount, insert }: TextSplice): PieceText {
    const from = Math.max(0, Math.min(start, this.text.length));
    const to = Math.max(from, Math.min(from + deleteCount, this.text.length));
    const pieces: string[] = [];
    let offset = 0;
    let inserted = false;
    for (const piece of this.pieces) {
      const end = offset + piece.length;
      if (end <= from) pieces.push(piece);
      else if (offset >= to) {
        if (!inserted) {
          if (insert) pieces.push(insert);
          inserted = true;
        }
        pieces.push(piece);
      } else {
        if (offset < from) pieces.push(piece.slice(0, from - offset));
        if (!inserted) {
          if (insert) pieces.push(insert);
          inserted = true;
        }
        if (end > to) pieces.push(piece.slice(to - offset));
      }
      offset = end;
    }
    if (!inserted && insert) pieces.push(insert);
    const text = ropeOf(pieces);
    return pieces.length > MAX_PIECES ? PieceText.of(text) : new PieceText(pieces, text);
  }

  /** `text.slice(start, end)`, made of views of the pieces (a slice of the rope itself would copy all of it). */
  slice(start: number, end = this.text.length): string {
    const from = Math.max(0, Math.min(start, this.text.length));
    const to = Math.max(from, Math.min(end, this.text.length));
    let result = '';
    let offset = 0;
    for (const piece of this.pieces) {
      const pieceEnd = offset + piece.length;
      if (pieceEnd > from && offset < to) result += piece.slice(Math.max(0, from - offset), Math.min(piece.length, to - offset));
      if (pieceEnd >= to) break;
      offset = pieceEnd;
    }
    return result;
  }
}
