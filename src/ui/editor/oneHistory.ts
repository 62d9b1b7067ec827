/**
 * Monaco keeps an undo stack per model; Route Studio keeps one history for editor, form, graph and fixes. Every way
 * into Monaco's own undo and redo goes to the app's instead: the keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), "Undo" and
 * "Redo" in the editor's context menu, and the command palette's Undo/Redo (Monaco's `undo` command calls the
 * model's `undo()`, which is redirected for every model the editor shows).
 */
import type { monaco as Monaco } from './monacoSetup';

type Editor = Monaco.editor.IStandaloneCodeEditor;

export interface HistoryCallbacks {
  undo(): void;
  redo(): void;
}

export function routeUndoToAppHistory(monaco: typeof Monaco, editor: Editor, history: HistoryCallbacks): Monaco.IDisposable {
  const { KeyMod, KeyCode } = monaco;
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, () => history.undo());
  editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, () => history.redo());
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyY, () => history.redo());
  const actions = [
    editor.addAction({ id: 'route-studio.undo', label: 'Undo', contextMenuGroupId: '0_history', contextMenuOrder: 1, run: () => history.undo() }),
    editor.addAction({ id: 'route-studio.redo', label: 'Redo', contextMenuGroupId: '0_history', contextMenuOrder: 2, run: () => history.redo() }),
  ];
  const redirect = (model: Monaco.editor.ITextModel | null) => {
    if (!model) return;
    model.undo = () => history.undo();
    model.redo = () => history.redo();
  };
  redirect(editor.getModel());
  const onModel = editor.onDidChangeModel(() => redirect(editor.getModel()));
  return { dispose: () => [...actions, onModel].forEach((d) => d.dispose()) };
}
