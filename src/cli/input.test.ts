import { describe, expect, it } from 'vitest';
import { osReason, readInputs, type InputReader } from './input';

function errno(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function reader(files: Record<string, string>, stdin = ''): InputReader & { stdinReads: number } {
  const r = {
    stdinReads: 0,
    readFile(path: string) {
      const text = files[path];
      if (text === undefined) throw errno('ENOENT', `ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    readStdin() {
      r.stdinReads++;
      return Promise.resolve(stdin);
    },
  };
  return r;
}

describe('readInputs', () => {
  it('reads the files in order and turns an unreadable one into a FILE_UNREADABLE error', async () => {
    const inputs = await readInputs(['a.yaml', 'missing.yaml', 'b.yaml'], reader({ 'a.yaml': 'a: 1', 'b.yaml': 'b: 1' }));
    expect(inputs.files).toEqual([{ name: 'a.yaml', text: 'a: 1' }, { name: 'b.yaml', text: 'b: 1' }]);
    expect(inputs.diagnostics).toEqual([
      { severity: 'error', code: 'FILE_UNREADABLE', message: 'cannot read this file: no such file or directory (ENOENT)', file: 'missing.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' },
    ]);
  });

  it('reads standard input for "-", once', async () => {
    const r = reader({}, 'type: Dataplane');
    const inputs = await readInputs(['-', '-'], r);
    expect(inputs.files).toEqual([{ name: '-', text: 'type: Dataplane' }, { name: '-', text: 'type: Dataplane' }]);
    expect(r.stdinReads).toBe(1);
  });
});

describe('osReason', () => {
  it('keeps the OS reason and code without Node decoration', () => {
    expect(osReason(errno('EISDIR', 'EISDIR: illegal operation on a directory, read'))).toBe('illegal operation on a directory (EISDIR)');
    expect(osReason(errno('EACCES', "EACCES: permission denied, open '/root/x'"))).toBe('permission denied (EACCES)');
    expect(osReason(new Error('plain'))).toBe('plain');
    expect(osReason('odd')).toBe('odd');
  });
});
