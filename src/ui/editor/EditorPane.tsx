/** The active file in Monaco (loaded lazily, out of the first paint), with the analysis' diagnostics as markers. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../../state';
import { useAnalysisResult } from '../../worker/useAnalysis';
import type { EditorMarker, EditorReveal } from './YamlEditor';

const YamlEditor = lazy(() => import('./YamlEditor'));

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
  const result = useAnalysisResult();

  const markers = useMemo<EditorMarker[]>(() => {
    const diagnostics = result?.analysis.diagnostics.filter((d) => d.file === activeFile) ?? [];
    if (diagnostics.length === 0) return NO_MARKERS;
    return diagnostics.map((d) => ({ severity: d.severity, message: d.message, code: d.code, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn }));
  }, [result, activeFile]);

  const reveal: EditorReveal | null = selection && selection.file === activeFile ? selection : null;
  const path = modelPath(workspace, activeFile);
  const modelPaths = useMemo(() => fileNames.map((name) => modelPath(workspace, name)), [fileNames, workspace]);
  const onChange = useCallback((next: string) => setText(activeFile, next), [setText, activeFile]);

  // `data-text-version`: the document revision the editor holds (the graph's `data-drawn-version` catches up with it).
  return (
    <div className="editor-pane" data-testid="editor-pane" data-text-version={revision}>
      <Suspense fallback={<div className="app__loading">Loading editor…</div>}>
        {ready ? <YamlEditor value={text} onChange={onChange} markers={markers} reveal={reveal} path={path} modelPaths={modelPaths} /> : <div className="app__loading">Loading editor…</div>}
      </Suspense>
    </div>
  );
}
