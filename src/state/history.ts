/**
 * One undo/redo history of the document state (files + active tab). It wraps the store's `set`: any update that
 * changes `files` becomes a step, whoever makes it (a form or graph edit, a quick fix, typing, an import, a reset,
 * closing a tab). Typing is coalesced: changes with the same `coalesce` key, each within `pauseMs` of the last,
 * make one step. The stacks live here, outside the state, so they are never persisted.
 */
import type { StoreApi } from 'zustand/vanilla';

export interface DocumentSnapshot {
  files: readonly { name: string; text: string }[];
  activeFile: string;
}

export interface HistoryFlags {
  canUndo: boolean;
  canRedo: boolean;
}

/** Typing in one file (or one form field) pauses for this long before the next change starts a new step. */
export const TYPING_PAUSE_MS = 800;
/** Steps kept; the oldest are forgotten. */
export const MAX_STEPS = 200;

type SetState<S> = StoreApi<S>['setState'];

export interface History<S> {
  /** The `set` the store's actions use: records a step when `files` changes. */
  set: SetState<S>;
  /** Makes the next `files` change part of the current step when `key` and the last step's key match (typing). */
  coalesceNext(key: string): void;
  undo(): void;
  redo(): void;
}

export function createHistory<S extends DocumentSnapshot & HistoryFlags>(set: SetState<S>, get: () => S, now: () => number = Date.now): History<S> {
  const past: DocumentSnapshot[] = [];
  const future: DocumentSnapshot[] = [];
  let lastKey: string | null = null;
  let lastTime = -Infinity;
  let nextKey: string | null = null;

  const snapshot = (s: S): DocumentSnapshot => ({ files: s.files, activeFile: s.activeFile });
  const flags = (): HistoryFlags => ({ canUndo: past.length > 0, canRedo: future.length > 0 });

  const recordingSet: SetState<S> = (partial, replace?: boolean) => {
    const before = get();
    const key = nextKey;
    nextKey = null;
    (set as (p: typeof partial, r?: boolean) => void)(partial, replace);
    const after = get();
    if (after.files === before.files) return;
    const time = now();
    const coalesced = key !== null && key === lastKey && time - lastTime < TYPING_PAUSE_MS && past.length > 0;
    lastKey = key;
    lastTime = time;
    if (!coalesced) {
      past.push(snapshot(before));
      if (past.length > MAX_STEPS) past.shift();
    }
    future.length = 0;
    const next = flags();
    if (after.canUndo !== next.canUndo || after.canRedo !== next.canRedo) set(next as Partial<S>);
  };

  const restore = (from: DocumentSnapshot[], to: DocumentSnapshot[]) => {
    const target = from.pop();
    if (!target) return;
    to.push(snapshot(get()));
    lastKey = null;
    const files = target.files.map((f) => ({ name: f.name, text: f.text }));
    const activeFile = files.some((f) => f.name === target.activeFile) ? target.activeFile : (files[0]?.name ?? '');
    set({ files, activeFile, ...flags() } as unknown as Partial<S>);
  };

  return {
    set: recordingSet,
    coalesceNext(key) {
      nextKey = key;
    },
    undo: () => restore(past, future),
    redo: () => restore(future, past),
  };
}
