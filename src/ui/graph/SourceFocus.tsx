/** Narrows the graph to one source service: the debugger's "what happens to traffic from frontend?". */
import { useEffect, useMemo, useState } from 'react';
import { Panel } from '@xyflow/react';
import { useStudio } from '../../state';
import { useAnalysisResult } from '../../worker/useAnalysis';
import { pickerWidth } from './pickerWidth';

/** Above this many nodes the whole graph is a texture, not a picture: suggest a focus. */
const LARGE_GRAPH = 120;
const NO_SOURCES: string[] = [];
/** Options listed with the result; the rest come OPTIONS_ADDED at a time when the page is idle. */
export const OPTIONS_FIRST = 100;
export const OPTIONS_ADDED = 300;

/**
 * The sources to list as options: the first OPTIONS_FIRST at once, then more in idle moments. The 1,000 options of a
 * pasted mesh, made in the task that drew its graph, took 30 to 60 ms of it.
 */
function useSourcesInSlices(sources: string[]): string[] {
  const [listed, setListed] = useState({ of: sources, count: OPTIONS_FIRST });
  const count = listed.of === sources ? listed.count : OPTIONS_FIRST;
  useEffect(() => {
    if (count >= sources.length) return;
    const idle = requestIdleCallback(() => setListed({ of: sources, count: count + OPTIONS_ADDED }), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [sources, count]);
  return useMemo(() => (count >= sources.length ? sources : sources.slice(0, count)), [sources, count]);
}

export function SourceFocus() {
  const result = useAnalysisResult();
  const focusSource = useStudio((s) => s.focusSource);
  const setFocusSource = useStudio((s) => s.setFocusSource);
  const sources = result?.sources ?? NO_SOURCES;
  // Made again only when the sources change (not at every keystroke's result).
  const optionSources = useSourcesInSlices(sources);
  const options = useMemo(
    () =>
      optionSources.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      )),
    [optionSources],
  );
  const width = useMemo(() => pickerWidth(sources, focusSource), [sources, focusSource]);
  const focusedNotYetListed = focusSource !== null && sources.includes(focusSource) && !optionSources.includes(focusSource);
  if (sources.length < 2 && !focusSource) return null;
  const large = !focusSource && (result?.graph.nodes.length ?? 0) > LARGE_GRAPH;
  const shown = !focusSource ? result?.shownSource : undefined;
  return (
    <Panel position="top-left" className="source-focus">
      <label>
        Traffic from{' '}
        <select data-testid="focus-source" style={{ width }} value={focusSource ?? ''} onChange={(e) => setFocusSource(e.target.value || null)}>
          <option value="">all {sources.length} sources</option>
          {options}
          {focusedNotYetListed && <option value={focusSource}>{focusSource}</option>}
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
