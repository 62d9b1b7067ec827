/**
 * The active file in Monaco (loaded lazily, out of the first paint), with the analysis' diagnostics as markers and
 * their quick fixes as code actions; the form view beside or instead of it. Undo and redo go to the store's history.
 */
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Fix } from '../../core';
import { useStudio } from '../../state';
import { cursorRegion, markersOf } from './editorMarkers';
import { useAnalysisResult } from '../../worker/useAnalysis';
import { useHistoryShortcuts } from '../history/useHistoryShortcuts';
import { useTheme } from '../theme/theme';
import type { EditorMarker, EditorReveal } from './YamlEditor';
import './editorViews.css';

const YamlEditor = lazy(() => import('./YamlEditor'));
const FormPane = lazy(() => import('../form/FormPane'));

const NO_MARKERS: EditorMarker[] = [];

/**
 * True once the page has painted and had a moment to itself: Monaco (megabytes of script) starts loading only then,
 * so that it never delays the first graph.
 */
function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let idle = 0;
    const frame = requestAnimationFrame(() => {
      idle = requestIdleCallback(() => setReady(true), { timeout: 300 });
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelIdleCallback(idle);
    };
  }, []);
  return ready;
}

type View = 'yaml' | 'both' | 'form';
const VIEWS: { view: View; label: string }[] = [
  { view: 'yaml', label: 'YAML' },
  { view: 'both', label: 'YAML + form' },
  { view: 'form', label: 'Form' },
];

/** One Monaco model per tab and workspace: models of a replaced workspace are never reused. */
function modelPath(workspace: number, file: string): string {
  return `inmemory://workspace-${workspace}/${encodeURIComponent(file)}`;
}

export default function EditorPane() {
  const activeFile = useStudio((s) => s.activeFile);
  const text = useStudio((s) => s.files.find((f) => f.name === s.activeFile)?.text ?? '');
  const fileNames = useStudio(useShallow((s) => s.files.map((f) => f.name)));
  const workspace = useStudio((s) => s.workspace);
  const selection = useStudio((s) => s.selection);
  const setText = useStudio((s) => s.setText);
  const revision = useStudio((s) => s.revision);
  const ready = useAfterFirstPaint();
  const undo = useStudio((s) => s.undo);
  const redo = useStudio((s) => s.redo);
  const setCursor = useStudio((s) => s.setCursor);
  const applyDocumentChanges = useStudio((s) => s.applyDocumentChanges);
  // The markers follow a result in a render of their own (a transition), not in the task that received it.
  const result = useDeferredValue(useAnalysisResult());
  const [view, setView] = useState<View>('yaml');
  useHistoryShortcuts();
  const { theme } = useTheme();

  // Keyed on the diagnostics themselves: a result whose problems did not change keeps the same array (the worker
  // leaves unchanged parts out), so Monaco's markers are not set again.
  const allDiagnostics = result?.analysis.diagnostics;
  const region = useStudio((s) => cursorRegion(s.cursor?.file === s.activeFile ? s.cursor.line : 1));
  const markers = useMemo<EditorMarker[]>(() => {
    const found = allDiagnostics ? markersOf(allDiagnostics, activeFile, region) : [];
    return found.length === 0 ? NO_MARKERS : found;
  }, [allDiagnostics, activeFile, region]);

  const reveal: EditorReveal | null = selection && selection.file === activeFile ? selection : null;
  const path = modelPath(workspace, activeFile);
  const modelPaths = useMemo(() => fileNames.map((name) => modelPath(workspace, name)), [fileNames, workspace]);
  // Typing in one file is coalesced into undo steps separated by pauses.
  const onChange = useCallback((next: string) => setText(activeFile, next, { coalesce: `typing:${activeFile}` }), [setText, activeFile]);
  const onCursorLine = useCallback((line: number) => setCursor(activeFile, line), [setCursor, activeFile]);
  const onApplyFix = useCallback((fix: Fix) => void applyDocumentChanges(fix, fix.changes), [applyDocumentChanges]);

  // `data-text-version`: the document revision the editor holds (the graph's `data-drawn-version` catches up with it).
  return (
    <div className="editor-views" data-testid="editor-pane" data-text-version={revision}>
      <div className="editor-views__bar" role="group" aria-label="Editor view">
        {VIEWS.map(({ view: v, label }) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {label}
          </button>
        ))}
      </div>
      <div className="editor-views__body">
        <div className="editor-views__editor" hidden={view === 'form'}>
          <Suspense fallback={<div className="app__loading">Loading editor…</div>}>
            {ready ? (
              <YamlEditor theme={theme} value={text} onChange={onChange} markers={markers} reveal={reveal} path={path} modelPaths={modelPaths} onUndo={undo} onRedo={redo} onCursorLine={onCursorLine} onApplyFix={onApplyFix} />
            ) : (
              <div className="app__loading">Loading editor…</div>
            )}
          </Suspense>
        </div>
        {view !== 'yaml' && (
          <Suspense fallback={<div className="app__loading">Loading form…</div>}>
            <FormPane />
          </Suspense>
        )}
      </div>
    </div>
  );
}
