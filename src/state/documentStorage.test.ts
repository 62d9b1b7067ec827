import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { demoFiles } from '../demo';
import { LARGE_WORKSPACE_CHARS, STORAGE_KEY, type LargeWorkspaceStore } from './documentStorage';
import { createStudioStore } from './studioStore';

function memoryStorage(): StateStorage & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return { data, getItem: (n) => data[n] ?? null, setItem: (n, v) => void (data[n] = v), removeItem: (n) => void delete data[n] };
}

/** An IndexedDB stand-in that answers on a later turn, as IndexedDB does. */
function memoryLargeStore(): LargeWorkspaceStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const later = <T>(f: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(f()), 0));
  return {
    data,
    get: (k) => later(() => structuredClone(data.get(k))),
    set: (k, v) => later(() => void data.set(k, structuredClone(v))),
    del: (k) => later(() => void data.delete(k)),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const large = (seed: string) => [{ name: 'mesh.yaml', text: `# ${seed}\n${'x: 1\n'.repeat(LARGE_WORKSPACE_CHARS / 4)}` }];

describe('document storage', () => {
  it('keeps a workspace of ordinary size in localStorage, read back at once', () => {
    const storage = memoryStorage();
    const largeStore = memoryLargeStore();
    createStudioStore(storage, { largeStore }).getState().importFiles([{ name: 'a.yaml', text: 'a: 1' }]);
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '{}').state.files).toEqual([{ name: 'a.yaml', text: 'a: 1' }]);
    expect(createStudioStore(storage, { largeStore }).getState().files).toEqual([{ name: 'a.yaml', text: 'a: 1' }]);
  });

  it('saves a large workspace in the large store, leaves a note in localStorage, and reopens it', async () => {
    const storage = memoryStorage();
    const largeStore = memoryLargeStore();
    createStudioStore(storage, { largeStore }).getState().importFiles(large('one'));
    await settle();
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '{}')).toEqual({ storedIn: 'indexedDB', version: expect.any(Number) });
    expect(largeStore.data.has(STORAGE_KEY)).toBe(true);

    const reopened = createStudioStore(storage, { largeStore });
    expect(reopened.getState().files).toEqual(demoFiles); // IndexedDB answers asynchronously
    await settle();
    expect(reopened.getState().files).toEqual(large('one'));
  });

  it('a small workspace saved after a large one replaces it (and its note), even while the large write is on its way', async () => {
    const storage = memoryStorage();
    const largeStore = memoryLargeStore();
    const store = createStudioStore(storage, { largeStore });
    store.getState().importFiles(large('one'));
    store.getState().importFiles([{ name: 'small.yaml', text: 'b: 2' }]); // before the large write finished
    await settle();
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '{}').state.files).toEqual([{ name: 'small.yaml', text: 'b: 2' }]);
    expect(largeStore.data.has(STORAGE_KEY)).toBe(false);
    expect(createStudioStore(storage, { largeStore }).getState().files).toEqual([{ name: 'small.yaml', text: 'b: 2' }]);
  });

  it('opens the demo when the note points to nothing', async () => {
    const storage = memoryStorage();
    storage.data[STORAGE_KEY] = JSON.stringify({ storedIn: 'indexedDB', version: 1 });
    const store = createStudioStore(storage, { largeStore: memoryLargeStore() });
    await settle();
    expect(store.getState().files).toEqual(demoFiles);
  });

  it('without a large store, every workspace goes to localStorage', () => {
    const storage = memoryStorage();
    createStudioStore(storage).getState().importFiles(large('two'));
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '{}').state.files).toEqual(large('two'));
  });

  describe('when the page goes away', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('writes a large workspace whose IndexedDB write is still on its way to localStorage at once', async () => {
      const page = new EventTarget();
      vi.stubGlobal('window', page);
      vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
      const storage = memoryStorage();
      // The save worker goes with the page: its write never answers.
      const stuck: LargeWorkspaceStore = { get: () => Promise.resolve(undefined), set: () => new Promise<void>(() => {}), del: () => Promise.resolve() };
      createStudioStore(storage, { largeStore: stuck, writeDelayMs: 5 }).getState().importFiles(large('one'));
      await settle(); // the write waited for the pause in typing, then went to the large store
      expect(storage.data[STORAGE_KEY]).toBeUndefined();
      page.dispatchEvent(new Event('pagehide'));
      expect(JSON.parse(storage.data[STORAGE_KEY] ?? '{}').state.files).toEqual(large('one'));
      vi.unstubAllGlobals();
      expect(createStudioStore(storage, { largeStore: stuck }).getState().files).toEqual(large('one'));
    });
  });
});
