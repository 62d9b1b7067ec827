import { useEffect, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { monaco } from './monacoSetup';

export type MarkerSeverityName = 'error' | 'warning' | 'info';

export interface EditorMarker {
  severity: MarkerSeverityName;
  message: string;
  /** 1-based, like the core's Diagnostic. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
}

export interface EditorReveal {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Change it to reveal the same range again. */
  nonce: number;
}

export interface YamlEditorProps {
  value: string;
  onChange(text: string): void;
  markers: EditorMarker[];
  reveal?: EditorReveal | null;
  /** Model path (one model per path, e.g. per tab). */
  path?: string;
  /** Every model path still in use (the workspace's tabs); other models this editor created are disposed. */
  modelPaths?: readonly string[];
}

declare global {
  interface Window {
    /** The mounted editor, for Playwright (set/get the text, move the cursor). */
    __routeStudioEditor?: monaco.editor.IStandaloneCodeEditor;
    /** The Monaco API, for Playwright (read markers with `editor.getModelMarkers`). */
    __routeStudioMonaco?: typeof monaco;
  }
}

export const MARKER_OWNER = 'route-studio';

const SEVERITY: Record<MarkerSeverityName, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  editContext: false,
  minimap: { enabled: false },
  automaticLayout: true,
  fontSize: 13,
  scrollBeyondLastLine: false,
};

export default function YamlEditor({ value, onChange, markers, reveal = null, path = 'policies.yaml', modelPaths }: YamlEditorProps) {
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);

  const handleMount: OnMount = (mounted) => {
    setEditor(mounted);
    window.__routeStudioEditor = mounted;
    window.__routeStudioMonaco = monaco;
  };

  useEffect(
    () => () => {
      if (window.__routeStudioEditor === editor) delete window.__routeStudioEditor;
    },
    [editor],
  );

  // Markers follow the `markers` prop (and the model, when `path` switches it).
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((m) => ({
        severity: SEVERITY[m.severity],
        message: m.message,
        code: m.code,
        source: MARKER_OWNER,
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.endLine,
        endColumn: m.endColumn,
      })),
    );
  }, [editor, markers, path]);

  // Models of tabs that are gone (an import or a reset replaced the workspace) are disposed.
  useEffect(() => {
    if (!editor || !modelPaths) return;
    const keep = new Set([path, ...modelPaths].map((p) => monaco.Uri.parse(p).toString()));
    for (const model of monaco.editor.getModels()) {
      if (model.getLanguageId() === 'yaml' && model !== editor.getModel() && !keep.has(model.uri.toString())) model.dispose();
    }
  }, [editor, path, modelPaths]);

  useEffect(() => {
    if (!editor || !reveal) return;
    const range = new monaco.Range(reveal.line, reveal.column, reveal.endLine, reveal.endColumn);
    editor.setSelection(range);
    editor.revealRangeInCenter(range, monaco.editor.ScrollType.Smooth);
    editor.focus();
  }, [editor, reveal]);

  return (
    <div className="yaml-editor" data-testid="yaml-editor">
      <Editor
        height="100%"
        language="yaml"
        path={path}
        value={value}
        onChange={(text) => onChange(text ?? '')}
        onMount={handleMount}
        options={OPTIONS}
        loading={<div className="yaml-editor__loading">Loading editor…</div>}
      />
    </div>
  );
}
