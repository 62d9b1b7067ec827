/** Runs a TSB schema and turns each violation into a diagnostic with a TSB code, the rule's wording and a fix hint. */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { asRecord } from '../../model/raw';
import type { NodePath } from '../../source/path';
import { finding, type Finding } from '../finding';
import { unknownFields, type JsonSchema } from '../schema';

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });

export function tsbSchemaCheck(schema: JsonSchema): (value: unknown, at: NodePath) => Finding[] {
  let validate: ValidateFunction | null = null;
  return (value, at) => {
    validate ??= ajv.compile(schema);
    const out: Finding[] = [];
    if (!validate(value)) for (const error of validate.errors ?? []) out.push(toFinding(error, at));
    return [...out, ...unknownFields(value, schema, at)];
  };
}

function toFinding(error: ErrorObject, at: NodePath): Finding {
  const path = [...at, ...pointerToPath(error.instancePath)];
  const params = error.params as Record<string, unknown>;
  const parent = asRecord(error.parentSchema) ?? {};
  const code = typeof parent['x-code'] === 'string' ? parent['x-code'] : undefined;
  const hint = typeof parent['x-hint'] === 'string' ? parent['x-hint'] : undefined;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      return finding('error', 'TSB_REQUIRED', [...path, field], `must be defined (TSB requires "${field}" here)`);
    }
    case 'minLength':
      return finding('error', 'TSB_EMPTY', path, `must not be empty (min_len: 1)${hint ? `: give ${hint}` : ''}`);
    case 'minimum':
    case 'maximum':
      return finding('error', code ?? 'TSB_RANGE', path, `${String(error.data)} is out of range: must be ${hint ?? error.message}`);
    case 'pattern':
      return finding('error', code ?? 'TSB_PATTERN', path, `"${String(error.data)}" has the wrong format: must be ${hint ?? `matching ${String(params.pattern)}`}`);
    case 'enum':
      return finding('error', code ?? 'TSB_ENUM', path, `"${String(error.data)}" is not supported (allowed: ${(params.allowedValues as unknown[]).join(', ')})`);
    case 'type':
      return finding('error', 'TSB_TYPE', path, `must be ${describeType(params.type)}${hint ? `: ${hint}` : ''}`);
    default:
      return finding('error', code ?? 'TSB_SCHEMA', path, error.message ?? 'is invalid');
  }
}

function describeType(type: unknown): string {
  const names: Record<string, string> = { object: 'a map', array: 'a list', integer: 'a whole number', string: 'a string', number: 'a number', boolean: 'true or false' };
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => names[String(t)] ?? String(t)).join(' or ');
}

function pointerToPath(pointer: string): NodePath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
