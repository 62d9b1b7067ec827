/**
 * Undo for the actions that replace or remove work (import-replace, example, link, reset, tab close).
 * When the store has an undo history (`undo()`, from the editing work), that is used: the action was one step of it.
 * Otherwise the document saved before the action is put back. Swap this module for the history alone once every
 * store in use has one.
 */
import type { DocumentState, StudioStore } from './studioStore';

type WithUndo = { undo?: () => void };

export function undoWorkspaceChange(store: StudioStore, before: DocumentState): void {
  const history = store.getState() as unknown as WithUndo;
  if (typeof history.undo === 'function') {
    history.undo();
    return;
  }
  store.setState((s) => ({ files: before.files, activeFile: before.activeFile, selection: null, selectedId: null, focusSource: null, workspace: s.workspace + 1 }));
}
