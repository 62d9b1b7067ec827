import { asArray, asRecord, asString, type RawRecord } from '../../model/raw';
import type { NodePath } from '../../source/path';
import { finding, type Finding } from '../finding';
import { closest } from '../suggest';

/** Kuma's name rule for MeshService and MeshServiceSubset (added in 2.5.0). */
const NAME_CHARSET = /^[0-9a-z.\-_]*$/;
const TAG_KEY_CHARSET = /^[a-zA-Z0-9.\-_:/]*$/;
const TAG_VALUE_CHARSET = /^[a-zA-Z0-9.\-_:]*$/;

/** Kinds that later Kuma versions accept, with the version that added them. */
const NEWER_KINDS: Record<string, string> = { Dataplane: '2.10', MeshExternalService: '2.9', MeshMultiZoneService: '2.9' };

/** Codes of the rules below, stable for tools and tests. */
export const CODES = {
  kind: 'KUMA_TARGETREF_KIND',
  field: 'KUMA_TARGETREF_FIELD',
  name: 'KUMA_TARGETREF_NAME',
  tag: 'KUMA_TAG',
} as const;

/**
 * Kuma 2.6 `ValidateTargetRef`: the kind must be one of `allowed`, then per-kind field rules.
 * After a kind error no other check of that targetRef runs, as in Kuma. `gatewayListenerTagsAllowed`: MeshGateway may carry
 * listener tags (MeshHTTPRoute passes it in 2.6).
 */
export function validateTargetRef(raw: unknown, path: NodePath, allowed: readonly string[], options: { gatewayListenerTagsAllowed?: boolean } = {}): Finding[] {
  const ref = asRecord(raw);
  if (!ref) return []; // a missing or mistyped targetRef is reported by the schema
  const kind = asString(ref.kind) ?? '';
  const allowedText = `(allowed: ${allowed.join(', ')})`;
  if (kind === '') return [finding('error', CODES.kind, [...path, 'kind'], `must be defined ${allowedText}`)];
  if (!allowed.includes(kind)) {
    const since = NEWER_KINDS[kind];
    const note = since ? `; kind ${kind} exists from Kuma ${since}, Route Studio follows Kuma 2.6` : '';
    const suggestion = since ? null : closest(kind, allowed);
    const found = finding('error', CODES.kind, [...path, 'kind'], `value is not supported ${allowedText}${note}`);
    return [suggestion ? { ...found, suggestion } : found];
  }

  const out: Finding[] = [];
  const forbid = (field: string, message = `must not be set with kind ${kind}`) => {
    if (isSet(ref[field])) out.push(finding('error', CODES.field, [...path, field], message));
  };
  switch (kind) {
    case 'Mesh':
      forbid('name', 'using name with kind Mesh is not yet supported');
      forbid('mesh');
      forbid('tags');
      break;
    case 'MeshSubset':
      forbid('name');
      forbid('mesh');
      out.push(...validateTags(ref, path));
      break;
    case 'MeshService':
      out.push(...validateName(ref, path, kind));
      forbid('mesh');
      forbid('tags');
      forbid('proxyTypes');
      break;
    case 'MeshServiceSubset':
      out.push(...validateName(ref, path, kind));
      forbid('mesh');
      forbid('proxyTypes');
      out.push(...validateTags(ref, path));
      break;
    case 'MeshGateway':
      out.push(...validateName(ref, path, kind));
      forbid('mesh');
      forbid('proxyTypes');
      if (options.gatewayListenerTagsAllowed) out.push(...validateTags(ref, path));
      else forbid('tags');
      break;
  }
  return out;
}

function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function validateName(ref: RawRecord, path: NodePath, kind: string): Finding[] {
  const name = ref.name === undefined || ref.name === null ? '' : String(ref.name);
  if (name === '') return [finding('error', CODES.field, [...path, 'name'], `must be set with kind ${kind}`)];
  if (!NAME_CHARSET.test(name)) {
    return [finding('error', CODES.name, [...path, 'name'], "invalid characters: must consist of lower case alphanumeric characters, '-', '.' and '_'.")];
  }
  return [];
}

/** Kuma `ValidateTags`: non-empty keys and values from restricted alphabets (so `*` is refused). */
export function validateTags(ref: RawRecord, path: NodePath): Finding[] {
  const tags = asRecord(ref.tags);
  if (!tags) return [];
  const out: Finding[] = [];
  for (const [key, raw] of Object.entries(tags)) {
    if (raw !== null && typeof raw === 'object') continue; // not a string at all: the schema says so
    const at = [...path, 'tags', key];
    const value = raw === null || raw === undefined ? '' : String(raw);
    if (key === '') out.push(finding('error', CODES.tag, [...path, 'tags'], 'tag name must be non-empty'));
    else if (!TAG_KEY_CHARSET.test(key)) {
      out.push({ ...finding('error', CODES.tag, at, 'tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores'), part: 'key' });
    }
    if (value === '') out.push(finding('error', CODES.tag, at, 'tag value must be non-empty'));
    else if (!TAG_VALUE_CHARSET.test(value)) {
      out.push(finding('error', CODES.tag, at, 'tag value must consist of alphanumeric characters, dots, dashes and underscores'));
    }
  }
  return out;
}

/** A MeshServiceSubset without tags passes Kuma's validation but selects the whole service: say so. */
export function warnSubsetWithoutTags(raw: unknown, path: NodePath): Finding[] {
  const ref = asRecord(raw);
  if (asString(ref?.kind) !== 'MeshServiceSubset') return [];
  const tags = asRecord(ref?.tags);
  if (tags && Object.keys(tags).length > 0) return [];
  return [
    finding('warning', 'KUMA_SUBSET_WITHOUT_TAGS', [...path, 'kind'], 'MeshServiceSubset without tags means the whole service; add tags to select a subset, or use kind MeshService'),
  ];
}

export function proxyTypesOf(ref: RawRecord): string[] | undefined {
  const types = asArray(ref.proxyTypes);
  return types?.filter((t): t is string => typeof t === 'string');
}
