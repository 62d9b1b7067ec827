/** "Did you mean ...?": the known word one or two edits away from what was written (fastest-levenshtein). */
import { distance } from 'fastest-levenshtein';

/** Edits allowed between what was written and a suggestion. */
const MAX_EDITS = 2;

/**
 * The one candidate closest to `written` within two edits (case-insensitive matches count as one edit), or null
 * when none is that close, when two are equally close, or when `written` is too short for a guess to mean anything.
 */
export function closest(written: string, candidates: readonly string[]): string | null {
  if (written.length < 3) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate === written) return null;
    const d = candidate.toLowerCase() === written.toLowerCase() ? 1 : distance(written, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && candidate !== best) tie = true;
  }
  return best !== null && !tie && bestDistance <= MAX_EDITS && bestDistance < written.length ? best : null;
}
