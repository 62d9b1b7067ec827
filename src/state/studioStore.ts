/**
 * The one store of Route Studio, from a factory (one per app, one per test).
 * - document state (persisted: localStorage, IndexedDB for a large workspace): the files and the active tab;
 * - session state (not persisted): the editor selection request, "show default routes", the selected graph element;
 * - derived state (not persisted, never edited by hand): the latest analysis result for the current text,
 *   written only by the analysis driver (src/worker/useAnalysis.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, type StateStorage } from 'zustand/middleware';
import type { ChangeTarget, DocumentChange, KumaModelOption, SourceFile, SourceLocation } from '../core';
// Edits are applied on the page (the `yaml` library only), not through core/index, which brings the whole analysis.
import { applyChanges } from '../core/edit/applyChanges';
import { demoFiles } from '../demo';
import { STORAGE_VERSION } from './migrations';
import { documentStorage, isDocumentState, type LargeWorkspaceStore } from './documentStorage';
import type { AnalysisResult } from '../worker/protocol';
import { createHistory, type HistoryFlags } from './history';

export type StudioFile = SourceFile;

/** A request for the editor to select a range; `nonce` changes so the same range can be revealed again. */
export interface EditorSelection {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  nonce: number;
  /** Move the keyboard focus to the editor too (a problem clicked); a graph click leaves the focus in the graph. */
  focus: boolean;
}

/** Where something lives in the workspace (a core SourceLocation; `path` is optional here). */
export type RevealTarget = Pick<SourceLocation, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>;

export interface DocumentState {
  files: StudioFile[];
  activeFile: string;
}

export interface SessionState {
  selection: EditorSelection | null;
  showDefaults: boolean;
  /** The source service the graph is narrowed to, or null for all. */
  focusSource: string | null;
  /** Id of the selected graph node or edge. */
  selectedId: string | null;
  /** Where the editor's cursor is (1-based line): the form shows the document under it. */
  cursor: { file: string; line: number } | null;
  /** Bumped when the workspace is replaced (import, reset), so editor models of the old workspace are not reused. */
  workspace: number;
  /** Counts changes of the document's files: the editor shows the revision it holds, the graph the one it drew. */
  revision: number;
  /** Which Kuma model resolves the meshes: chosen per mesh (`auto`), or forced. */
  kumaModel: KumaModelOption;
}

/** DERIVED: computed by the worker from the document; only the analysis driver writes it. */
export interface DerivedState {
  /** The result for the newest text analysed so far (null before the first one). */
  result: AnalysisResult | null;
  /** True while the text or options changed and their result has not arrived yet. */
  pending: boolean;
}

export interface StudioActions {
  /**
   * Replaces a file's text. With `coalesce` (typing in the editor: the file name; a form field: its path), changes
   * with the same key and no pause between them make one undo step.
   */
  setText(file: string, text: string, options?: { coalesce?: string }): void;
  /**
   * Applies typed changes (a form or graph edit, a quick fix) to one document: one undo step, or the reason it
   * could not be applied (nothing is written then).
   */
  applyDocumentChanges(target: ChangeTarget, changes: readonly DocumentChange[], options?: { coalesce?: string }): { error: string } | null;
  undo(): void;
  redo(): void;
  /** Replaces the whole workspace. Duplicate names get a suffix; an empty list is ignored. */
  importFiles(files: readonly StudioFile[]): void;
  setActiveFile(file: string): void;
  /** Opens `location.file` and asks the editor to select the range. Unknown files are ignored. */
  revealLocation(location: RevealTarget, options?: { focus?: boolean }): void;
  toggleShowDefaults(): void;
  /** Forces the Kuma 2.6 or the current model for every mesh, or lets each mesh choose (`auto`). */
  setKumaModel(model: KumaModelOption): void;
  setFocusSource(source: string | null): void;
  selectElement(id: string | null): void;
  setCursor(file: string, line: number): void;
  resetToDemo(): void;
  /** For the analysis driver only. */
  setDerived(derived: Partial<DerivedState>): void;
}

export interface StudioState extends DocumentState, SessionState, HistoryFlags, StudioActions {
  derived: DerivedState;
}

export type StudioStore = StoreApi<StudioState>;

import { STORAGE_KEY } from './documentStorage';
export { STORAGE_KEY, UNREADABLE_KEY } from './documentStorage';

function demoDocument(): DocumentState {
  const files = demoFiles.map((f) => ({ name: f.name, text: f.text }));
  return { files, activeFile: files[0]?.name ?? '' };
}

/** True when the workspace is exactly the demo (nothing to lose by resetting). */
export function isDemoWorkspace(files: readonly StudioFile[]): boolean {
  return files.length === demoFiles.length && files.every((f, i) => f.name === demoFiles[i]?.name && f.text === demoFiles[i]?.text);
}

/** Unique, non-empty names: `a.yaml`, `a (2).yaml`... */
export function uniqueNames(files: readonly StudioFile[]): StudioFile[] {
  const seen = new Set<string>();
  return files.map((file, index) => {
    const base = file.name.trim() || `file-${index + 1}.yaml`;
    let name = base;
    for (let n = 2; seen.has(name); n++) {
      const dot = base.lastIndexOf('.');
      name = dot > 0 ? `${base.slice(0, dot)} (${n})${base.slice(dot)}` : `${base} (${n})`;
    }
    seen.add(name);
    return { name, text: file.text };
  });
}

export interface StudioStoreOptions {
  /**
   * Typing changes the document on every keystroke: writes are coalesced over this many milliseconds (and flushed
   * when the page is hidden or closed). 0 writes at once.
   */
  writeDelayMs?: number;
  /**
   * The analysis of the built-in demo, computed at build time: shown at once when the workspace is the demo, so the
   * first graph does not wait for the worker (which still answers, with the same result).
   */
  demoResult?: AnalysisResult;
  /**
   * Where a workspace too large for localStorage's synchronous write is kept (IndexedDB in the browser); without
   * it, every workspace goes to the StateStorage.
   */
  largeStore?: LargeWorkspaceStore | null;
}

export function createStudioStore(storage?: StateStorage, { writeDelayMs = 0, demoResult, largeStore = null }: StudioStoreOptions = {}): StudioStore {
  let recordingSet: StudioStore['setState'] | null = null;
  const store = createStore<StudioState>()(
    persist((storeSet, get) => {
      // Every `set` below goes through the history: any change of `files` is an undo step.
      const history = createHistory<StudioState>(storeSet, get);
      const set = history.set;
      recordingSet = history.set;
      return {
        ...demoDocument(),
        canUndo: false,
        canRedo: false,
        selection: null,
        showDefaults: false,
        focusSource: null,
        selectedId: null,
        cursor: null,
        workspace: 0,
        revision: 0,
        kumaModel: 'auto',
        // The demo's build-time result is part of the initial state: a page prerendered from it hydrates with it.
        derived: { result: demoResult ? { ...demoResult, revision: 0 } : null, pending: true },

        setText(file, text, options) {
          const { files } = get();
          const index = files.findIndex((f) => f.name === file);
          if (index < 0 || files[index]?.text === text) return;
          if (options?.coalesce) history.coalesceNext(options.coalesce);
          set({ files: files.map((f, i) => (i === index ? { name: f.name, text } : f)) });
        },
        applyDocumentChanges(target, changes, options) {
          const file = get().files.find((f) => f.name === target.file);
          if (!file) return { error: `${target.file} is not open` };
          const applied = applyChanges(file.text, target.documentIndex, changes);
          if ('error' in applied) return applied;
          get().setText(target.file, applied.text, options);
          return null;
        },
        undo: history.undo,
        redo: history.redo,
        importFiles(imported) {
          const files = uniqueNames(imported);
          if (files.length === 0) return;
          set((s) => ({ files, activeFile: files[0]?.name ?? '', selection: null, selectedId: null, focusSource: null, workspace: s.workspace + 1 }));
        },
        setActiveFile(file) {
          if (get().files.some((f) => f.name === file)) set({ activeFile: file });
        },
        revealLocation(location, options) {
          if (!get().files.some((f) => f.name === location.file)) return;
          const { file, line, column, endLine, endColumn } = location;
          set((s) => ({ activeFile: file, selection: { file, line, column, endLine, endColumn, nonce: (s.selection?.nonce ?? 0) + 1, focus: options?.focus ?? true } }));
        },
        setKumaModel(kumaModel) {
          set({ kumaModel });
        },
        toggleShowDefaults() {
          set((s) => ({ showDefaults: !s.showDefaults }));
        },
        setFocusSource(source) {
          set({ focusSource: source, selectedId: null });
        },
        selectElement(id) {
          set({ selectedId: id });
        },
        setCursor(file, line) {
          const { cursor } = get();
          if (cursor?.file !== file || cursor.line !== line) set({ cursor: { file, line } });
        },
        resetToDemo() {
          set((s) => ({ ...demoDocument(), selection: null, selectedId: null, focusSource: null, workspace: s.workspace + 1 }));
        },
        setDerived(derived) {
          const current = get().derived;
          if ((derived.result === undefined || derived.result === current.result) && (derived.pending === undefined || derived.pending === current.pending)) return;
          set({ derived: { ...current, ...derived } });
        },
      };
    },
      {
        name: STORAGE_KEY,
        version: STORAGE_VERSION,
        storage: documentStorage(storage, writeDelayMs, largeStore),
        partialize: (s): DocumentState => ({ files: s.files, activeFile: s.activeFile }),
        // Anything unreadable falls back to the demo instead of a blank workspace.
        merge: (persisted, current) => {
          if (!isDocumentState(persisted)) return current;
          const files = uniqueNames(persisted.files);
          const activeFile = files.some((f) => f.name === persisted.activeFile) ? persisted.activeFile : (files[0]?.name ?? '');
          return { ...current, files, activeFile };
        },
      },
    ),
  );
  // So does every `setState` from outside (the workspace actions: import, examples, links, closing a tab).
  if (recordingSet) store.setState = recordingSet;
  // A saved workspace replaced the demo: its result is the worker's to give.
  if (demoResult && !isDemoWorkspace(store.getState().files)) store.setState({ derived: { result: null, pending: true } });
  // Every change of the files, whoever makes it (typing, import, undo), is a new revision.
  store.subscribe((state, previous) => {
    if (state.files !== previous.files) store.setState({ revision: previous.revision + 1 });
  });
  return store;
}
