import { describe, expect, it } from 'vitest';
import { PieceText } from '../core';
import { FileUpdateReceiver, FileUpdateSender, inParts, reportTextEdit, spliceBetween, type Splice } from './fileUpdates';

const apply = (text: string, s: Splice) => text.slice(0, s.start) + s.insert + text.slice(s.start + s.deleteCount);
const big = (seed: string) => `${seed}\n${'weight: 90\n'.repeat(20_000)}`;

describe('file updates', () => {
  it('finds the one splice between two texts', () => {
    for (const [before, after] of [
      ['abcdef', 'abXdef'],
      ['abcdef', 'abdef'],
      ['abc', 'abc!'],
      ['', 'new'],
      ['same', 'same'],
      [big('a'), big('a').replace('weight: 90\nweight: 90', 'weight: 90\nweight: 91')],
    ] as const) {
      const splice = spliceBetween(before, after);
      expect(apply(before, splice)).toBe(after);
      expect(splice.length).toBe(after.length);
    }
    expect(spliceBetween('abcdef', 'abXdef')).toEqual({ start: 2, deleteCount: 1, insert: 'X', length: 6 });
  });

  it('sends a large changed file as a splice, an unchanged one by name, a small one whole; the receiver rebuilds each', () => {
    const sender = new FileUpdateSender();
    const receiver = new FileUpdateReceiver();
    const first = [{ name: 'big.yaml', text: big('a') }, { name: 'small.yaml', text: 'a: 1' }];
    expect(receiver.apply(sender.updates(first))).toEqual(first);

    const second = [{ name: 'big.yaml', text: big('b') }, { name: 'small.yaml', text: 'a: 1' }];
    const updates = sender.updates(second);
    expect(updates).toEqual([{ name: 'big.yaml', splice: { start: 0, deleteCount: 1, insert: 'b', length: second[0]?.text.length } }, { name: 'small.yaml', same: true }]);
    expect(receiver.apply(updates)).toEqual(second);

    const third = [{ name: 'small.yaml', text: 'a: 2' }];
    const closedAndEdited = sender.updates(third);
    expect(closedAndEdited).toEqual([{ name: 'small.yaml', text: 'a: 2' }]);
    expect(receiver.apply(closedAndEdited)).toEqual(third);
    expect(receiver.apply(sender.updates(third))).toEqual(third);
  });

  it('uses the splices the editor reported, composed over coalesced keystrokes', () => {
    const sender = new FileUpdateSender();
    const receiver = new FileUpdateReceiver();
    const start = big('x');
    receiver.apply(sender.updates([{ name: 'f', text: start }]));
    // Three keystrokes; only the last reaches the worker (the client keeps the newest request).
    let pieces = PieceText.of(start);
    const at = start.indexOf('90') + 2;
    for (const [offset, deleteCount, insert] of [[at, 0, '1'], [at + 1, 0, '2'], [at - 2, 3, '7']] as const) {
      const before = pieces;
      pieces = before.splice({ start: offset, deleteCount, insert });
      reportTextEdit(before.text, pieces, { start: offset, deleteCount, insert, length: pieces.length });
    }
    const text = pieces.text;
    const [update] = sender.updates([{ name: 'f', text }]);
    expect(update).toEqual({ name: 'f', splice: { start: at - 2, deleteCount: 2, insert: '72', length: text.length } });
    expect(receiver.apply([update as never])).toEqual([{ name: 'f', text }]);
  });

  it('refuses an update that does not fit what the worker holds', () => {
    expect(() => new FileUpdateReceiver().apply([{ name: 'f', same: true }])).toThrow(/does not hold/);
    const receiver = new FileUpdateReceiver();
    receiver.apply([{ name: 'f', text: 'abc' }]);
    expect(() => receiver.apply([{ name: 'f', splice: { start: 0, deleteCount: 0, insert: 'x', length: 99 } }])).toThrow(/does not fit/);
  });
});

describe('inParts', () => {
  it('sends long whole texts ahead in parts; applied in turn, the parts and the last list give what the updates give', () => {
    const sender = new FileUpdateSender();
    const first = [{ name: 'big.yaml', text: big('a') }, { name: 'small.yaml', text: 'a: 1' }];
    const whole = new FileUpdateReceiver();
    whole.apply(sender.updates(first));
    // Then a new long file, an edited long one (a splice), and an unchanged small one.
    const second = [{ name: 'new.yaml', text: big('n').repeat(3) }, { name: 'big.yaml', text: big('b') }, { name: 'small.yaml', text: 'a: 1' }];
    const parted = new FileUpdateReceiver();
    parted.apply(new FileUpdateSender().updates(first));
    const updates = sender.updates(second);
    const partChars = 100_000;
    const { parts, last } = inParts(updates, partChars);
    expect(parts.length).toBe(Math.ceil(second[0]!.text.length / partChars));
    for (const files of parts) {
      expect(files.map((f) => f.name)).toEqual(second.map((f) => f.name));
      for (const f of files) if ('text' in f) expect(f.text.length).toBeLessThanOrEqual(partChars);
      for (const f of files) if ('splice' in f && f.name === 'new.yaml') expect(f.splice.insert.length).toBeLessThanOrEqual(partChars);
      parted.apply(files);
    }
    expect(last.every((f) => 'same' in f)).toBe(true);
    expect(parted.apply(last)).toEqual(second);
    expect(whole.apply(updates)).toEqual(second);
  });

  it('leaves a request with no long whole text as it is', () => {
    const updates = [{ name: 'a.yaml', text: 'a: 1' }, { name: 'b.yaml', same: true as const }];
    expect(inParts(updates, 100)).toEqual({ parts: [], last: updates });
  });
});
