/**
 * A new tab (`untitled-N.yaml`, from "+") takes a name that says what it holds when text is pasted into it:
 * `meshtcproute-tcp-route-1.yaml`. Tabs with a name of their own (imported files, the demo) keep it: renaming a tab
 * swaps its editor model, which would cancel the editor's pending work on every wholesale edit of the demo.
 */
import { useEffect } from 'react';
import { suggestFileName } from '../../core/fileName';
import { isUntitled, renameFile, useStudioStore, type StudioFile } from '../../state';

/** True when `next` keeps less than half of `previous` (common start plus common end): a replacement, not an edit. */
export function replacesWholeText(previous: string, next: string): boolean {
  if (previous.length === 0) return next.length > 0;
  let start = 0;
  const max = Math.min(previous.length, next.length);
  while (start < max && previous[start] === next[start]) start++;
  let end = 0;
  while (end < max - start && previous[previous.length - 1 - end] === next[next.length - 1 - end]) end++;
  return start + end < previous.length / 2;
}

/** The new name for a tab whose text changed from `previous`, or null to keep its name. */
export function renamedTab(previous: StudioFile, next: StudioFile): string | null {
  if (!isUntitled(previous.name) || !replacesWholeText(previous.text, next.text)) return null;
  const suggested = suggestFileName(next.text);
  return suggested && suggested !== previous.name ? suggested : null;
}

export function useTabNaming(): void {
  const store = useStudioStore();
  useEffect(
    () =>
      store.subscribe((state, prior) => {
        if (state.files === prior.files || state.files.length !== prior.files.length) return;
        state.files.forEach((file, i) => {
          const before = prior.files[i];
          if (!before || before.name !== file.name || before.text === file.text) return;
          const name = renamedTab(before, file);
          if (name) renameFile(store, file.name, name);
        });
      }),
    [store],
  );
}
