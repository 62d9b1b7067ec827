/** Gives components the store: `<StudioProvider>` once at the top, `useStudio(selector)` everywhere below. */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { demoResult } from 'virtual:demo-analysis';
import { browserLargeStore } from './browserLargeStore';
import { createStudioStore, type StudioState, type StudioStore } from './studioStore';

const StudioContext = createContext<StudioStore | null>(null);

/** Persisting the workspace waits for a pause in typing (and is flushed when the page is hidden). */
const BROWSER_WRITE_DELAY_MS = 1000;
/** A large workspace is saved in IndexedDB, by a worker: its writes do not hold the page as localStorage's do. */
const BROWSER_LARGE_STORE = browserLargeStore();

/** The store of the page: the workspace saved in this browser, or the demo with its build-time result. */
export function createBrowserStudioStore(): StudioStore {
  return createStudioStore(undefined, { writeDelayMs: BROWSER_WRITE_DELAY_MS, demoResult, largeStore: BROWSER_LARGE_STORE });
}

export function StudioProvider({ store, children }: { store?: StudioStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createBrowserStudioStore());
  return <StudioContext.Provider value={own}>{children}</StudioContext.Provider>;
}

export function useStudioStore(): StudioStore {
  const store = useContext(StudioContext);
  if (!store) throw new Error('useStudio must be used inside <StudioProvider>');
  return store;
}

/** Reads a slice of the store; the component re-renders when the selected value changes (Object.is). */
export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(useStudioStore(), selector);
}
