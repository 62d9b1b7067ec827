/**
 * The browser's LargeWorkspaceStore: IndexedDB through idb-keyval, with writes made by a small worker (saveWorker.ts)
 * so that serialising a large workspace never holds the page. Reads happen once, at load, on the page.
 */
import { del, get } from 'idb-keyval';
import type { LargeWorkspaceStore } from './documentStorage';

export function browserLargeStore(): LargeWorkspaceStore | null {
  if (typeof indexedDB === 'undefined' || typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();
  const saver = () => {
    if (worker) return worker;
    worker = new Worker(new URL('./saveWorker.ts', import.meta.url), { type: 'module', name: 'route-studio-save' });
    worker.onmessage = (event: MessageEvent<{ id: number; error?: string }>) => {
      const { id, error } = event.data;
      const pending = waiting.get(id);
      waiting.delete(id);
      if (error) pending?.reject(new Error(error));
      else pending?.resolve();
    };
    return worker;
  };
  return {
    get,
    del,
    set(key, value) {
      return new Promise<void>((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { resolve, reject });
        saver().postMessage({ id, key, value });
      });
    },
  };
}
