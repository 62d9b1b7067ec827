/** The one module of Monaco's internals Route Studio reaches into (monaco-editor is pinned to 0.54.0): see monacoSetup. */
declare module 'monaco-editor/esm/vs/editor/standalone/common/monarch/monarchLexer.js' {
  export class MonarchTokenizer {}
}
