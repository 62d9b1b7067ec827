/** The result posted when the core itself failed: a bug in Route Studio, never a problem in the user's YAML. */
import { INTERNAL_ERROR, type AnalysisResult } from './protocol';

export function internalErrorResult(id: number, file: string, error: unknown, ms = 0, revision = 0): AnalysisResult {
  const reason = error instanceof Error ? error.message : String(error);
  const analysis: AnalysisResult['analysis'] = {
    meshes: [],
    diagnostics: [
      {
        severity: 'error',
        code: INTERNAL_ERROR,
        message: `Route Studio could not analyse this input (an internal error, not a problem in your YAML): ${reason}`,
        file,
        path: '',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ],
  };
  return { id, analysis, graph: { nodes: [], edges: [] }, layouts: {}, sources: [], ms, revision };
}
