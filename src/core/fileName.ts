/**
 * A tab name that says what a pasted text holds. The page runs this itself (on paste), so it reads with the `yaml`
 * library the page already has for edits, and only the first documents of a large paste: a name needs no more.
 */
import { parseAllDocuments } from 'yaml';
import { splitDocuments } from './source/chunks';

/** Documents read to find a name; the rest are only counted. */
const READ_AT_MOST = 20;

/** `meshtcproute-tcp-route-1.yaml` for one resource, `...-and-2-more.yaml` for several; null when nothing names it. */
export function suggestFileName(text: string): string | null {
  const chunks = splitDocuments(text);
  const resources: { kind: string; name: string }[] = [];
  let counted = 0;
  chunks.forEach((chunk, i) => {
    if (i >= READ_AT_MOST) {
      if (/^\s*(kind|type):/m.test(chunk.text)) counted++;
      return;
    }
    const docs = parseAllDocuments(chunk.text);
    for (const doc of Array.isArray(docs) ? docs : []) {
      if (doc.errors.length > 0) continue;
      const value = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
      if (!value || typeof value !== 'object') continue;
      const kind = typeof value.kind === 'string' ? value.kind : typeof value.type === 'string' ? value.type : null;
      if (!kind) continue;
      const metadata = value.metadata as Record<string, unknown> | undefined;
      const name = metadata && typeof metadata.name === 'string' ? metadata.name : typeof value.name === 'string' ? value.name : '';
      resources.push({ kind, name });
    }
  });
  const first = resources[0];
  if (!first) return null;
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const base = [slug(first.kind), slug(first.name)].filter(Boolean).join('-') || 'resource';
  const others = resources.length - 1 + counted;
  return `${base}${others > 0 ? `-and-${others}-more` : ''}.yaml`;
}
