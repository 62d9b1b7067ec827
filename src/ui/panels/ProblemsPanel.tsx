/** The diagnostics of the whole workspace, under the editor. Clicking one moves the editor to it. */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useMoreWhenSeen } from './useMoreWhenSeen';
import type { Diagnostic } from '../../core';
import { countBySeverity } from '../../core/view';
import { useStudio } from '../../state';
import { useAnalysisResult } from '../../worker/useAnalysis';
import { ProblemRow } from './ProblemRow';
import { KumaModelSelect } from './KumaModelSelect';
import { meshModelTitle, meshSummaryLabel } from './problemSummary';

/**
 * Rows drawn at first (the panel shows about six): a large mesh can have thousands of diagnostics, and the layout of
 * 50 rows alone took 30 ms of the frame that showed a pasted workspace's first result.
 */
export const ROWS_SHOWN = 20;
/** Rows added each time the end of the list scrolls into view. */
export const ROWS_ADDED = 200;

export default function ProblemsPanel() {
  // A render of its own, after the graph's and the editor's: a large result's rows are not laid out in the task that
  // received it.
  const result = useDeferredValue(useAnalysisResult());
  const revealLocation = useStudio((s) => s.revealLocation);
  const diagnostics = result?.analysis.diagnostics;
  const meshes = result?.analysis.meshes;
  const counts = useMemo(() => countBySeverity(diagnostics ?? []), [diagnostics]);
  const onReveal = useCallback((d: Diagnostic) => revealLocation(d), [revealLocation]);
  const [rows, setRows] = useState(ROWS_SHOWN);
  const shown = (diagnostics ?? []).slice(0, rows);
  const hidden = (diagnostics?.length ?? 0) - shown.length;
  const moreRef = useMoreWhenSeen(hidden > 0 ? shown.length : null, () => setRows((r) => r + ROWS_ADDED));

  return (
    <section className="problems" data-testid="problems" aria-label="Problems">
      <header className="problems__header">
        <h2 className="problems__title">Problems</h2>
        <span className="problems__count problems__count--error" title="errors">
          ✖ {counts.error}
        </span>
        <span className="problems__count problems__count--warning" title="warnings">
          ▲ {counts.warning}
        </span>
        <span className="problems__count problems__count--info" title="infos">
          ℹ {counts.info}
        </span>
        <span className="problems__meshes" data-testid="mesh-summary">
          {(meshes ?? []).map((m) => (
            <span key={`${m.family}:${m.mesh}`} className="problems__mesh" title={meshModelTitle(m)} data-model={m.model}>
              {meshSummaryLabel(m)}
            </span>
          ))}
        </span>
        {(meshes ?? []).some((m) => m.family === 'kuma') && <KumaModelSelect />}
      </header>
      {diagnostics && diagnostics.length === 0 ? (
        <p className="problems__empty">No problems.</p>
      ) : (
        <ul className="problems__list">
          {shown.map((d, i) => (
            <ProblemRow key={`${d.file}:${d.line}:${d.column}:${d.code}:${i}`} diagnostic={d} onReveal={onReveal} />
          ))}
          {hidden > 0 && (
            <li className="problems__more" ref={moreRef} data-testid="problems-more">
              {shown.length} of {diagnostics?.length} problems shown; scroll for more
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
