/** The app shell: composes the store, the analysis driver and the panes. Computes nothing itself. */
import { StudioProvider, type StudioStore } from '../state';
import { useAnalysisDriver } from '../worker/useAnalysis';
import EditorPane from './editor/EditorPane';
import { ErrorBoundary } from './ErrorBoundary';
// In the first chunk: the demo's graph is drawn from its build-time analysis, before Monaco loads.
import GraphPane from './graph/GraphPane';
import ProblemsPanel from './panels/ProblemsPanel';
import { FileTabs } from './toolbar/FileTabs';
import { Toolbar } from './toolbar/Toolbar';

function Studio() {
  useAnalysisDriver();
  return (
    <div className="app">
      <Toolbar />
      <main className="app__main">
        <div className="app__left">
          <FileTabs />
          <div className="app__editor">
            <ErrorBoundary what="the editor">
              <EditorPane />
            </ErrorBoundary>
          </div>
          <ErrorBoundary what="the problems list">
            <ProblemsPanel />
          </ErrorBoundary>
        </div>
        <div className="app__right">
          <ErrorBoundary what="the graph">
            <GraphPane />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}

export default function App({ store }: { store?: StudioStore }) {
  return (
    <StudioProvider store={store}>
      <Studio />
    </StudioProvider>
  );
}
