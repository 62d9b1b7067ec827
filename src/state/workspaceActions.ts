/**
 * Whole-workspace operations of the import, examples, share-link and tab UI, written on the store with `setState`:
 * the store's history records each as one step, which its `undo()` takes back. Each returns the document as it
 * was before (null when nothing changed).
 */
import type { DocumentState, StudioFile, StudioStore } from './studioStore';
import { uniqueNames } from './studioStore';

export function currentDocument(store: StudioStore): DocumentState {
  const { files, activeFile } = store.getState();
  return { files, activeFile };
}

/** Replaces every tab; a new workspace number keeps editor models of the old one from being reused. */
export function replaceWorkspace(store: StudioStore, files: readonly StudioFile[], activeFile?: string): DocumentState | null {
  const named = uniqueNames(files);
  if (named.length === 0) return null;
  const before = currentDocument(store);
  const active = activeFile !== undefined && named.some((f) => f.name === activeFile) ? activeFile : (named[0]?.name ?? '');
  store.setState((s) => ({ files: named, activeFile: active, selection: null, selectedId: null, focusSource: null, workspace: s.workspace + 1 }));
  return before;
}

/** Adds tabs after the existing ones (a name already taken gets a suffix) and opens the first added. */
export function addToWorkspace(store: StudioStore, files: readonly StudioFile[]): DocumentState | null {
  if (files.length === 0) return null;
  const before = currentDocument(store);
  const all = uniqueNames([...before.files, ...files]);
  store.setState({ files: all, activeFile: all[before.files.length]?.name ?? before.activeFile });
  return before;
}

/** Closes a tab; closing the last one leaves an empty tab, never a workspace without a file. */
export function closeFile(store: StudioStore, name: string): DocumentState | null {
  const before = currentDocument(store);
  const index = before.files.findIndex((f) => f.name === name);
  if (index < 0) return null;
  const rest = before.files.filter((_, i) => i !== index);
  const files = rest.length > 0 ? rest : [{ name: untitledName([]), text: '' }];
  const activeFile = before.activeFile !== name ? before.activeFile : (files[Math.min(index, files.length - 1)]?.name ?? '');
  store.setState((s) => ({ files, activeFile, selection: null, selectedId: null, workspace: rest.length > 0 ? s.workspace : s.workspace + 1 }));
  return before;
}

/** Opens a new empty tab `untitled-N.yaml`, to paste into. */
export function newFile(store: StudioStore): string {
  const { files } = store.getState();
  const name = untitledName(files.map((f) => f.name));
  store.setState({ files: [...files, { name, text: '' }], activeFile: name });
  return name;
}

/** Renames a tab (to a free name); the text is kept. */
export function renameFile(store: StudioStore, from: string, to: string): void {
  const { files, activeFile } = store.getState();
  if (!files.some((f) => f.name === from) || from === to) return;
  const others = files.filter((f) => f.name !== from);
  const free = uniqueNames([...others, { name: to, text: '' }]).at(-1)?.name ?? to;
  store.setState({ files: files.map((f) => (f.name === from ? { name: free, text: f.text } : f)), activeFile: activeFile === from ? free : activeFile, selection: null });
}

const UNTITLED = /^untitled-\d+\.yaml$/;

/** A name the app gave a tab itself (it may be replaced by one that says what the tab holds). */
export function isUntitled(name: string): boolean {
  return UNTITLED.test(name);
}

function untitledName(taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = `untitled-${n}.yaml`;
    if (!taken.includes(name)) return name;
  }
}
