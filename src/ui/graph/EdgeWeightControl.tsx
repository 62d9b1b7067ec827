/**
 * The weight of a split's backend, editable on its selected edge: the same DocumentChange the form makes, applied
 * through the store (one undo step). The backend's document and path come from the edge's source location.
 */
import { useMemo, useState } from 'react';
import type { SourceLocation } from '../../core';
// The page edits YAML itself (the `yaml` library only): not through core/index, which brings the whole analysis.
import { documentIndexAtLine, readDocument } from '../../core/edit/applyChanges';
import { parsePath } from '../../core/edit/parsePath';
import { useStudio } from '../../state';

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function EdgeWeightControl({ location, label }: { location: SourceLocation; label: string }) {
  const text = useStudio((s) => s.files.find((f) => f.name === location.file)?.text ?? '');
  const applyDocumentChanges = useStudio((s) => s.applyDocumentChanges);
  const [refused, setRefused] = useState<{ text: string; message: string } | null>(null);
  const target = useMemo(() => {
    const path = parsePath(location.path);
    const documentIndex = documentIndexAtLine(text, location.line);
    if (!path || documentIndex === null) return null;
    const weight = valueAt(readDocument(text, documentIndex), [...path, 'weight']);
    return { path: [...path, 'weight'], documentIndex, weight: typeof weight === 'number' ? weight : null };
  }, [text, location]);
  if (!target || target.weight === null) return null;

  const onChange = (value: string) => {
    const weight = Number(value);
    if (value.trim() === '' || !Number.isInteger(weight) || weight < 0) return setRefused({ text: value, message: 'a weight is a whole number, 0 or more' });
    const failed = applyDocumentChanges({ file: location.file, documentIndex: target.documentIndex }, [{ op: 'set', path: target.path, value: weight }], {
      coalesce: `graph:${location.file}:${location.path}`,
    });
    setRefused(failed ? { text: value, message: failed.error } : null);
  };
  return (
    <span className="route-edge-weight nodrag nopan">
      <label>
        weight
        <input
          type="number"
          min={0}
          value={refused?.text ?? String(target.weight)}
          aria-label={`weight (${label})`}
          aria-invalid={refused ? true : undefined}
          title={refused?.message}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
    </span>
  );
}
