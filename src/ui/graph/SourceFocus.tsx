/** Narrows the graph to one source service: the debugger's "what happens to traffic from frontend?". */
import { useDeferredValue, useMemo } from 'react';
import { Panel } from '@xyflow/react';
import { useStudio } from '../../state';
import { useAnalysisResult } from '../../worker/useAnalysis';

/** Above this many nodes the whole graph is a texture, not a picture: suggest a focus. */
const LARGE_GRAPH = 120;
const NO_SOURCES: string[] = [];

export function SourceFocus() {
  const result = useAnalysisResult();
  const focusSource = useStudio((s) => s.focusSource);
  const setFocusSource = useStudio((s) => s.setFocusSource);
  const sources = result?.sources ?? NO_SOURCES;
  // A thousand options, made again only when the sources change (not at every keystroke's result), and in a render
  // of their own after the rest of a new result is drawn: styling them took 20 ms of the frame that showed it.
  const optionSources = useDeferredValue(sources);
  const options = useMemo(
    () =>
      optionSources.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      )),
    [optionSources],
  );
  if (sources.length < 2 && !focusSource) return null;
  const large = !focusSource && (result?.graph.nodes.length ?? 0) > LARGE_GRAPH;
  const shown = !focusSource ? result?.shownSource : undefined;
  return (
    <Panel position="top-left" className="source-focus">
      <label>
        Traffic from{' '}
        <select data-testid="focus-source" value={focusSource ?? ''} onChange={(e) => setFocusSource(e.target.value || null)}>
          <option value="">all {sources.length} sources</option>
          {options}
          {focusSource && !sources.includes(focusSource) && <option value={focusSource}>{focusSource} (no route now)</option>}
        </select>
      </label>
      {shown && (
        <span className="source-focus__hint" data-testid="shown-source">
          {' '}
          too many routes to draw at once: showing traffic from {shown}; pick a source
        </span>
      )}
      {large && !shown && <span className="source-focus__hint"> {result?.graph.nodes.length} nodes: pick one source to read its routes</span>}
    </Panel>
  );
}
