/**
 * The files of an analysis request, sent as what changed since the previous request to the same worker: a file the
 * worker already holds is named only, and a file changed by typing is sent as the one splice that turns the old text
 * into the new. Posting the whole text (5 MB on a large workspace) cost the page tens of milliseconds per keystroke.
 */
import type { SourceFile } from '../core';
import { PieceText } from '../core/source/pieceText';

/** One file of a request as it crosses to the worker. */
export type FileUpdate =
  | { name: string; text: string }
  | { name: string; same: true }
  /** `text.slice(0, start) + insert + text.slice(start + deleteCount)`; `length` is the result's, as a check. */
  | { name: string; splice: Splice };

const BLOCK = 4096;

/** Length of the common prefix: compared block by block (the engine compares equal slices in bulk), then by char. */
function commonPrefix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + BLOCK <= limit && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + BLOCK <= limit && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

export interface Splice {
  start: number;
  deleteCount: number;
  insert: string;
  /** Length of the text after the splice. */
  length: number;
}

/**
 * Splices the editor reported (Monaco knows exactly what a keystroke changed), newest last: finding them again by
 * comparing 2 MB of text took 8 to 20 ms a keystroke. A hint only: when the chain from what the worker holds to
 * the new text is not here, the texts are compared.
 */
const reported: { before: string; after: PieceText; splice: Splice }[] = [];
const REPORTED_KEPT = 256;

export function reportTextEdit(before: string, after: PieceText, splice: Splice): void {
  reported.push({ before, after, splice });
  if (reported.length > REPORTED_KEPT) reported.splice(0, reported.length - REPORTED_KEPT);
}

/** Two splices in a row as one: the region either touched, in the coordinates of the first text and the last. */
function compose(first: Splice, second: Splice, last: PieceText): Splice {
  const firstEnd = first.start + first.insert.length; // in the middle text
  const firstDelta = first.insert.length - first.deleteCount;
  const secondDelta = second.insert.length - second.deleteCount;
  const start = Math.min(first.start, second.start);
  const middleEnd = Math.max(firstEnd, second.start + second.deleteCount);
  return { start, deleteCount: middleEnd - firstDelta - start, insert: last.slice(start, middleEnd + secondDelta), length: last.length };
}

/** The reported chain from `before` to `after`, as one splice; null when there is none. */
function reportedSplice(before: string, after: string): Splice | null {
  let from = -1;
  for (let i = reported.length - 1; i >= 0; i--) {
    const edit = reported[i] as (typeof reported)[number];
    if (edit.before.length === before.length && edit.before === before) {
      from = i;
      break;
    }
  }
  if (from < 0) return null;
  let splice: Splice | null = null;
  for (let i = from; i < reported.length; i++) {
    const edit = reported[i] as (typeof reported)[number];
    if (splice && edit.before !== reported[i - 1]?.after.text) return null;
    splice = splice ? compose(splice, edit.splice, edit.after) : edit.splice;
    if (edit.after.text === after) return splice;
  }
  return null;
}

/** The one splice that turns `before` into `after`. */
export function spliceBetween(before: string, after: string): Splice {
  const start = commonPrefix(before, after, Math.min(before.length, after.length));
  const end = commonSuffix(before, after, Math.min(before.length, after.length) - start);
  return { start, deleteCount: before.length - start - end, insert: after.slice(start, after.length - end), length: after.length };
}

/** Below this size a changed file is simply sent whole. */
const SPLICE_FROM_CHARS = 64 * 1024;

/** The sender's side: remembers what the worker holds. */
export class FileUpdateSender {
  private held = new Map<string, string>();

  /** The worker was replaced: it holds nothing. */
  reset(): void {
    this.held.clear();
  }

  updates(files: readonly SourceFile[]): FileUpdate[] {
    const next = new Map<string, string>();
    const updates = files.map((file): FileUpdate => {
      next.set(file.name, file.text);
      const before = this.held.get(file.name);
      if (before === file.text) return { name: file.name, same: true };
      if (before === undefined || file.text.length < SPLICE_FROM_CHARS) return { name: file.name, text: file.text };
      return { name: file.name, splice: reportedSplice(before, file.text) ?? spliceBetween(before, file.text) };
    });
    this.held = next;
    return updates;
  }
}

/** A splice the receiver made: `after` is `before` with `splice` applied. */
export interface AppliedSplice {
  file: string;
  before: string;
  after: string;
  splice: Splice;
}

/**
 * The worker's side: applies updates to the files it holds, as PieceTexts (the text is never copied whole), and
 * tells `onSplice` of each splice. Throws when an update does not fit (a bug, never input).
 */
export class FileUpdateReceiver {
  private held = new Map<string, PieceText>();

  constructor(private readonly onSplice?: (applied: AppliedSplice) => void) {}

  apply(updates: readonly FileUpdate[]): SourceFile[] {
    const next = new Map<string, PieceText>();
    const files = updates.map((update): SourceFile => {
      let text: PieceText;
      if ('text' in update) text = PieceText.of(update.text);
      else {
        const before = this.held.get(update.name);
        if (before === undefined) throw new Error(`the worker does not hold ${update.name}`);
        if ('same' in update) text = before;
        else {
          text = before.splice(update.splice);
          if (text.length !== update.splice.length) throw new Error(`an edit of ${update.name} does not fit the text the worker holds`);
          this.onSplice?.({ file: update.name, before: before.text, after: text.text, splice: update.splice });
        }
      }
      next.set(update.name, text);
      return { name: update.name, text: text.text };
    });
    this.held = next;
    return files;
  }
}

/**
 * A request's updates with each whole text longer than `partChars` sent ahead in parts: `parts` are file lists for
 * the receiver to apply in turn (the first part of such a text whole, the next ones as splices that append, every
 * other file once in the first list and then by name), and `last` is the request's own list, then all by name. Each
 * list can cross in a task of its own: posting the 2 MB text of a pasted workspace at once held the page 26 to 34 ms.
 * Applied in order, the parts and `last` leave the receiver holding what `updates` alone would.
 */
export function inParts(updates: readonly FileUpdate[], partChars: number): { parts: FileUpdate[][]; last: FileUpdate[] } {
  const long = (u: FileUpdate): u is { name: string; text: string } => 'text' in u && u.text.length > partChars;
  if (!updates.some(long)) return { parts: [], last: [...updates] };
  const count = Math.max(...updates.map((u) => (long(u) ? Math.ceil(u.text.length / partChars) : 1)));
  const parts = Array.from({ length: count }, (_, k) =>
    updates.map((u): FileUpdate => {
      if (!long(u)) return k === 0 ? u : { name: u.name, same: true };
      const start = k * partChars;
      if (start >= u.text.length) return { name: u.name, same: true };
      const end = Math.min(u.text.length, start + partChars);
      return k === 0 ? { name: u.name, text: u.text.slice(0, end) } : { name: u.name, splice: { start, deleteCount: 0, insert: u.text.slice(start, end), length: end } };
    }),
  );
  return { parts, last: updates.map((u) => ({ name: u.name, same: true })) };
}
