/**
 * Monaco, fully offline: the editor, its workers and monaco-yaml are bundled by Vite and served from our
 * own origin. `loader.config({ monaco })` stops @monaco-editor/react from fetching Monaco from a CDN.
 *
 * Import this module (it has side effects) only from the lazily loaded editor chunk.
 */
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
// Monaco's own tokenizer class (monaco-editor is pinned to one version): see `withoutBackgroundTokenizing` below.
import { MonarchTokenizer } from 'monaco-editor/esm/vs/editor/standalone/common/monarch/monarchLexer.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
// A local wrapper, not 'monaco-yaml/yaml.worker.js' directly: see monaco-yaml's README ("Why doesn't it work with Vite?").
import YamlWorker from './yaml.worker?worker';
import { ROUTE_STUDIO_SCHEMA_URI, routeStudioSchema } from './schemas';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'yaml':
        return new YamlWorker();
      default:
        return new EditorWorker();
    }
  },
};

loader.config({ monaco });

/**
 * monaco-yaml gives folding, formatting, and completion and hover from the schemas of every kind Route Studio
 * understands (chosen per document by apiVersion + kind, or type). Validation is off: the core produces every
 * diagnostic (YAML_SYNTAX and schema errors included) and YamlEditor shows them as markers, so monaco-yaml's
 * markers would say the same things twice. No schema is ever fetched.
 */
/** From this many lines on, a text is large: the editor leaves out what would read all of it at every keystroke. */
export const LARGE_MODEL_LINES = 20_000;

/**
 * monaco-yaml's code actions are asked for at every cursor move and keystroke, and each answer parses the whole
 * text in its worker: a second of CPU, 400 ms of it garbage collection, per keystroke on 100,000 lines, taken from
 * the analysis on a two-core machine. On a large text they are not asked for (Route Studio's own quick fixes stay).
 */
const languagesForYaml: typeof monaco.languages = {
  ...monaco.languages,
  registerCodeActionProvider: (selector, provider, metadata) =>
    monaco.languages.registerCodeActionProvider(
      selector,
      {
        ...provider,
        provideCodeActions: (model, ...rest) => (model.getLineCount() >= LARGE_MODEL_LINES ? { actions: [], dispose() {} } : provider.provideCodeActions(model, ...rest)),
      },
      metadata,
    ),
};

export const monacoYaml = configureMonacoYaml({ ...monaco, languages: languagesForYaml }, {
  enableSchemaRequest: false,
  validate: false,
  hover: true,
  completion: true,
  format: { enable: true },
  schemas: [{ uri: ROUTE_STUDIO_SCHEMA_URI, fileMatch: ['*', '**'], schema: routeStudioSchema as never }],
});

/**
 * Bracket pair colours are off on every model. YAML routes rarely hold brackets, and once the colours were asked for,
 * Monaco kept a bracket tree it re-parsed whole after a large paste: 230 ms in the first frame after pasting 100,000
 * lines, before any line was drawn. The option lives on the model (the editor option does not reach models created
 * before it), so it is set when each model is created, while it is still small.
 */
monaco.editor.onDidCreateModel((model) => model.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } }));

/**
 * A large text is coloured where it is seen, not all of it in the background. Monaco tokenizes a whole model on the
 * page's thread while it is idle: after pasting 100,000 lines that was seconds of work in slices, and a keystroke
 * landing behind a slice waited for it. A tokenizer may offer its own background tokenizer; for a large model the
 * YAML tokenizer offers one that does nothing, so Monaco colours the lines in view (guessing their starting state
 * from indentation, as it does for lines it has not reached). `retokenize` is called when a model crosses the size.
 */
const noBackgroundTokenizer = {
  /** Asked for accurate tokens of lines coloured by guesswork: they stay guessed until edited or seen again. */
  requestTokens() {},
  dispose() {},
};
(MonarchTokenizer.prototype as { createBackgroundTokenizer?: unknown }).createBackgroundTokenizer = (model: monaco.editor.ITextModel) =>
  model.getLineCount() >= LARGE_MODEL_LINES ? noBackgroundTokenizer : undefined;

/** Restarts a model's tokenization, so that its background tokenizer is chosen for its present size. */
export function retokenize(model: monaco.editor.ITextModel): void {
  (model as unknown as { tokenization?: { resetTokenization?(): void } }).tokenization?.resetTokenization?.();
}

/** A change that brings at least this many characters (a paste, an import) has its lines in view coloured at once. */
export const LARGE_CHANGE_CHARS = 100_000;

/**
 * Colours the lines in view before the next drawing. After a large text arrives, Monaco's view reports the lines in
 * view as not yet settled, draws them plain, and colours them 50 ms later in a second drawing of the whole view (each
 * drawing 20 to 50 ms of script on a 2-core machine, 100,000 lines pasted). Told the lines are settled (what Monaco
 * does itself when a view state is restored), it colours them now and draws once. Monaco's own method, reached on
 * the pinned 0.54.0; if it is ever gone, nothing happens and the lines are coloured the 50 ms later.
 */
export function colourLinesInViewNow(editor: monaco.editor.IStandaloneCodeEditor): void {
  (editor as unknown as { _getViewModel?(): { visibleLinesStabilized?(): void } | null })._getViewModel?.()?.visibleLinesStabilized?.();
}

export { monaco };
