/**
 * Writes large workspaces to IndexedDB off the page's thread: IndexedDB serialises (and compresses) a value in the
 * thread that calls `put`, which took the page 45 to 75 ms for a 5 MB workspace. The files' texts come as updates of
 * the ones it holds (browserLargeStore.ts). Answers each write with its id.
 */
import { set } from 'idb-keyval';
import { FileUpdateReceiver, type FileUpdate } from '../worker/fileUpdates';

export interface SaveRequest {
  id: number;
  key: string;
  /** When `files` is given, `value.state.files` are those files with their texts left out, in the same order. */
  value: unknown;
  files?: FileUpdate[];
}

/** Part of a coming request's files, sent ahead (see `inParts`): held, not written, not answered. */
export interface SavePart {
  part: FileUpdate[];
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<SaveRequest | SavePart>) => void) | null; postMessage(message: { id: number; error?: string }): void };
let held = new FileUpdateReceiver();

function valueOf({ value, files }: SaveRequest): unknown {
  if (!files) return value;
  const texts = held.apply(files);
  const persisted = value as { state: { files: { text: string }[] } };
  return { ...persisted, state: { ...persisted.state, files: persisted.state.files.map((f, i) => ({ ...f, text: texts[i]?.text ?? '' })) } };
}

scope.onmessage = (event) => {
  if ('part' in event.data) {
    try {
      held.apply(event.data.part);
    } catch {
      held = new FileUpdateReceiver(); // the request the part was for fails as it does not fit: the page sends all again
    }
    return;
  }
  const { id, key } = event.data;
  const fail = (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  try {
    set(key, valueOf(event.data)).then(() => scope.postMessage({ id }), fail);
  } catch (error) {
    held = new FileUpdateReceiver();
    fail(error);
  }
};
