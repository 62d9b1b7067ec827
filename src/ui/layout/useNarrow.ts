/** True below 900 px wide: the editor and the graph are stacked instead of side by side. */
import { useSyncExternalStore } from 'react';

const NARROW = '(max-width: 899px)';

function subscribe(listener: () => void): () => void {
  const query = matchMedia(NARROW);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(NARROW).matches);
}
