/**
 * A map of tags (targetRef tags, inbound tags, subset labels): each tag's name and value can be edited, a tag removed
 * or added. Renaming a tag is one `rename` change: the tag keeps its place, its value and its comments.
 */
import { useState } from 'react';
import type { YamlPath } from '../../core';
import { TextField } from './fields';
import { useDocumentForm } from './FormContext';
import { required, tagNameProblem } from './validation';

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function TagsEditor({ path, value }: { path: YamlPath; value: unknown }) {
  const { edit } = useDocumentForm();
  const tags = asRecord(value);
  const [key, setKey] = useState('');
  return (
    <div className="form-tags" role="group" aria-label="tags">
      <span className="form-field__label">tags</span>
      {Object.entries(tags).map(([k, v]) => (
        <div className="form-tags__row" key={k}>
          <TextField label={k} path={[...path, k]} value={v} validate={required} head={<TagName path={path} name={k} taken={Object.keys(tags)} />} />
          <button type="button" aria-label={`Remove tag ${k}`} onClick={() => edit([{ op: 'delete', path: [...path, k] }])}>
            ✕
          </button>
        </div>
      ))}
      <div className="form-tags__row">
        <input aria-label="New tag name" placeholder="new tag" value={key} onChange={(e) => setKey(e.target.value)} />
        <button
          type="button"
          disabled={key.trim() === '' || key in tags}
          onClick={() => {
            if (!edit([{ op: 'set', path: [...path, key.trim()], value: '' }])) setKey('');
          }}
        >
          Add tag
        </button>
      </div>
    </div>
  );
}

/** A tag's name: renamed when the field is left or Enter is pressed (Escape restores it); a name it cannot take is refused. */
function TagName({ path, name, taken }: { path: YamlPath; name: string; taken: readonly string[] }) {
  const { edit } = useDocumentForm();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reset = () => {
    setDraft(null);
    setMessage(null);
  };
  const commit = () => {
    if (draft === null) return;
    const next = draft.trim();
    if (next === name) return reset();
    const refused = tagNameProblem(next, name, taken) ?? edit([{ op: 'rename', path: [...path, name], to: next }]);
    if (refused) setMessage(refused);
    else reset();
  };
  return (
    <span className="form-tags__name">
      <input
        aria-label={`name of tag ${name}`}
        value={draft ?? name}
        spellCheck={false}
        aria-invalid={message ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') reset();
        }}
      />
      {message && (
        <span className="form-field__message" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
