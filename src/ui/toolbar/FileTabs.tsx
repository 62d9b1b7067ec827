/** One tab per file of the workspace (shown when there is more than one); click to edit that file. */
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../../state';

export function FileTabs() {
  const names = useStudio(useShallow((s) => s.files.map((f) => f.name)));
  const activeFile = useStudio((s) => s.activeFile);
  const setActiveFile = useStudio((s) => s.setActiveFile);
  if (names.length < 2) return null;
  return (
    <nav className="file-tabs" role="tablist" aria-label="Files">
      {names.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === activeFile}
          className={`file-tabs__tab${name === activeFile ? ' file-tabs__tab--active' : ''}`}
          data-testid="file-tab"
          onClick={() => setActiveFile(name)}
        >
          {name}
        </button>
      ))}
    </nav>
  );
}
