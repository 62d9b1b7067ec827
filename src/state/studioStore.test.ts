import { describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { demoFiles } from '../demo';
import { createStudioStore, isDemoWorkspace, STORAGE_KEY, uniqueNames } from './studioStore';

function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Record<string, string>; writes: number } {
  const data = { ...initial };
  const storage = {
    data,
    writes: 0,
    getItem: (name: string) => data[name] ?? null,
    setItem: (name: string, value: string) => {
      storage.writes++;
      data[name] = value;
    },
    removeItem: (name: string) => {
      delete data[name];
    },
  };
  return storage;
}

function persisted(storage: { data: Record<string, string> }): unknown {
  const raw = storage.data[STORAGE_KEY];
  return raw === undefined ? undefined : (JSON.parse(raw) as { state: unknown }).state;
}

describe('createStudioStore', () => {
  it('opens on the demo on a first visit', () => {
    const store = createStudioStore(memoryStorage());
    const s = store.getState();
    expect(s.files).toEqual(demoFiles);
    expect(s.activeFile).toBe(demoFiles[0]?.name);
    expect(s.selection).toBeNull();
    expect(s.showDefaults).toBe(false);
    expect(s.derived.result).toBeNull();
  });

  it('persists the document only, and restores it', () => {
    const storage = memoryStorage();
    const store = createStudioStore(storage);
    store.getState().importFiles([
      { name: 'a.yaml', text: 'a: 1' },
      { name: 'b.yaml', text: 'b: 1' },
    ]);
    store.getState().setText('b.yaml', 'b: 2');
    store.getState().setActiveFile('b.yaml');
    store.getState().toggleShowDefaults();
    store.getState().revealLocation({ file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 3 });
    store.getState().selectElement('node-1');

    expect(persisted(storage)).toEqual({
      files: [
        { name: 'a.yaml', text: 'a: 1' },
        { name: 'b.yaml', text: 'b: 2' },
      ],
      activeFile: 'a.yaml', // revealLocation switched to the revealed file
    });

    const reopened = createStudioStore(storage).getState();
    expect(reopened.files.map((f) => f.text)).toEqual(['a: 1', 'b: 2']);
    expect(reopened.activeFile).toBe('a.yaml');
    expect(reopened.showDefaults).toBe(false);
    expect(reopened.selection).toBeNull();
    expect(reopened.selectedId).toBeNull();
  });

  it('does not write the storage for session or derived changes', () => {
    const storage = memoryStorage();
    const store = createStudioStore(storage);
    store.getState().setText(demoFiles[0]?.name ?? '', 'x: 1');
    const writes = storage.writes;
    store.getState().toggleShowDefaults();
    store.getState().selectElement('x');
    store.getState().setDerived({ pending: false });
    expect(storage.writes).toBe(writes);
  });

  it('coalesces writes while typing when a write delay is set', () => {
    vi.useFakeTimers();
    try {
      const storage = memoryStorage();
      const store = createStudioStore(storage, { writeDelayMs: 300 });
      const name = demoFiles[0]?.name ?? '';
      for (const text of ['a', 'ab', 'abc']) store.getState().setText(name, text);
      expect(storage.writes).toBe(0);
      vi.advanceTimersByTime(300);
      expect(storage.writes).toBe(1);
      expect(persisted(storage)).toEqual({ files: [{ name, text: 'abc' }], activeFile: name });
    } finally {
      vi.useRealTimers();
    }
  });

  it('falls back to the demo when the stored document is unreadable', () => {
    const broken = createStudioStore(memoryStorage({ [STORAGE_KEY]: '{not json' })).getState();
    expect(broken.files).toEqual(demoFiles);
    const wrongShape = createStudioStore(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ state: { files: 'x' }, version: 1 }) })).getState();
    expect(wrongShape.files).toEqual(demoFiles);
  });

  it('repairs a stored active file that no longer exists', () => {
    const state = { files: [{ name: 'a.yaml', text: '' }], activeFile: 'gone.yaml' };
    const store = createStudioStore(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ state, version: 1 }) }));
    expect(store.getState().activeFile).toBe('a.yaml');
  });

  it('setText changes only the named file and ignores unknown files', () => {
    const store = createStudioStore(memoryStorage());
    store.getState().importFiles([
      { name: 'a.yaml', text: 'a' },
      { name: 'b.yaml', text: 'b' },
    ]);
    const before = store.getState().files;
    store.getState().setText('zzz.yaml', 'nope');
    expect(store.getState().files).toBe(before);
    store.getState().setText('a.yaml', 'A');
    expect(store.getState().files).toEqual([
      { name: 'a.yaml', text: 'A' },
      { name: 'b.yaml', text: 'b' },
    ]);
    expect(store.getState().files[1]).toBe(before[1]);
  });

  it('importFiles replaces the workspace, dedupes names and ignores an empty import', () => {
    const store = createStudioStore(memoryStorage());
    const workspace = store.getState().workspace;
    store.getState().revealLocation({ file: demoFiles[0]?.name ?? '', line: 2, column: 1, endLine: 2, endColumn: 4 });
    store.getState().importFiles([
      { name: 'p.yaml', text: '1' },
      { name: 'p.yaml', text: '2' },
    ]);
    const s = store.getState();
    expect(s.files.map((f) => f.name)).toEqual(['p.yaml', 'p (2).yaml']);
    expect(s.activeFile).toBe('p.yaml');
    expect(s.selection).toBeNull();
    expect(s.workspace).toBe(workspace + 1);
    store.getState().importFiles([]);
    expect(store.getState().files.map((f) => f.name)).toEqual(['p.yaml', 'p (2).yaml']);
  });

  it('revealLocation opens the file and bumps the nonce so the same range can be revealed twice', () => {
    const store = createStudioStore(memoryStorage());
    store.getState().importFiles([
      { name: 'a.yaml', text: 'a' },
      { name: 'b.yaml', text: 'b' },
    ]);
    const target = { file: 'b.yaml', line: 3, column: 5, endLine: 4, endColumn: 9, path: 'spec' };
    store.getState().revealLocation(target);
    const first = store.getState().selection;
    expect(store.getState().activeFile).toBe('b.yaml');
    expect(first).toMatchObject({ file: 'b.yaml', line: 3, column: 5, endLine: 4, endColumn: 9 });
    store.getState().revealLocation(target);
    expect(store.getState().selection?.nonce).toBeGreaterThan(first?.nonce ?? 0);
    store.getState().revealLocation({ ...target, file: 'unknown.yaml' });
    expect(store.getState().activeFile).toBe('b.yaml');
  });

  it('setActiveFile ignores unknown files; resetToDemo brings the demo back', () => {
    const store = createStudioStore(memoryStorage());
    store.getState().importFiles([{ name: 'a.yaml', text: 'a' }]);
    store.getState().setActiveFile('nope.yaml');
    expect(store.getState().activeFile).toBe('a.yaml');
    expect(isDemoWorkspace(store.getState().files)).toBe(false);
    store.getState().resetToDemo();
    expect(store.getState().files).toEqual(demoFiles);
    expect(isDemoWorkspace(store.getState().files)).toBe(true);
    expect(store.getState().activeFile).toBe(demoFiles[0]?.name);
  });

  it('keeps two stores apart', () => {
    const one = createStudioStore(memoryStorage());
    const two = createStudioStore(memoryStorage());
    one.getState().toggleShowDefaults();
    expect(two.getState().showDefaults).toBe(false);
  });
});

describe('uniqueNames', () => {
  it('suffixes duplicates before the extension and names empty names', () => {
    expect(uniqueNames([{ name: 'a.yaml', text: '' }, { name: 'a.yaml', text: '' }, { name: 'a.yaml', text: '' }, { name: ' ', text: '' }, { name: 'x', text: '' }, { name: 'x', text: '' }]).map((f) => f.name)).toEqual([
      'a.yaml',
      'a (2).yaml',
      'a (3).yaml',
      'file-4.yaml',
      'x',
      'x (2)',
    ]);
  });
});

describe('revision', () => {
  it('counts every change of the files, whoever makes it, and nothing else', () => {
    const store = createStudioStore(undefined);
    const start = store.getState().revision;
    const file = store.getState().files[0]?.name ?? '';
    store.getState().setText(file, 'a: 1\n');
    expect(store.getState().revision).toBe(start + 1);
    store.getState().setText(file, 'a: 1\n'); // the same text: no change
    store.getState().toggleShowDefaults();
    expect(store.getState().revision).toBe(start + 1);
    store.getState().importFiles([{ name: 'b.yaml', text: 'b: 2\n' }]);
    expect(store.getState().revision).toBe(start + 2);
  });
});

describe('the demo drawn at once', () => {
  const demoResult = { id: 0, analysis: { diagnostics: [], meshes: [] }, graph: { nodes: [], edges: [] }, layouts: {}, sources: ['frontend'], ms: 0, revision: 0 };

  it('shows the build-time analysis of the demo until the worker answers', () => {
    const store = createStudioStore(undefined, { demoResult });
    expect(store.getState().derived.result?.sources).toEqual(['frontend']);
    expect(store.getState().derived.pending).toBe(true);
  });

  it('not for another workspace', () => {
    const storage = new Map<string, string>();
    const backing: StateStorage = { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) };
    createStudioStore(backing).getState().importFiles([{ name: 'mine.yaml', text: 'a: 1\n' }]);
    expect(createStudioStore(backing, { demoResult }).getState().derived.result).toBeNull();
  });
});
