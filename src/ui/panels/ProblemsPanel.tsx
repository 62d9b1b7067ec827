/** The diagnostics of the whole workspace, under the editor. Clicking one moves the editor to it. */
import { useMemo } from 'react';
import type { Diagnostic } from '../../core';
import { countBySeverity } from '../../core/view';
import { useStudio } from '../../state';
import { useAnalysisResult } from '../../worker/useAnalysis';
import { ProblemRow } from './ProblemRow';
import { meshSummaryLabel } from './problemSummary';

export default function ProblemsPanel() {
  const result = useAnalysisResult();
  const revealLocation = useStudio((s) => s.revealLocation);
  const diagnostics = result?.analysis.diagnostics;
  const meshes = result?.analysis.meshes;
  const counts = useMemo(() => countBySeverity(diagnostics ?? []), [diagnostics]);
  const onReveal = (d: Diagnostic) => revealLocation(d);

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
            <span key={`${m.family}:${m.mesh}`} className="problems__mesh">
              {meshSummaryLabel(m)}
            </span>
          ))}
        </span>
      </header>
      {diagnostics && diagnostics.length === 0 ? (
        <p className="problems__empty">No problems.</p>
      ) : (
        <ul className="problems__list">
          {(diagnostics ?? []).map((d, i) => (
            <ProblemRow key={`${d.file}:${d.line}:${d.column}:${d.code}:${i}`} diagnostic={d} onReveal={onReveal} />
          ))}
        </ul>
      )}
    </section>
  );
}
