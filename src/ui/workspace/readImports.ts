/** Reads the files a person brings (chosen, dropped or pasted) and refuses what is not YAML or too large. */
import type { StudioFile } from '../../state';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const YAML_NAME = /\.(ya?ml|json)$/i;
const EXTENSION = /\.([^./\\]+)$/;

/** What readImports needs of a File (a File is one). */
export interface ImportedBlob {
  name: string;
  size: number;
  text(): Promise<string>;
}

export interface ReadImports {
  files: StudioFile[];
  /** One sentence per refused file; when any is refused, nothing should be imported. */
  refused: string[];
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a text cannot be a YAML file, or null. */
export function refuseText(name: string, text: string): string | null {
  if (text.includes('\u0000')) return `${name}: not a YAML file (it holds binary data)`;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) return `${name}: ${megabytes(bytes)} is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit`;
  return null;
}

export async function readImports(list: Iterable<ImportedBlob>): Promise<ReadImports> {
  const files: StudioFile[] = [];
  const refused: string[] = [];
  for (const blob of list) {
    if (blob.size > MAX_IMPORT_BYTES) {
      refused.push(`${blob.name}: ${megabytes(blob.size)} is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit`);
      continue;
    }
    const extension = EXTENSION.exec(blob.name)?.[1];
    if (extension !== undefined && !YAML_NAME.test(blob.name)) {
      refused.push(`${blob.name}: not a YAML file (.${extension}; Route Studio reads .yaml, .yml and .json)`);
      continue;
    }
    let text: string;
    try {
      text = await blob.text();
    } catch (error) {
      refused.push(`${blob.name}: could not be read (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const why = refuseText(blob.name, text);
    if (why) refused.push(why);
    else files.push({ name: blob.name, text });
  }
  return { files, refused };
}
