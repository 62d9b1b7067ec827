/**
 * Keeps the store's DERIVED slice (the analysis result) in step with the document, off the main thread.
 * `useAnalysisDriver()` runs once near the top of the app; `useAnalysis()` reads the result anywhere.
 * Typing never waits: a change only posts a request; the worker does the rest.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio, useStudioStore, type StudioState } from '../state';
import { AnalysisClient } from './analysisClient';
import type { AnalysisResult } from './protocol';

/**
 * Sends each change of what the analysis depends on (files, options, the focused source) to the worker in the very
 * task that made it: a keystroke's request leaves before React renders (waiting for an effect cost 40 ms), and the
 * client keeps only the newest request while one runs, so fast typing coalesces by itself.
 */
export function useAnalysisDriver(): void {
  const store = useStudioStore();
  useEffect(() => {
    const client = new AnalysisClient({
      onResult: (result, superseded) => store.getState().setDerived({ result, pending: superseded }),
    });
    let sent: Pick<StudioState, 'files' | 'showDefaults' | 'focusSource' | 'revision' | 'kumaModel'> | null = null;
    const send = () => {
      const { files, showDefaults, focusSource, revision, kumaModel, setDerived } = store.getState();
      if (sent && sent.files === files && sent.showDefaults === showDefaults && sent.focusSource === focusSource && sent.revision === revision && sent.kumaModel === kumaModel) return;
      sent = { files, showDefaults, focusSource, revision, kumaModel };
      client.request(files, showDefaults, focusSource, revision, kumaModel);
      setDerived({ pending: true });
    };
    // A result already there is the demo's, analysed at build time: the worker (whose start takes one core of a
    // 2-core machine for 100 ms or more) is asked once the page has painted it. Any change asks at once.
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (store.getState().derived.result) frame = requestAnimationFrame(() => (timer = setTimeout(send, 0)));
    else send();
    const unsubscribe = store.subscribe(send);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      unsubscribe();
      client.dispose();
    };
  }, [store]);
}

/** The latest analysis result (null before the first) and whether a newer one is on its way. */
export function useAnalysis(): { result: AnalysisResult | null; pending: boolean } {
  return useStudio(useShallow((s) => ({ result: s.derived.result, pending: s.derived.pending })));
}

/** Only the latest result: for components that do not show the pending state (fewer re-renders while typing). */
export function useAnalysisResult(): AnalysisResult | null {
  return useStudio((s) => s.derived.result);
}
