/** Reads the files a user picked, as text, in the order given. */
import type { StudioFile } from '../../state';

export async function readFiles(list: Iterable<File>): Promise<StudioFile[]> {
  return Promise.all([...list].map(async (file) => ({ name: file.name, text: await file.text() })));
}
