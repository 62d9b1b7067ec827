/** True below 900 px wide: the editor and the graph are stacked instead of side by side. */
import { useSyncExternalStore } from 'react';

export const NARROW_QUERY = '(max-width: 899px)';

function subscribe(listener: () => void): () => void {
  const query = matchMedia(NARROW_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** The page prerendered at build time (and its hydration) is laid out side by side; a narrow window then stacks. */
const SIDE_BY_SIDE = () => false;

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(NARROW_QUERY).matches, SIDE_BY_SIDE);
}
