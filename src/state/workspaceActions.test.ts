import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { demoFiles } from '../demo';
import { createStudioStore, STORAGE_KEY, UNREADABLE_KEY } from './studioStore';
import { addToWorkspace, closeFile, newFile, renameFile, replaceWorkspace } from './workspaceActions';
import { migrateDocument, STORAGE_VERSION } from './migrations';

function memory(initial: Record<string, string> = {}): StateStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v), removeItem: (k) => void delete data[k] };
}

const a = { name: 'a.yaml', text: 'a: 1' };
const b = { name: 'b.yaml', text: 'b: 1' };

describe('workspace actions', () => {
  it('replace (a new workspace number), then undo, brings the old workspace back: one step of the history', () => {
    const store = createStudioStore(memory());
    const first = store.getState().workspace;
    const before = replaceWorkspace(store, [a, b], 'b.yaml');
    expect(store.getState().files).toEqual([a, b]);
    expect(store.getState().activeFile).toBe('b.yaml');
    expect(store.getState().workspace).toBe(first + 1);
    expect(before?.files).toEqual(demoFiles);
    store.getState().undo();
    expect(store.getState().files).toEqual(demoFiles);
    expect(store.getState().activeFile).toBe(demoFiles[0]?.name);
  });

  it('add keeps the open tabs, renames clashes and opens the first added', () => {
    const store = createStudioStore(memory());
    replaceWorkspace(store, [a]);
    addToWorkspace(store, [{ name: 'a.yaml', text: 'other' }, b]);
    expect(store.getState().files.map((f) => f.name)).toEqual(['a.yaml', 'a (2).yaml', 'b.yaml']);
    expect(store.getState().activeFile).toBe('a (2).yaml');
  });

  it('close opens the neighbour; closing the last tab leaves an empty untitled one', () => {
    const store = createStudioStore(memory());
    replaceWorkspace(store, [a, b]);
    store.getState().setActiveFile('a.yaml');
    closeFile(store, 'a.yaml');
    expect(store.getState().files).toEqual([b]);
    expect(store.getState().activeFile).toBe('b.yaml');
    expect(closeFile(store, 'b.yaml')?.files).toEqual([b]);
    expect(store.getState().files).toEqual([{ name: 'untitled-1.yaml', text: '' }]);
    store.getState().undo();
    expect(store.getState().files).toEqual([b]);
    expect(closeFile(store, 'nope.yaml')).toBeNull();
  });

  it('new tabs are untitled-N; a rename keeps the text and takes a free name', () => {
    const store = createStudioStore(memory());
    replaceWorkspace(store, [a, b]);
    expect(newFile(store)).toBe('untitled-1.yaml');
    expect(newFile(store)).toBe('untitled-2.yaml');
    store.getState().setText('untitled-1.yaml', 'x: 1');
    store.getState().setActiveFile('untitled-1.yaml');
    renameFile(store, 'untitled-1.yaml', 'b.yaml');
    expect(store.getState().files.map((f) => f.name)).toEqual(['a.yaml', 'b.yaml', 'b (2).yaml', 'untitled-2.yaml']);
    expect(store.getState().files[2]?.text).toBe('x: 1');
    expect(store.getState().activeFile).toBe('b (2).yaml');
  });
});

describe('saved workspace versions', () => {
  it('reads data of the current version', () => {
    const saved = JSON.stringify({ state: { files: [a], activeFile: 'a.yaml' }, version: STORAGE_VERSION });
    expect(createStudioStore(memory({ [STORAGE_KEY]: saved })).getState().files).toEqual([a]);
  });

  it('keeps unreadable data aside instead of losing it, and opens the demo', () => {
    const storage = memory({ [STORAGE_KEY]: '{"state": {"files": 3}, "version": 1}' });
    const store = createStudioStore(storage);
    expect(store.getState().files).toEqual(demoFiles);
    expect(storage.data[UNREADABLE_KEY]).toBe('{"state": {"files": 3}, "version": 1}');
  });

  it('migrates step by step, and leaves data it has no step for as it is', () => {
    expect(migrateDocument({ x: 1 }, STORAGE_VERSION)).toEqual({ x: 1 });
    expect(migrateDocument({ x: 1 }, 0)).toEqual({ x: 1 });
  });
});
