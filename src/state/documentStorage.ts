/**
 * Where the document (files and active tab) is saved, as zustand's persist middleware wants it.
 * - A workspace of ordinary size is JSON in localStorage: read synchronously, so a reload opens on it at once.
 * - A large one (over LARGE_WORKSPACE_CHARS) goes to IndexedDB instead, whose writes do not hold the page: writing
 *   5 MB to localStorage took the page 35 ms on a quiet machine and over 300 ms on a busy one. localStorage then keeps
 *   only a note saying where it is, and the reload reads it asynchronously.
 * Writes wait until typing pauses (`writeDelayMs`). When the page is hidden or closed, a waiting write is made at
 * once, to localStorage whatever its size (an IndexedDB write might not finish before the page is gone). A storage
 * that fails (quota, private mode) loses persistence, never the session; saved data that cannot be read is kept
 * aside under UNREADABLE_KEY, never overwritten.
 */
import type { PersistStorage, StateStorage, StorageValue } from 'zustand/middleware';
import { migrateDocument, STORAGE_VERSION } from './migrations';
import type { DocumentState, StudioFile } from './studioStore';

export const STORAGE_KEY = 'route-studio:document';
/** Where saved data that could not be read is kept, so a failed upgrade never loses a workspace. */
export const UNREADABLE_KEY = 'route-studio:document:unreadable';
/** Above this many characters of text, the workspace is saved in the large store (IndexedDB). */
export const LARGE_WORKSPACE_CHARS = 256 * 1024;

/** An asynchronous key-value store for large workspaces (idb-keyval's get/set/del in the browser). */
export interface LargeWorkspaceStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** What localStorage holds when the workspace itself is in the large store. */
interface LargeStoreNote {
  storedIn: 'indexedDB';
  version: number;
}

function isLargeStoreNote(value: unknown): value is LargeStoreNote {
  return typeof value === 'object' && value !== null && (value as Partial<LargeStoreNote>).storedIn === 'indexedDB';
}

export function isDocumentState(value: unknown): value is DocumentState {
  if (typeof value !== 'object' || value === null) return false;
  const { files, activeFile } = value as Record<string, unknown>;
  return (
    typeof activeFile === 'string' &&
    Array.isArray(files) &&
    files.length > 0 &&
    files.every((f: unknown) => typeof f === 'object' && f !== null && typeof (f as StudioFile).name === 'string' && typeof (f as StudioFile).text === 'string')
  );
}

const textLength = (state: DocumentState) => state.files.reduce((sum, f) => sum + f.text.length, 0);

function keepAside(backing: StateStorage, raw: string): void {
  try {
    void backing.setItem(UNREADABLE_KEY, raw);
  } catch {
    // No room to keep it: nothing more can be done without losing the session.
  }
}

/** A saved value, migrated and checked; null (and kept aside) when it cannot be read. */
function readSaved(backing: StateStorage, value: unknown, raw: () => string): StorageValue<DocumentState> | null {
  try {
    const saved = value as StorageValue<DocumentState>;
    const state = migrateDocument(saved.state, saved.version ?? 0);
    if (!isDocumentState(state)) throw new Error('unreadable workspace');
    return { state, version: STORAGE_VERSION };
  } catch {
    keepAside(backing, raw());
    return null;
  }
}

export function documentStorage(storage: StateStorage | undefined, writeDelayMs: number, large: LargeWorkspaceStore | null): PersistStorage<DocumentState> | undefined {
  const backing = storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
  if (!backing) return undefined;
  let written: DocumentState | null = null;
  let queued: { name: string; value: StorageValue<DocumentState> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Counts writes: a large write finishing late must not replace the note of a later, small one. */
  let writes = 0;
  /** A large write the store has not confirmed yet: if the page goes away first, it is written at once instead. */
  let unconfirmed: { name: string; value: StorageValue<DocumentState> } | null = null;

  const warn = (error: unknown) => console.warn('Route Studio: the workspace could not be saved in this browser', error);
  /** `now`: the page is going away (or hidden), so the write must be done before this returns: localStorage. */
  const flush = (now = false) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    // The page is going away while IndexedDB may not have the last large write yet (its worker goes with the page).
    if (now && !queued && unconfirmed) queued = unconfirmed;
    if (!queued) return;
    const { name, value } = queued;
    queued = null;
    const write = ++writes;
    try {
      if (large && !now && textLength(value.state) > LARGE_WORKSPACE_CHARS) {
        const note: LargeStoreNote = { storedIn: 'indexedDB', version: value.version ?? STORAGE_VERSION };
        unconfirmed = { name, value };
        large.set(name, value).then(() => {
          if (write !== writes) return;
          unconfirmed = null;
          backing.setItem(name, JSON.stringify(note));
        }, warn);
      } else {
        unconfirmed = null;
        backing.setItem(name, JSON.stringify(value));
        if (large) large.del(name).catch(warn);
      }
    } catch (error) {
      warn(error);
    }
  };
  if (writeDelayMs > 0 && typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => flush(true));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush(true);
    });
  }

  return {
    getItem(name) {
      let raw: string | null = null;
      try {
        const item = backing.getItem(name);
        if (typeof item !== 'string') return null;
        raw = item;
        const value: unknown = JSON.parse(item);
        if (isLargeStoreNote(value) && large) {
          return large.get(name).then(
            (saved) => (saved === undefined ? null : readSaved(backing, saved, () => JSON.stringify(saved))),
            () => null,
          );
        }
        return readSaved(backing, value, () => item);
      } catch {
        if (raw !== null) keepAside(backing, raw);
        return null;
      }
    },
    setItem(name, value) {
      if (written && written.files === value.state.files && written.activeFile === value.state.activeFile) return;
      written = value.state;
      queued = { name, value };
      if (writeDelayMs <= 0) flush();
      else {
        // Written once typing pauses, never mid-word.
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => flush(), writeDelayMs);
      }
    },
    removeItem(name) {
      queued = null;
      backing.removeItem(name);
      if (large) large.del(name).catch(warn);
    },
  };
}
