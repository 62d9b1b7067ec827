/** One tab per file of the workspace: click to edit it, × to close it (undoable), + for a new empty tab to paste into. */
import { useShallow } from 'zustand/react/shallow';
import { newFile, useStudio, useStudioStore } from '../../state';
import { useWorkspaceActions } from '../workspace/useWorkspaceActions';

export function FileTabs() {
  const names = useStudio(useShallow((s) => s.files.map((f) => f.name)));
  const activeFile = useStudio((s) => s.activeFile);
  const setActiveFile = useStudio((s) => s.setActiveFile);
  const store = useStudioStore();
  const actions = useWorkspaceActions();
  return (
    <div className="file-tabs">
      <nav className="file-tabs__list" aria-label="Files">
        {names.map((name) => (
          <span key={name} className={`file-tabs__item${name === activeFile ? ' file-tabs__item--active' : ''}`}>
            <button type="button" aria-current={name === activeFile ? 'true' : undefined} className="file-tabs__tab" data-testid="file-tab" title={name} onClick={() => setActiveFile(name)}>
              {name}
            </button>
            <button type="button" className="file-tabs__close" aria-label={`Close ${name}`} data-testid="close-tab" onClick={() => actions.close(name)}>
              ×
            </button>
          </span>
        ))}
      </nav>
      <button type="button" className="file-tabs__new" aria-label="New tab" title="New empty tab (paste into it; it is named after what it holds)" onClick={() => newFile(store)}>
        +
      </button>
    </div>
  );
}
