/** What the graph shows instead of nothing: still analysing, no route at all, or an internal error. */
import { Panel } from '@xyflow/react';
import { useStudio } from '../../state';
import { INTERNAL_ERROR } from '../../worker/protocol';
import { useAnalysisResult } from '../../worker/useAnalysis';

export function GraphEmptyState() {
  const result = useAnalysisResult();
  const showDefaults = useStudio((s) => s.showDefaults);
  const internal = result?.analysis.diagnostics.find((d) => d.code === INTERNAL_ERROR);

  let message: string | null = null;
  if (!result) message = 'Analysing…';
  else if (internal) message = internal.message;
  else if (result.graph.nodes.length === 0)
    message = showDefaults
      ? 'No routes: add a MeshTCPRoute (and the Dataplanes of your mesh) in the editor, or import files.'
      : 'No policy routes any traffic here. Add a MeshTCPRoute, or turn on "Show default routes".';
  if (!message) return null;
  return (
    <Panel position="top-center" className={`graph-empty${internal ? ' graph-empty--error' : ''}`} data-testid="graph-empty">
      {message}
    </Panel>
  );
}
