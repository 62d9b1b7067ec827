import { useCallback, useEffect, useRef } from 'react';

/**
 * A ref for the last row of a list drawn in parts: when that row scrolls into view (in whatever scrolls it), `more`
 * is called, so a person scrolling down never meets the end of what is drawn before the end of the list. `drawn` is
 * how many rows are drawn (null when all are): the row is observed anew for each count, so a row still in view after
 * more were drawn asks again.
 */
export function useMoreWhenSeen(drawn: number | null, more: () => void): (element: HTMLElement | null) => void {
  const moreRef = useRef(more);
  useEffect(() => {
    moreRef.current = more;
  });
  const observer = useRef<IntersectionObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  return useCallback(
    (element: HTMLElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!element || drawn === null || typeof IntersectionObserver === 'undefined') return;
      observer.current = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) moreRef.current();
      });
      observer.current.observe(element);
    },
    [drawn],
  );
}
