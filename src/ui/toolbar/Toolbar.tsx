/** The header: title, the ways in and out (import, examples, export, link), reset, view options, theme, help, status. */
import { useState } from 'react';
import { demoFiles } from '../../demo';
import { useStudio } from '../../state';
import { useAnalysis } from '../../worker/useAnalysis';
import { ThemeToggle } from '../theme/ThemeToggle';
import { ExamplesButton } from '../workspace/ExamplesButton';
import { ExportButton } from '../workspace/ExportButton';
import { FirstOpenHint } from '../workspace/FirstOpenHint';
import { HelpDialog } from '../workspace/HelpButton';
import { ImportButton } from '../workspace/ImportButton';
import { ShareButton } from '../workspace/ShareButton';
import { useWorkspaceActions } from '../workspace/useWorkspaceActions';

export function Toolbar() {
  const activeFile = useStudio((s) => s.activeFile);
  const showDefaults = useStudio((s) => s.showDefaults);
  const toggleShowDefaults = useStudio((s) => s.toggleShowDefaults);
  const actions = useWorkspaceActions();
  const { pending, result } = useAnalysis();
  // Counted by the worker with the analysis: counting 100,000 lines here would lengthen a keystroke's task.
  const lines = result?.lines?.[activeFile];
  const [help, setHelp] = useState(false);

  return (
    <>
      <header className="toolbar">
        <h1 className="toolbar__title">Route Studio</h1>
        <span className="toolbar__status" data-testid="line-count">
          {lines === undefined ? '' : `${lines} lines`}
        </span>
        <div className="toolbar__actions">
          <ImportButton />
          <ExamplesButton />
          <ExportButton />
          <ShareButton />
          <button type="button" className="toolbar__button" onClick={() => actions.replace(demoFiles, 'The demo is back.')} title="Replace the workspace with the demo (undoable)">
            Reset to demo
          </button>
          <label className="toolbar__check">
            <input type="checkbox" checked={showDefaults} onChange={toggleShowDefaults} data-testid="show-defaults" />
            Show default routes
          </label>
          <ThemeToggle />
          <button type="button" className="toolbar__button" data-testid="help-button" onClick={() => setHelp(true)}>
            Help
          </button>
          <span className="toolbar__pending" data-testid="analysing" aria-live="polite" hidden={!pending}>
            analysing…
          </span>
          {!pending && result && (
            <span
              className="toolbar__timing"
              data-testid="analysis-time"
              title="How long the last analysis took: parsing, checking and resolving every file, in a background worker (typing never waits for it)"
            >
              analysed in {Math.round(result.ms)} ms
            </span>
          )}
        </div>
      </header>
      <FirstOpenHint onHelp={() => setHelp(true)} />
      <HelpDialog open={help} onClose={() => setHelp(false)} />
    </>
  );
}
