/** A Kuma targetRef: the kind first, then only the fields that kind allows (name, tags). */
import type { DocumentChange, YamlPath } from '../../core';
import { SelectField, TextField } from './fields';
import { useDocumentForm } from './FormContext';
import { TagsEditor } from './TagsEditor';
import { required } from './validation';

type Record_ = Record<string, unknown>;

const FIELDS: Record<string, readonly ('name' | 'tags')[]> = {
  Mesh: [],
  MeshSubset: ['tags'],
  MeshService: ['name'],
  MeshServiceSubset: ['name', 'tags'],
  MeshGateway: ['name'],
};

export const SERVICES_LIST_ID = 'route-studio-form-services';

function asRecord(value: unknown): Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record_) : {};
}

/** Changes that switch a targetRef to `kind`, dropping the fields the new kind does not allow. */
export function kindChanges(path: YamlPath, ref: Record_, kind: string): DocumentChange[] {
  const allowed = FIELDS[kind] ?? [];
  const changes: DocumentChange[] = [{ op: 'set', path: [...path, 'kind'], value: kind }];
  for (const field of ['name', 'tags'] as const) {
    if (!allowed.includes(field) && field in ref) changes.push({ op: 'delete', path: [...path, field] });
  }
  if (allowed.includes('name') && !('name' in ref)) changes.push({ op: 'set', path: [...path, 'name'], value: '' });
  if (allowed.includes('tags') && !('tags' in ref)) changes.push({ op: 'set', path: [...path, 'tags'], value: {} });
  return changes;
}

export function TargetRefPicker({ label, path, value, kinds }: { label: string; path: YamlPath; value: unknown; kinds: readonly string[] }) {
  const { edit } = useDocumentForm();
  const ref = asRecord(value);
  const kind = typeof ref.kind === 'string' ? ref.kind : '';
  const allowed = FIELDS[kind] ?? ['name', 'tags'];
  return (
    <div className="form-targetref" role="group" aria-label={label}>
      <SelectField label={`${label} kind`} path={[...path, 'kind']} value={kind} options={kinds} onSelect={(next) => edit(kindChanges(path, ref, next))} />
      {allowed.includes('name') && <TextField label="name" path={[...path, 'name']} value={ref.name} validate={required} list={SERVICES_LIST_ID} />}
      {allowed.includes('tags') && <TagsEditor path={[...path, 'tags']} value={ref.tags} />}
    </div>
  );
}
