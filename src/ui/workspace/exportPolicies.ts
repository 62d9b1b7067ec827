/** The policies as files to take away: one tab, or the whole workspace as multi-document YAML or a JSON `List`. */
import { parseAllDocuments } from 'yaml';
import type { StudioFile } from '../../state';

export interface DownloadFile {
  name: string;
  text: string;
  mime: string;
  /** Something the person should know about the content (documents left out...). */
  note?: string;
}

export const WORKSPACE_YAML_NAME = 'policies-workspace.yaml';
export const WORKSPACE_JSON_NAME = 'policies-workspace.json';

export function tabFile(file: StudioFile): DownloadFile {
  const name = /\.(ya?ml|json)$/i.test(file.name) ? file.name : `${file.name}.yaml`;
  return { name, text: file.text, mime: name.endsWith('.json') ? 'application/json' : 'application/yaml' };
}

/** Every tab, one after the other, separated by `---`; a comment says which tab each part came from. */
export function workspaceYaml(files: readonly StudioFile[]): DownloadFile {
  const parts = files.map((f) => {
    const body = f.text.replace(/^---[ \t]*\r?\n/, '').replace(/\s+$/, '');
    return `# from ${f.name}\n${body}`;
  });
  return { name: WORKSPACE_YAML_NAME, text: `${parts.join('\n---\n')}\n`, mime: 'application/yaml' };
}

/** Every document of every tab as a Kubernetes `List` (what `kubectl get -o json` gives); documents with syntax errors are left out and counted. */
export function workspaceJson(files: readonly StudioFile[]): DownloadFile {
  const items: unknown[] = [];
  let broken = 0;
  for (const file of files) {
    for (const doc of parseAllDocuments(file.text)) {
      if (doc.errors.length > 0) {
        broken++;
        continue;
      }
      const value: unknown = doc.toJS();
      if (value !== null && value !== undefined) items.push(value);
    }
  }
  const text = `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2)}\n`;
  return {
    name: WORKSPACE_JSON_NAME,
    text,
    mime: 'application/json',
    ...(broken > 0 ? { note: `${broken} document${broken === 1 ? '' : 's'} with YAML syntax errors left out of the JSON` } : {}),
  };
}

/** Hands a file to the browser as a download. */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
