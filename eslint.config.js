// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

const PURE_CORE_MESSAGE =
  'src/core stays pure TypeScript: no React, DOM, Monaco, React Flow or zustand. Put UI code in src/ui, state in src/state.';

/**
 * Import restrictions for src/core, as regular expressions on the import string (ESLint's gitignore-style
 * `group` patterns would match a bare name like 'path' against any path segment, e.g. './path').
 */
const UI_PACKAGES = ['react', 'react-dom', 'monaco-editor', 'monaco-yaml', '@monaco-editor/react', '@xyflow/react', 'reactflow', 'zustand'];
const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'url', 'process', 'module', 'worker_threads'];
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const packageRegex = (names) => `^(${names.map(escape).join('|')})(/.*)?$`;

const uiImports = { regex: packageRegex(UI_PACKAGES), message: PURE_CORE_MESSAGE };
const nodeImports = {
  regex: `^node:|${packageRegex(NODE_BUILTINS)}`,
  message: 'src/core runs in the browser too: no Node built-ins outside tests (pass data in, e.g. from src/cli).',
};
/** A relative import that climbs out of src/core from a file `depth` folders below it. */
const escapesCore = (depth) => ({
  regex: `^(\\.\\./){${depth},}`,
  message: 'src/core imports only src/core and packages: src/ui, src/state, src/worker and src/cli build on it, never the reverse.',
});

const restrictedCoreGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'self'].map(
  (name) => ({ name, message: `${PURE_CORE_MESSAGE} (\`${name}\` is a DOM global)` }),
);

/** One config per folder depth under src/core, so that "climbs out of src/core" is exact. */
const MAX_CORE_DEPTH = 10;
const coreConfigs = Array.from({ length: MAX_CORE_DEPTH }, (_, i) => {
  const depth = i + 1; // src/core/a.ts is depth 1, src/core/x/a.ts depth 2, ...
  const files = `src/core/${'*/'.repeat(i)}*.{ts,tsx}`;
  return {
    name: `route-studio/pure-core/depth-${depth}`,
    files: [files],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [uiImports, nodeImports, escapesCore(depth)] }],
      'no-restricted-globals': ['error', ...restrictedCoreGlobals],
    },
  };
});

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'playwright-report/', 'test-results/', 'coverage/']),

  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },

  // The browser app.
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  // Node-side code: tool configs, e2e specs, bench, CLI, tests.
  {
    files: ['*.{js,ts}', 'e2e/**', 'bench/**', 'src/cli/**', 'fixtures/**', '**/*.test.ts'],
    languageOptions: { globals: globals.node },
  },

  // src/core is pure: no UI libraries, no DOM globals; outside tests, no Node built-ins and nothing above core.
  ...coreConfigs,
  {
    name: 'route-studio/pure-core/tests',
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [uiImports] }],
      'no-restricted-globals': ['error', ...restrictedCoreGlobals],
    },
  },

  // The page's own code takes values from core/view only: core/index brings the parsers, the schema validator
  // and the layout engine, which belong in the analysis worker, not in the first paint.
  {
    name: 'route-studio/light-page',
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.{ts,tsx}', 'src/main.tsx', 'src/worker/useAnalysis.ts', 'src/worker/analysisClient.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)core(/index)?$',
              allowTypeImports: true,
              message: 'The page imports values from src/core/view (light); src/core/index runs in the analysis worker.',
            },
          ],
        },
      ],
    },
  },
]);
