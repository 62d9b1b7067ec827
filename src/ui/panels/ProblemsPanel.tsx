/** The diagnostics of the whole workspace, under the editor. Clicking one moves the editor to it. */
import { useCallback, useMemo, useState } from 'react';
import type { Diagnostic } from '../../core';
import { countBySeverity } from '../../core/view';
import { useStudio } from '../../state';
import { useAnalysisResult } from '../../worker/useAnalysis';
import { ProblemRow } from './ProblemRow';
import { KumaModelSelect } from './KumaModelSelect';
import { meshModelTitle, meshSummaryLabel } from './problemSummary';

/**
 * Rows drawn before "Show all": a large mesh can have thousands of diagnostics, and drawing them all on every
 * keystroke would block typing.
 */
export const ROWS_SHOWN = 200;

export default function ProblemsPanel() {
  const result = useAnalysisResult();
  const revealLocation = useStudio((s) => s.revealLocation);
  const diagnostics = result?.analysis.diagnostics;
  const meshes = result?.analysis.meshes;
  const counts = useMemo(() => countBySeverity(diagnostics ?? []), [diagnostics]);
  const onReveal = useCallback((d: Diagnostic) => revealLocation(d), [revealLocation]);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? (diagnostics ?? []) : (diagnostics ?? []).slice(0, ROWS_SHOWN);
  const hidden = (diagnostics?.length ?? 0) - shown.length;

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
            <li className="problems__more">
              <button type="button" data-testid="problems-show-all" onClick={() => setShowAll(true)}>
                Show all {diagnostics?.length} problems ({hidden} more)
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
