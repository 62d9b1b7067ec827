/** Built by vite.config.ts (`demoAnalysis`): the analysis of the built-in demo, computed at build time. */
declare module 'virtual:demo-analysis' {
  import type { AnalysisResult } from '../worker/protocol';
  export const demoText: string;
  export const demoResult: AnalysisResult;
}
