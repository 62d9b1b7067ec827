/**
 * The first keystroke in an editor ran Monaco's typing and deleting code for the first time: the engine compiled it
 * then, and that keystroke held the page 200 to 350 ms (the next ones, 10 to 20 ms). A few seconds after the editor
 * opens, when the page is idle, a hidden editor of one line types a character and deletes it with a Backspace key,
 * so that the person's first keystroke finds that code compiled. Nothing of it is shown, kept or sent anywhere, and
 * the keyboard focus goes back where it was.
 */
import type * as Monaco from 'monaco-editor';

let warmed = false;
const WARM_AFTER_MS = 3000;

export function warmTypingWhenIdle(monaco: typeof Monaco): void {
  if (warmed || typeof document === 'undefined') return;
  warmed = true;
  // A few seconds after the editor opens, so that the first drawing never waits for it.
  const idle = (run: () => void) => setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 5000 }) : run()), WARM_AFTER_MS);
  idle(() => {
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
  });
}
