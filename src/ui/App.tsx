/** The app shell: composes the store, the analysis driver and the panes. Computes nothing itself. */
import { lazy, Suspense } from 'react';
import { StudioProvider, type StudioStore } from '../state';
import { useAnalysisDriver } from '../worker/useAnalysis';
import EditorPane from './editor/EditorPane';
import { ErrorBoundary } from './ErrorBoundary';
import ProblemsPanel from './panels/ProblemsPanel';
import { FileTabs } from './toolbar/FileTabs';
import { Toolbar } from './toolbar/Toolbar';

const GraphPane = lazy(() => import('./graph/GraphPane'));

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
            <Suspense fallback={<div className="app__loading">Loading graph…</div>}>
              <GraphPane />
            </Suspense>
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
