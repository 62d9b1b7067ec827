/**
 * `kubectl get ... -o yaml` writes `kind: List` with the resources under `items`: each item becomes a document of
 * its own, with its own ranges (its root is the item's node, so paths inside it are the item's paths).
 */
import { nodeAt, type SourceDocument } from './document';

function isList(value: unknown): value is { kind: 'List'; items: unknown[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return record.kind === 'List' && Array.isArray(record.items) && (record.apiVersion === undefined || record.apiVersion === 'v1');
}

/** The resources of one parsed document: the document itself, or the items of a `kind: List` (nested Lists too). */
export function resourceDocuments(sd: SourceDocument): SourceDocument[] {
  if (sd.broken || !isList(sd.value)) return [sd];
  const items = nodeAt(sd, ['items']);
  return sd.value.items.flatMap((value, i) => {
    if (value === null || value === undefined) return [];
    const root = items?.kind === 'seq' ? (items.items[i] ?? null) : null;
    return resourceDocuments({ ...sd, root, value, itemPath: [...(sd.itemPath ?? []), 'items', i] });
  });
}

/** Every resource of the parsed documents, Lists split into their items, in order. */
export function splitLists(documents: readonly SourceDocument[]): SourceDocument[] {
  return documents.flatMap(resourceDocuments);
}
