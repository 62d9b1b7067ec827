/** The active file in Monaco (loaded lazily, out of the first paint), with the analysis' diagnostics as markers. */
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../../state';
import { useAnalysisResult } from '../../worker/useAnalysis';
import { useTheme } from '../theme/theme';
import type { EditorMarker, EditorReveal } from './YamlEditor';

const YamlEditor = lazy(() => import('./YamlEditor'));

const NO_MARKERS: EditorMarker[] = [];

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
  const result = useAnalysisResult();
  const { theme } = useTheme();

  const markers = useMemo<EditorMarker[]>(() => {
    const diagnostics = result?.analysis.diagnostics.filter((d) => d.file === activeFile) ?? [];
    if (diagnostics.length === 0) return NO_MARKERS;
    return diagnostics.map((d) => ({ severity: d.severity, message: d.message, code: d.code, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn }));
  }, [result, activeFile]);

  const reveal: EditorReveal | null = selection && selection.file === activeFile ? selection : null;
  const path = modelPath(workspace, activeFile);
  const modelPaths = useMemo(() => fileNames.map((name) => modelPath(workspace, name)), [fileNames, workspace]);
  const onChange = useCallback((next: string) => setText(activeFile, next), [setText, activeFile]);

  return (
    <Suspense fallback={<div className="app__loading">Loading editor…</div>}>
      <YamlEditor theme={theme} value={text} onChange={onChange} markers={markers} reveal={reveal} path={path} modelPaths={modelPaths} />
    </Suspense>
  );
}
