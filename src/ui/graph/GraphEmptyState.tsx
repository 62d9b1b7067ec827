/**
 * What the graph shows instead of nothing: still analysing, an internal error, or why nothing is drawn: the
 * policies left out for their errors (named, with the first error, each a link to its line), the syntax errors,
 * or, when nothing was left out, that no policy routes traffic.
 */
import type { ReactNode } from 'react';
import { Panel } from '@xyflow/react';
import type { DroppedSummary } from '../../core';
import { useStudio } from '../../state';
import { INTERNAL_ERROR } from '../../worker/protocol';
import { useAnalysisResult } from '../../worker/useAnalysis';

const MAX_LISTED = 5;

function Dropped({ summary }: { summary: DroppedSummary }) {
  const revealLocation = useStudio((s) => s.revealLocation);
  const { dropped, syntaxErrors } = summary;
  return (
    <>
      <p className="graph-empty__lead">Nothing is drawn: {dropped.length > 0 ? `${dropped.length === 1 ? 'a resource was' : `${dropped.length} resources were`} left out for errors` : ''}{dropped.length > 0 && syntaxErrors > 0 ? ', and ' : ''}{syntaxErrors > 0 ? `${syntaxErrors === 1 ? 'there is 1 YAML syntax error' : `there are ${syntaxErrors} YAML syntax errors`}` : ''}.</p>
      {dropped.length > 0 && (
        <ul className="graph-empty__list">
          {dropped.slice(0, MAX_LISTED).map((d) => (
            <li key={`${d.file}:${d.line}`}>
              <button type="button" className="graph-empty__link" onClick={() => revealLocation(d.reason)}>
                {d.kind} {d.name ? `"${d.name}"` : '(no name)'}
              </button>{' '}
              ({d.file}:{d.reason.line}): {d.reason.message}
              {d.errors > 1 ? ` (+${d.errors - 1} more)` : ''}
            </li>
          ))}
          {dropped.length > MAX_LISTED && <li>and {dropped.length - MAX_LISTED} more: see Problems</li>}
        </ul>
      )}
      {syntaxErrors > 0 && dropped.length === 0 && <p>A document with a syntax error is read as nothing: fix the lines marked in the editor (listed under Problems).</p>}
    </>
  );
}

export function GraphEmptyState() {
  const result = useAnalysisResult();
  const showDefaults = useStudio((s) => s.showDefaults);
  // An internal error leaves the graph empty: a drawn graph needs no look through thousands of diagnostics.
  const internal = result?.graph.nodes.length === 0 ? result.analysis.diagnostics.find((d) => d.code === INTERNAL_ERROR) : undefined;

  let content: ReactNode = null;
  if (!result) content = 'Analysing…';
  else if (internal) content = internal.message;
  else if (result.graph.nodes.length === 0) {
    const dropped = result.dropped;
    if (dropped && (dropped.dropped.length > 0 || dropped.syntaxErrors > 0)) content = <Dropped summary={dropped} />;
    else
      content = showDefaults
        ? 'No routes: add a MeshTCPRoute (and the Dataplanes of your mesh) in the editor, or import files.'
        : 'No policy routes any traffic here. Add a MeshTCPRoute, or turn on "Show default routes".';
  }
  if (!content) return null;
  return (
    <Panel position="top-center" className={`graph-empty${internal ? ' graph-empty--error' : ''}`} data-testid="graph-empty">
      {content}
    </Panel>
  );
}
