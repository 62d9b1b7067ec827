/** The app shell: composes the store, the analysis driver and the panes. Computes nothing itself. */
import { Group, Panel, Separator } from 'react-resizable-panels';
import { StudioProvider, type StudioStore } from '../state';
import { useAnalysisDriver } from '../worker/useAnalysis';
import EditorPane from './editor/EditorPane';
import { ErrorBoundary } from './ErrorBoundary';
// In the first chunk: the demo's graph is drawn from its build-time analysis, before Monaco loads.
import GraphPane from './graph/GraphPane';
import { useNarrow } from './layout/useNarrow';
import ProblemsPanel from './panels/ProblemsPanel';
import { FileTabs } from './toolbar/FileTabs';
import { Toolbar } from './toolbar/Toolbar';
import { ImportProvider } from './workspace/ImportProvider';
import { NoticeProvider } from './workspace/notices';
import { useOpenSharedLink } from './workspace/ShareButton';
import { useTabNaming } from './workspace/tabNaming';
import { useWindowImport } from './workspace/useWindowDrop';

/** The library scrolls a panel's content; ours lays itself out and scrolls inside (the editor, the problems). */
const PANE_STYLE = { overflow: 'hidden' } as const;

function Studio() {
  useAnalysisDriver();
  useOpenSharedLink();
  useTabNaming();
  const dragging = useWindowImport();
  const narrow = useNarrow();
  return (
    <div className="app">
      <Toolbar />
      <main className="app__main">
        <Group key={narrow ? 'stacked' : 'side-by-side'} orientation={narrow ? 'vertical' : 'horizontal'} className="app__panes">
          <Panel id="editor-panel" defaultSize="45%" minSize={narrow ? 160 : 280} className="app__pane app__pane--editor" style={PANE_STYLE}>
            <FileTabs />
            <div className="app__editor">
              <ErrorBoundary what="the editor">
                <EditorPane />
              </ErrorBoundary>
            </div>
            <ErrorBoundary what="the problems list">
              <ProblemsPanel />
            </ErrorBoundary>
          </Panel>
          <Separator className="app__splitter" aria-label="Resize the editor and the graph" />
          <Panel id="graph-panel" minSize={narrow ? 160 : 280} className="app__pane app__pane--graph" style={PANE_STYLE}>
            <ErrorBoundary what="the graph">
              <GraphPane />
            </ErrorBoundary>
          </Panel>
        </Group>
      </main>
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          Drop YAML files to import them
        </div>
      )}
    </div>
  );
}

export default function App({ store }: { store?: StudioStore }) {
  return (
    <StudioProvider store={store}>
      <NoticeProvider>
        <ImportProvider>
          <Studio />
        </ImportProvider>
      </NoticeProvider>
    </StudioProvider>
  );
}
