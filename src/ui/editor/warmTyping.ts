/**
 * The first keystroke in an editor ran Monaco's typing and deleting code for the first time: the engine compiled it
 * then, and that keystroke held the page 200 to 350 ms (the next ones, 10 to 20 ms). When the editor opens, in the
 * same task, a hidden editor of one line types a character and deletes it with a Backspace key, so that the person's
 * first keystroke finds that code compiled. Nothing of it is shown, kept or sent anywhere, and the keyboard focus goes
 * back where it was. It is done as the editor opens, not later: a hidden editor takes 100 to 300 ms to make, and made
 * a few seconds later it fell on a paste or the first keystrokes.
 */
import type * as Monaco from 'monaco-editor';

let warmed = false;

export function warmTyping(monaco: typeof Monaco): void {
  if (warmed || typeof document === 'undefined') return;
  warmed = true;
  // The Backspace key goes through the keybinding dispatch only in a focused editor: it is pressed only when
  // nothing else has the focus (it is not taken from the person).
  const nothingFocused = document.activeElement === null || document.activeElement === document.body;
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:400px;height:60px;opacity:0;pointer-events:none';
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const model = monaco.editor.createModel('weight: 90\n', 'yaml');
  // Nothing that asks a language worker (a large text asks none at a keystroke; starting monaco-yaml's worker for
  // this would cost the page far more than it saves).
  const editor = monaco.editor.create(host, {
    model,
    minimap: { enabled: false },
    editContext: false,
    automaticLayout: false,
    quickSuggestions: false,
    suggestOnTriggerCharacters: false,
    lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.Off },
    hover: { enabled: false },
    codeLens: false,
    links: false,
    folding: false,
    occurrencesHighlight: 'off',
  });
  try {
    editor.setPosition({ lineNumber: 1, column: 11 });
    editor.trigger('keyboard', 'type', { text: '1' });
    const input = host.querySelector('textarea');
    if (nothingFocused && input) {
      editor.focus();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', code: 'Backspace', keyCode: 8, bubbles: true, cancelable: true }));
      input.blur();
    } else editor.trigger('keyboard', 'deleteLeft', null);
  } finally {
    editor.dispose();
    model.dispose();
    host.remove();
  }
}
