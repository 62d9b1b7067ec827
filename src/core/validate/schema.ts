import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { NodePath } from '../source/path';
import { asRecord } from '../model/raw';
import { finding, type Finding } from './finding';
import { closest } from './suggest';

/** The part of JSON Schema this module reads: enough for Kuma's OpenAPI schemas and our own shapes. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  [keyword: string]: unknown;
}

const ajv = new Ajv({ allErrors: true, strict: false });
// Kuma's MeshHTTPRoute schema marks ports `format: int32` (its range is checked by minimum/maximum as well).
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });

/** A compiled schema that reports its violations as findings under a path prefix. */
export interface SchemaCheck {
  (value: unknown, at: NodePath): Finding[];
}

/**
 * Compiles `schema` once; each call returns the schema violations (code `SCHEMA`) and unknown fields
 * (code `UNKNOWN_FIELD`, warnings). `skip` drops violations that a more precise rule reports itself.
 */
export function schemaCheck(code: string, schema: JsonSchema, skip: (e: ErrorObject) => boolean = () => false, hints: FieldHints = {}): SchemaCheck {
  let validate: ValidateFunction | null = null;
  return (value, at) => {
    validate ??= ajv.compile(schema);
    const out: Finding[] = [];
    if (!validate(value)) {
      for (const error of validate.errors ?? []) {
        if (!skip(error)) out.push(schemaFinding(code, error, at, value));
      }
    }
    out.push(...unknownFields(value, schema, at, hints));
    return out;
  };
}

function schemaFinding(code: string, error: ErrorObject, at: NodePath, value: unknown): Finding {
  const pointer = pointerToPath(error.instancePath);
  const path = [...at, ...pointer];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return finding('error', code, [...path, String(params.missingProperty)], 'must be defined');
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const written = valueAt(value, pointer);
      const suggestion = typeof written === 'string' ? closest(written, allowed.map(String)) : null;
      const found = finding('error', code, path, `value is not supported (allowed: ${allowed.join(', ')})`);
      return suggestion ? { ...found, suggestion } : found;
    }
    case 'minItems':
      return finding('error', code, path, `must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`);
    case 'maxItems':
      return finding('error', code, path, `must have at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`);
    case 'minimum':
      return finding('error', code, path, `must be greater than or equal to ${String(params.limit)}`);
    case 'type':
      return finding('error', code, path, `must be ${describeType(String(params.type))}`);
    default:
      return finding('error', code, path, error.message ?? 'is invalid');
  }
}

function describeType(type: string): string {
  return { object: 'a map', array: 'a list', integer: 'an integer', string: 'a string', number: 'a number', boolean: 'true or false' }[type] ?? type;
}

function valueAt(root: unknown, path: NodePath): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function pointerToPath(pointer: string): NodePath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Explanations for unknown fields that are known elsewhere (a newer version of the API, say), by field name. */
export type FieldHints = Record<string, string>;

/** Fields the schema does not know: warnings, so a typo like `wieght` does not pass silently. */
export function unknownFields(value: unknown, schema: JsonSchema, at: NodePath, hints: FieldHints = {}): Finding[] {
  const out: Finding[] = [];
  const walk = (v: unknown, s: JsonSchema, path: NodePath) => {
    if (Array.isArray(v)) {
      if (s.items) v.forEach((item, i) => walk(item, s.items as JsonSchema, [...path, i]));
      return;
    }
    const record = asRecord(v);
    if (!record || !s.properties) return;
    const known = Object.keys(s.properties);
    for (const [key, child] of Object.entries(record)) {
      const childSchema = s.properties[key];
      if (childSchema) walk(child, childSchema, [...path, key]);
      else if (s.additionalProperties === undefined || s.additionalProperties === false) {
        const hint = hints[key] ? `: ${hints[key]}` : ` (known: ${known.join(', ')})`;
        const suggestion = hints[key] ? null : closest(key, known);
        out.push({ ...finding('warning', 'UNKNOWN_FIELD', [...path, key], `unknown field "${key}" is ignored${hint}`), part: 'key', ...(suggestion ? { suggestion } : {}) });
      }
    }
  };
  walk(value, schema, at);
  return out;
}
