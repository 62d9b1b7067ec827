/** The header: title, the active file's size, import / reset, "Show default routes" and the analysing indicator. */
import { useMemo } from 'react';
import { isDemoWorkspace, useStudio, useStudioStore } from '../../state';
import { useAnalysis } from '../../worker/useAnalysis';
import { ImportButton } from './ImportButton';

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function Toolbar() {
  // Select the text (a stable string) and count on change only: not on every store update.
  const text = useStudio((s) => s.files.find((f) => f.name === s.activeFile)?.text ?? '');
  const lines = useMemo(() => lineCount(text), [text]);
  const showDefaults = useStudio((s) => s.showDefaults);
  const toggleShowDefaults = useStudio((s) => s.toggleShowDefaults);
  const store = useStudioStore();
  const { pending, result } = useAnalysis();

  return (
    <header className="toolbar">
      <h1 className="toolbar__title">Route Studio</h1>
      <span className="toolbar__status" data-testid="line-count">
        {lines} lines
      </span>
      <div className="toolbar__actions">
        <ImportButton />
        <button
          type="button"
          className="toolbar__button"
          onClick={() => {
            const { files, resetToDemo } = store.getState();
            if (isDemoWorkspace(files) || window.confirm('Replace the workspace with the demo? Your files and edits will be lost.')) resetToDemo();
          }}
        >
          Reset to demo
        </button>
        <label className="toolbar__check">
          <input type="checkbox" checked={showDefaults} onChange={toggleShowDefaults} data-testid="show-defaults" />
          Show default routes
        </label>
        <span className="toolbar__pending" data-testid="analysing" aria-live="polite" hidden={!pending}>
          analysing…
        </span>
        {!pending && result && (
          <span className="toolbar__timing" title="time the analysis worker took">
            {Math.round(result.ms)} ms
          </span>
        )}
      </div>
    </header>
  );
}
