/**
 * The `fixes` of the core's diagnostics as Monaco code actions (the lightbulb, Ctrl+.). Applying one runs a
 * command that hands the Fix to the app, which applies it through applyChanges and the history: one undo step.
 */
import type { Fix } from '../../core';
import { monaco } from './monacoSetup';

/** The part of an editor marker a code action needs. */
export interface FixableMarker {
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes?: Fix[];
}

export const MARKER_OWNER = 'route-studio';
let commandCount = 0;

export function registerQuickFixes(editor: monaco.editor.IStandaloneCodeEditor, markers: () => readonly FixableMarker[], apply: (fix: Fix) => void): monaco.IDisposable {
  const commandId = `route-studio.applyFix.${++commandCount}`;
  const command = monaco.editor.registerCommand(commandId, (_accessor, fix: Fix) => apply(fix));
  const provider = monaco.languages.registerCodeActionProvider('yaml', {
    provideCodeActions(model, _range, context) {
      if (model !== editor.getModel()) return { actions: [], dispose() {} };
      const actions: monaco.languages.CodeAction[] = [];
      for (const shown of context.markers) {
        if (shown.source !== MARKER_OWNER) continue;
        const marker = markers().find(
          (m) => m.message === shown.message && m.line === shown.startLineNumber && m.column === shown.startColumn && m.endLine === shown.endLineNumber && m.endColumn === shown.endColumn,
        );
        marker?.fixes?.forEach((fix, i) =>
          actions.push({ title: fix.title, kind: 'quickfix', diagnostics: [shown], isPreferred: i === 0, command: { id: commandId, title: fix.title, arguments: [fix] } }),
        );
      }
      return { actions, dispose() {} };
    },
  });
  return {
    dispose() {
      provider.dispose();
      command.dispose();
    },
  };
}
