/**
 * Monaco, fully offline: the editor, its workers and monaco-yaml are bundled by Vite and served from our
 * own origin. `loader.config({ monaco })` stops @monaco-editor/react from fetching Monaco from a CDN.
 *
 * Import this module (it has side effects) only from the lazily loaded editor chunk.
 */
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
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

export { monaco };
