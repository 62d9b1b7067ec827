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
export const monacoYaml = configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: false,
  hover: true,
  completion: true,
  format: { enable: true },
  schemas: [{ uri: ROUTE_STUDIO_SCHEMA_URI, fileMatch: ['*', '**'], schema: routeStudioSchema as never }],
});

export { monaco };
