/**
 * The browser's LargeWorkspaceStore: IndexedDB through idb-keyval, with writes made by a small worker (saveWorker.ts)
 * so that serialising a large workspace never holds the page. The worker keeps the texts it last wrote, and a write
 * sends each file as what changed since (fileUpdates.ts): posting 2 MB of text cost the page over 40 ms. A text
 * sent whole (a pasted workspace's first write) goes in parts, each posted in a task of its own. Reads happen once,
 * at load, on the page.
 */
import { del, get } from 'idb-keyval';
import { FileUpdateSender, inParts } from '../worker/fileUpdates';
import type { LargeWorkspaceStore } from './documentStorage';
import type { SavePart, SaveRequest } from './saveWorker';
import type { DocumentState } from './studioStore';

/** A persisted value whose state holds files (what documentStorage writes): its texts travel as updates. */
function withFiles(value: unknown): { state: DocumentState } | null {
  const state = (value as { state?: Partial<DocumentState> } | null)?.state;
  return state && Array.isArray(state.files) ? (value as { state: DocumentState }) : null;
}

/** A whole text longer than this goes to the worker in parts of this size, each in a task of its own. */
const PART_CHARS = 256 * 1024;

export function browserLargeStore(): LargeWorkspaceStore | null {
  if (typeof indexedDB === 'undefined' || typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  let nextId = 0;
  const sender = new FileUpdateSender();
  const waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();
  /** The last message posted or waiting for its turn. */
  let posted = Promise.resolve();
  const saver = () => {
    if (worker) return worker;
    worker = new Worker(new URL('./saveWorker.ts', import.meta.url), { type: 'module', name: 'route-studio-save' });
    worker.onmessage = (event: MessageEvent<{ id: number; error?: string }>) => {
      const { id, error } = event.data;
      const pending = waiting.get(id);
      waiting.delete(id);
      if (error) {
        sender.reset(); // the worker may not hold what the sender thinks: the next write sends every file whole
        pending?.reject(new Error(error));
      } else pending?.resolve();
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
        const persisted = withFiles(value);
        const { parts, last } = persisted ? inParts(sender.updates(persisted.state.files), PART_CHARS) : { parts: [], last: undefined };
        const request: SaveRequest = persisted
          ? { id, key, value: { ...persisted, state: { ...persisted.state, files: persisted.state.files.map((f) => ({ ...f, text: '' })) } }, files: last }
          : { id, key, value };
        // In order: a long text's parts each in a task of its own, then the request (at once when nothing waits).
        const post = (message: SaveRequest | SavePart) => {
          try {
            saver().postMessage(message);
          } catch (error) {
            waiting.delete(id);
            sender.reset();
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
        for (const part of parts) posted = posted.then(() => new Promise<void>((sent) => setTimeout(() => sent(post({ part })), 0)));
        posted = posted.then(() => post(request));
      });
    },
  };
}
