/**
 * The picker's width, from the longest name it lists. A select sized by its content measures every option's text at
 * each layout that touches it: 15 ms for 1,000 options, at every pick and every slice of options added.
 */
export function pickerWidth(sources: readonly string[], focusSource: string | null): string {
  let longest = `all ${sources.length} sources`.length;
  for (const s of sources) longest = Math.max(longest, s.length);
  if (focusSource && !sources.includes(focusSource)) longest = Math.max(longest, focusSource.length + ' (no route now)'.length);
  return `min(22rem, ${longest + 3}ch)`;
}
