import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import type { Fix } from '../../core';
import { PieceText } from '../../core/view';
import { colourLinesInViewNow, LARGE_CHANGE_CHARS, LARGE_MODEL_LINES, monaco, retokenize } from './monacoSetup';
import { MARKER_OWNER, registerQuickFixes } from './quickFixes';
import { EDITOR_THEME } from './monacoThemes';
import { reportTextEdit } from '../../worker/fileUpdates';
import { routeUndoToAppHistory } from './oneHistory';
import { warmTyping } from './warmTyping';

/** Monaco's id of the lightbulb widget contribution. */
const LIGHTBULB_CONTRIBUTION = 'editor.contrib.lightbulbWidget';

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
  /** Quick fixes offered as code actions (lightbulb, Ctrl+.). */
  fixes?: Fix[];
}

export interface EditorReveal {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Change it to reveal the same range again. */
  nonce: number;
  /** Also give the editor the keyboard focus. */
  focus?: boolean;
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
  /** Undo and redo (keys, context menu, command palette) go to the app's one history instead of Monaco's own. */
  onUndo?(): void;
  onRedo?(): void;
  /** The 1-based line of the cursor, when it moves to another line. */
  onCursorLine?(line: number): void;
  onApplyFix?(fix: Fix): void;
  /** The app's theme; Monaco follows it. */
  theme?: 'light' | 'dark';
}

interface Callbacks {
  onChange?(text: string): void;
  onUndo?(): void;
  onRedo?(): void;
  onCursorLine?(line: number): void;
  onApplyFix?(fix: Fix): void;
}

declare global {
  interface Window {
    /** The mounted editor, for Playwright (set/get the text, move the cursor). */
    __routeStudioEditor?: monaco.editor.IStandaloneCodeEditor;
    /** The Monaco API, for Playwright (read markers with `editor.getModelMarkers`). */
    __routeStudioMonaco?: typeof monaco;
  }
}


const SEVERITY: Record<MarkerSeverityName, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

/**
 * The language features that would make monaco-yaml's worker describe the whole document after every keystroke
 * (folding ranges, the outline behind sticky scroll, code lenses, links) are off or computed on the editor side:
 * on a workspace of 100,000 lines their answers alone took over 200 ms of the page's time per keystroke.
 */
const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  editContext: false,
  // Even with no minimap, Monaco's editor worker searched the whole text for section headers after each keystroke.
  minimap: { enabled: false, showRegionSectionHeaders: false, showMarkSectionHeaders: false },
  // No colour values to show in routing policies: the default colour provider searched the whole text for them after
  // each keystroke (20 to 40 ms of a 2-core machine's other core on a large text).
  colorDecorators: false,
  automaticLayout: true,
  fontSize: 13,
  scrollBeyondLastLine: false,
  foldingStrategy: 'indentation',
  stickyScroll: { enabled: false },
  codeLens: false,
  links: false,
  // No inline completion provider exists here, but the machinery ran at each keystroke (5 ms on a large text).
  inlineSuggest: { enabled: false },
};

const HOLD_SELECTION_MS = 400;
/** Monaco's default: suggestions while typing, but not in comments and strings. */
const QUICK_SUGGESTIONS = { other: 'on', comments: 'off', strings: 'off' } as const;
/** From this many markers on, they are set in a task of their own. */
const MANY_MARKERS = 150;

/**
 * The text a model holds, known without asking it: `getValue()` builds the whole string (5 MB on a large workspace)
 * and was called twice per keystroke before. A change is applied to the known text as a splice of its pieces (see
 * PieceText), which copies nothing; the length Monaco reports checks the result.
 */
const knownText = new WeakMap<monaco.editor.ITextModel, PieceText>();

function textAfter(model: monaco.editor.ITextModel, event: monaco.editor.IModelContentChangedEvent): string {
  const before = knownText.get(model);
  let text = before;
  if (text !== undefined) {
    for (const change of [...event.changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
      text = text.splice({ start: change.rangeOffset, deleteCount: change.rangeLength, insert: change.text });
    }
  }
  if (text === undefined || text.length !== model.getValueLength()) text = PieceText.of(model.getValue());
  else if (before !== undefined && event.changes.length > 0) {
    // One splice for the whole event (Enter can come as the new line and the indentation trimmed on the line left).
    const start = Math.min(...event.changes.map((c) => c.rangeOffset));
    const end = Math.max(...event.changes.map((c) => c.rangeOffset + c.rangeLength));
    const insertEnd = end + text.length - before.length;
    reportTextEdit(before.text, text, { start, deleteCount: end - start, insert: text.slice(start, insertEnd), length: text.length });
  }
  knownText.set(model, text);
  return text.text;
}

function textOf(model: monaco.editor.ITextModel): string {
  let text = knownText.get(model);
  if (text === undefined) knownText.set(model, (text = PieceText.of(model.getValue())));
  return text.text;
}

/**
 * Focusing Monaco's text area makes Chrome fire a `selectionchange` that can arrive late (over 100 ms on a busy
 * machine); Monaco then reads the text area's stale caret as a caret move (source "keyboard") and the revealed
 * range is lost. For a moment after a reveal, such a move is undone, unless the user really pressed a key or clicked.
 */
function holdSelection(editor: monaco.editor.IStandaloneCodeEditor, selection: monaco.Selection): () => void {
  const disposables: monaco.IDisposable[] = [];
  const release = () => {
    clearTimeout(timer);
    disposables.forEach((d) => d.dispose());
    disposables.length = 0;
  };
  const timer = setTimeout(release, HOLD_SELECTION_MS);
  disposables.push(
    editor.onKeyDown(release),
    editor.onMouseDown(release),
    editor.onDidChangeCursorSelection((e) => {
      if (e.source === 'keyboard' && e.reason === monaco.editor.CursorChangeReason.Explicit && !e.selection.equalsSelection(selection)) {
        editor.setSelection(selection);
      }
    }),
  );
  return release;
}

export default function YamlEditor({ value, onChange, markers, reveal = null, path = 'policies.yaml', modelPaths, onUndo, onRedo, onCursorLine, onApplyFix, theme = 'light' }: YamlEditorProps) {
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef<Callbacks>({});
  const markersRef = useRef<EditorMarker[]>(markers);
  useEffect(() => {
    callbacks.current = { onChange, onUndo, onRedo, onCursorLine, onApplyFix };
    markersRef.current = markers;
  });

  const handleMount: OnMount = (mounted) => {
    warmTyping(monaco);
    setEditor(mounted);
    window.__routeStudioEditor = mounted;
    window.__routeStudioMonaco = monaco;
    routeUndoToAppHistory(monaco, mounted, { undo: () => callbacks.current.onUndo?.(), redo: () => callbacks.current.onRedo?.() });
    // The lightbulb of the quick fixes is made the first time a code action is found at the cursor, and its making
    // reads every keybinding: a task of 40 to 60 ms after a paste. It is made when the page is idle instead.
    const idle = requestIdleCallback(() => mounted.getContribution(LIGHTBULB_CONTRIBUTION), { timeout: 2000 });
    mounted.onDidDispose(() => cancelIdleCallback(idle));
    // On a large text, what reads all of it after each keystroke or cursor move is off: folding (its ranges took
    // 200 ms), suggestions while typing (each a parse of the whole text in monaco-yaml's worker; Ctrl+Space still
    // suggests), the highlighting of the word under the cursor everywhere, and the matching of brackets. (Bracket pair colours are off on
    // every model: see monacoSetup.)
    const foldWhenSmall = () => {
      const small = (mounted.getModel()?.getLineCount() ?? 0) < LARGE_MODEL_LINES;
      if (mounted.getOption(monaco.editor.EditorOption.folding) === small) return;
      const model = mounted.getModel();
      if (model) retokenize(model);
      mounted.updateOptions({
        folding: small,
        quickSuggestions: small ? QUICK_SUGGESTIONS : false,
        occurrencesHighlight: small ? 'singleFile' : 'off',
        // Matching the bracket at the cursor tokenized every line above it first: 260 ms when the cursor was placed at
        // line 24,000 of a large text, and 10 to 20 ms of each keystroke after.
        matchBrackets: small ? 'always' : 'never',
      });
    };
    foldWhenSmall();
    mounted.onDidChangeModel(foldWhenSmall);
    mounted.onDidChangeModelContent((event) => {
      const model = mounted.getModel();
      if (!model) return;
      if (event.changes.some((c) => c.text.includes('\n') || c.rangeLength > 0)) foldWhenSmall();
      if (event.isFlush || event.changes.some((c) => c.text.length >= LARGE_CHANGE_CHARS)) colourLinesInViewNow(mounted);
      callbacks.current.onChange?.(textAfter(model, event));
    });
    let lastLine = -1;
    mounted.onDidChangeCursorPosition((e) => {
      if (e.position.lineNumber === lastLine) return;
      lastLine = e.position.lineNumber;
      callbacks.current.onCursorLine?.(lastLine);
    });
  };

  useEffect(() => {
    if (!editor) return;
    const registration = registerQuickFixes(editor, () => markersRef.current, (fix) => callbacks.current.onApplyFix?.(fix));
    return () => registration.dispose();
  }, [editor]);

  useEffect(
    () => () => {
      if (window.__routeStudioEditor === editor) delete window.__routeStudioEditor;
    },
    [editor],
  );

  // A text change from elsewhere (the form, the graph, undo) is applied as the smallest edit, before
  // @monaco-editor/react would replace the whole text: the cursor and the scroll position stay where they were.
  useLayoutEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || model.uri.toString() !== monaco.Uri.parse(path).toString()) return;
    const current = textOf(model);
    if (current === value) return;
    let start = 0;
    while (start < current.length && start < value.length && current[start] === value[start]) start++;
    let end = 0;
    while (end < current.length - start && end < value.length - start && current[current.length - 1 - end] === value[value.length - 1 - end]) end++;
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(current.length - end);
    editor.executeEdits('route-studio', [{ range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: value.slice(start, value.length - end) }]);
  }, [editor, value, path]);

  // Markers follow the `markers` prop (and the model, when `path` switches it). Thousands of them are set in a task
  // of their own, after the rest of the page has drawn the result, so that no single task holds the page long.
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const set = () =>
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
    if (markers.length < MANY_MARKERS) {
      set();
      return;
    }
    const timer = setTimeout(set, 0);
    return () => clearTimeout(timer);
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
    if (reveal.focus !== false) editor.focus();
    // Selected from the end back to the start: the cursor lands on the first line of the range.
    const selection = new monaco.Selection(reveal.endLine, reveal.endColumn, reveal.line, reveal.column);
    editor.setSelection(selection);
    editor.revealRangeInCenterIfOutsideViewport(selection, monaco.editor.ScrollType.Immediate);
    return holdSelection(editor, selection);
  }, [editor, reveal]);

  return (
    <div className="yaml-editor" data-testid="yaml-editor">
      <Editor
        height="100%"
        language="yaml"
        theme={EDITOR_THEME[theme]}
        path={path}
        defaultValue={value}
        onMount={handleMount}
        options={OPTIONS}
        loading={<div className="yaml-editor__loading">Loading editor…</div>}
      />
    </div>
  );
}
