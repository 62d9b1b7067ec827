/**
 * Form fields bound to one path of the document. A field writes through a DocumentChange as the value is typed;
 * a value it cannot accept stays in the field with the reason next to it and is never written.
 */
import { useId, useState, type ReactNode } from 'react';
import type { YamlPath } from '../../core';
import { pathKey, useDocumentForm } from './FormContext';
import { parseInteger, type Validator } from './validation';

interface FieldProps {
  label: string;
  path: YamlPath;
  hint?: ReactNode;
}

/** Local text while the value is refused (or before it is written); the document's value otherwise. */
function useRefusable() {
  const [refused, setRefused] = useState<{ text: string; message: string } | null>(null);
  return { refused, setRefused };
}

function FieldFrame({ id, label, message, hint, head, children }: { id: string; label: string; message: string | null; hint?: ReactNode; head?: ReactNode; children: ReactNode }) {
  return (
    <div className={`form-field${message ? ' form-field--refused' : ''}`}>
      {head ?? (
        <label htmlFor={id} className="form-field__label">
          {label}
        </label>
      )}
      <div className="form-field__control">
        {children}
        {hint}
      </div>
      {message && (
        <div className="form-field__message" id={`${id}-message`} role="alert">
          {message}
        </div>
      )}
    </div>
  );
}

/** `head`: shown instead of the label (which then names the input for assistive technology), e.g. a tag's name field. */
export function TextField({ label, path, value, validate, list, hint, head }: FieldProps & { value: unknown; validate?: Validator; list?: string; head?: ReactNode }) {
  const id = useId();
  const { edit } = useDocumentForm();
  const { refused, setRefused } = useRefusable();
  const shown = refused?.text ?? (value === undefined || value === null ? '' : String(value));
  const onChange = (text: string) => {
    const message = validate?.(text) ?? null;
    if (message) return setRefused({ text, message });
    const error = edit([{ op: 'set', path, value: text }], `form:${pathKey(path)}`);
    setRefused(error ? { text, message: error } : null);
  };
  return (
    <FieldFrame id={id} label={label} message={refused?.message ?? null} hint={hint} head={head}>
      <input id={id} type="text" value={shown} list={list} spellCheck={false} aria-label={head ? label : undefined} aria-invalid={refused ? true : undefined} aria-describedby={refused ? `${id}-message` : undefined} onChange={(e) => onChange(e.target.value)} />
    </FieldFrame>
  );
}

export function NumberField({ label, path, value, min, max, what, hint }: FieldProps & { value: unknown; min: number; max?: number; what: string }) {
  const id = useId();
  const { edit } = useDocumentForm();
  const { refused, setRefused } = useRefusable();
  const shown = refused?.text ?? (typeof value === 'number' ? String(value) : '');
  const onChange = (text: string) => {
    const parsed = parseInteger(text, { min, max, what });
    if ('error' in parsed) return setRefused({ text, message: parsed.error });
    const error = edit([{ op: 'set', path, value: parsed.value }], `form:${pathKey(path)}`);
    setRefused(error ? { text, message: error } : null);
  };
  return (
    <FieldFrame id={id} label={label} message={refused?.message ?? null} hint={hint}>
      <input id={id} type="number" inputMode="numeric" value={shown} aria-invalid={refused ? true : undefined} aria-describedby={refused ? `${id}-message` : undefined} onChange={(e) => onChange(e.target.value)} />
    </FieldFrame>
  );
}

export function SelectField({ label, path, value, options, onSelect }: FieldProps & { value: unknown; options: readonly string[]; onSelect?: (option: string) => void }) {
  const id = useId();
  const { edit } = useDocumentForm();
  const current = typeof value === 'string' ? value : '';
  const known = options.includes(current);
  return (
    <FieldFrame id={id} label={label} message={null}>
      <select id={id} value={current} onChange={(e) => (onSelect ? onSelect(e.target.value) : edit([{ op: 'set', path, value: e.target.value }]))}>
        {!known && <option value={current}>{current === '' ? '(choose)' : `${current} (not allowed here)`}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Up, down and remove buttons of a list item; each is one change. */
export function ItemActions({ path, index, count, what }: { path: YamlPath; index: number; count: number; what: string }) {
  const { edit } = useDocumentForm();
  return (
    <span className="form-item__actions">
      <button type="button" title={`Move this ${what} up`} aria-label={`Move ${what} ${index + 1} up`} disabled={index === 0} onClick={() => edit([{ op: 'move', path, from: index, to: index - 1 }])}>
        ↑
      </button>
      <button type="button" title={`Move this ${what} down`} aria-label={`Move ${what} ${index + 1} down`} disabled={index === count - 1} onClick={() => edit([{ op: 'move', path, from: index, to: index + 1 }])}>
        ↓
      </button>
      <button type="button" title={`Remove this ${what}`} aria-label={`Remove ${what} ${index + 1}`} onClick={() => edit([{ op: 'delete', path: [...path, index] }])}>
        ✕
      </button>
    </span>
  );
}

export function AddButton({ path, index, value, children }: { path: YamlPath; index: number; value: unknown; children: ReactNode }) {
  const { edit } = useDocumentForm();
  return (
    <button type="button" className="form-add" onClick={() => edit([{ op: 'insert', path, index, value }])}>
      {children}
    </button>
  );
}

export function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
