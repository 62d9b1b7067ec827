/**
 * The examples gallery: the demo mesh, then every file under `examples/<family>/` (the examples of the seed
 * documents, each with the Dataplanes or services it needs to be drawn). A file's first comment line is its
 * description; its name (`NN-some-title.yaml`) gives the order and the title.
 */
import type { SourceFile } from '../core';
import { demoFiles } from './index';

export interface Example {
  id: string;
  family: string;
  title: string;
  description: string;
  files: SourceFile[];
}

const raw = import.meta.glob<string>('./examples/**/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });

function titleOf(fileName: string): string {
  const base = fileName.replace(/\.(ya?ml)$/i, '').replace(/^\d+-/, '').replace(/-/g, ' ');
  const words = base.replace(/\b(tcp|http2?|tls|grpc|tsb)\b/gi, (w) => w.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function descriptionOf(text: string): string {
  const first = text.split('\n').find((line) => line.trim() !== '');
  return first?.startsWith('#') ? first.replace(/^#\s*/, '') : '';
}

export function exampleFromFile(path: string, text: string): Example {
  const parts = path.split('/');
  const fileName = parts.at(-1) ?? path;
  const family = parts.at(-2) ?? '';
  return { id: `${family}/${fileName}`, family, title: titleOf(fileName), description: descriptionOf(text), files: [{ name: fileName, text }] };
}

const demo: Example = {
  id: 'demo',
  family: 'kuma',
  title: 'Demo mesh (kuma-demo)',
  description: 'The kuma-demo mesh of the MeshTCPRoute page: frontend, backend v0/v1 and a 90/10 traffic split.',
  files: demoFiles,
};

export const examples: Example[] = [
  demo,
  ...Object.entries(raw)
    // By code unit, not localeCompare: the paths are plain ASCII, and the first localeCompare of a page loads the
    // collation tables, about 10 ms of the first load.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, text]) => exampleFromFile(path, text)),
];
