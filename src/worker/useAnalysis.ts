/**
 * Keeps the store's DERIVED slice (the analysis result) in step with the document, off the main thread.
 * `useAnalysisDriver()` runs once near the top of the app; `useAnalysis()` reads the result anywhere.
 * Typing never waits: text changes only start a short debounce timer; the worker does the rest.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../state';
import { AnalysisClient } from './analysisClient';
import type { AnalysisResult } from './protocol';

/**
 * Typing sends its text at once: the worker answers a keystroke in a large workspace within a frame or two, and the
 * client keeps only the newest request while one runs, so fast typing coalesces by itself.
 */
export const ANALYSIS_DEBOUNCE_MS = 0;

export function useAnalysisDriver(): void {
  const files = useStudio((s) => s.files);
  const showDefaults = useStudio((s) => s.showDefaults);
  const focusSource = useStudio((s) => s.focusSource);
  const revision = useStudio((s) => s.revision);
  const kumaModel = useStudio((s) => s.kumaModel);
  const setDerived = useStudio((s) => s.setDerived);
  const clientRef = useRef<AnalysisClient | null>(null);
  /** A debounce timer is running: a newer request is about to be sent. */
  const debouncingRef = useRef(false);
  const analysedOnceRef = useRef(false);

  useEffect(() => {
    const client = new AnalysisClient({
      onResult: (result, superseded) => {
        analysedOnceRef.current = true;
        setDerived({ result, pending: debouncingRef.current || superseded });
      },
    });
    clientRef.current = client;
    return () => {
      client.dispose();
      if (clientRef.current === client) clientRef.current = null;
    };
  }, [setDerived]);

  useEffect(() => {
    debouncingRef.current = true;
    setDerived({ pending: true });
    const timer = setTimeout(
      () => {
        debouncingRef.current = false;
        clientRef.current?.request(files, showDefaults, focusSource, revision, kumaModel);
      },
      analysedOnceRef.current ? ANALYSIS_DEBOUNCE_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      debouncingRef.current = false;
    };
  }, [files, showDefaults, focusSource, revision, kumaModel, setDerived]);
}

/** The latest analysis result (null before the first) and whether a newer one is on its way. */
export function useAnalysis(): { result: AnalysisResult | null; pending: boolean } {
  return useStudio(useShallow((s) => ({ result: s.derived.result, pending: s.derived.pending })));
}

/** Only the latest result: for components that do not show the pending state (fewer re-renders while typing). */
export function useAnalysisResult(): AnalysisResult | null {
  return useStudio((s) => s.derived.result);
}
