import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { demoFiles } from '../demo';
import { TYPING_PAUSE_MS } from './history';
import { createStudioStore, STORAGE_KEY } from './studioStore';

function memoryStorage(): StateStorage & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return { data, getItem: (n) => data[n] ?? null, setItem: (n, v) => void (data[n] = v), removeItem: (n) => void delete data[n] };
}

const demoText = demoFiles[0]?.text ?? '';
const demoName = demoFiles[0]?.name ?? '';
const weightPath = ['spec', 'to', 0, 'rules', 0, 'default', 'backendRefs', 1, 'weight'];

describe('undo/redo history', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes a form edit one step, undone and redone', () => {
    const store = createStudioStore(memoryStorage());
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().applyDocumentChanges({ file: demoName, documentIndex: 4 }, [{ op: 'set', path: weightPath, value: 50 }])).toBeNull();
    const edited = store.getState().files[0]?.text ?? '';
    expect(edited).toContain('weight: 50');
    expect(store.getState()).toMatchObject({ canUndo: true, canRedo: false });
    store.getState().undo();
    expect(store.getState().files[0]?.text).toBe(demoText);
    expect(store.getState()).toMatchObject({ canUndo: false, canRedo: true });
    store.getState().redo();
    expect(store.getState().files[0]?.text).toBe(edited);
  });

  it('writes nothing and records nothing when a change cannot be applied', () => {
    const store = createStudioStore(memoryStorage());
    expect(store.getState().applyDocumentChanges({ file: demoName, documentIndex: 4 }, [{ op: 'delete', path: ['nope'] }])).toEqual({ error: 'nope does not exist' });
    expect(store.getState().files[0]?.text).toBe(demoText);
    expect(store.getState().canUndo).toBe(false);
  });

  it('coalesces typing into steps separated by pauses', () => {
    const store = createStudioStore(memoryStorage());
    const type = (text: string) => store.getState().setText(demoName, text, { coalesce: demoName });
    type(`${demoText}a`);
    vi.advanceTimersByTime(100);
    type(`${demoText}ab`);
    vi.advanceTimersByTime(TYPING_PAUSE_MS + 1);
    type(`${demoText}abc`);
    store.getState().undo();
    expect(store.getState().files[0]?.text).toBe(`${demoText}ab`);
    store.getState().undo();
    expect(store.getState().files[0]?.text).toBe(demoText);
    expect(store.getState().canUndo).toBe(false);
  });

  it('makes an import and a reset undoable, with the active tab', () => {
    const store = createStudioStore(memoryStorage());
    store.getState().importFiles([{ name: 'a.yaml', text: 'a: 1' }]);
    store.getState().resetToDemo();
    store.getState().undo();
    expect(store.getState()).toMatchObject({ files: [{ name: 'a.yaml', text: 'a: 1' }], activeFile: 'a.yaml' });
    store.getState().undo();
    expect(store.getState().files).toEqual(demoFiles);
    expect(store.getState().activeFile).toBe(demoName);
  });

  it('forgets the redo steps after a new edit, and keeps history out of storage', () => {
    const storage = memoryStorage();
    const store = createStudioStore(storage);
    store.getState().setText(demoName, 'x: 1');
    store.getState().undo();
    store.getState().setText(demoName, 'y: 1');
    expect(store.getState().canRedo).toBe(false);
    const saved = JSON.stringify(JSON.parse(storage.data[STORAGE_KEY] ?? '{}'));
    expect(saved).not.toContain('canUndo');
    expect(saved).not.toContain('x: 1');
  });

  it('does not record session changes', () => {
    const store = createStudioStore(memoryStorage());
    store.getState().toggleShowDefaults();
    store.getState().selectElement('n');
    store.getState().setActiveFile(demoName);
    expect(store.getState().canUndo).toBe(false);
  });
});
