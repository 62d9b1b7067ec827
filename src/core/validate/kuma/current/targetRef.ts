/**
 * Kuma 2.14 `ValidateTargetRef` (`pkg/core/resources/apis/mesh/validators.go`) for the current model, with the route
 * validators' allowed kinds per position (`reference/kuma/current-model.md` section 2) and the deprecations of a
 * top-level MeshService, MeshServiceSubset or MeshSubset.
 */
import { asRecord, asString, type RawRecord } from '../../../model/raw';
import type { NodePath } from '../../../source/path';
import { finding, type Finding } from '../../finding';
import { closest } from '../../suggest';
import { CODES, validateTags } from '../targetRef';

const NAME_CHARSET = /^[0-9a-z.\-_]*$/;

export const CURRENT_TOP_KINDS = ['Mesh', 'MeshSubset', 'MeshGateway', 'MeshService', 'MeshServiceSubset', 'Dataplane'];
export const CURRENT_TO_KINDS = ['MeshService', 'MeshExternalService', 'MeshMultiZoneService'];
export const CURRENT_BACKEND_KINDS = ['MeshService', 'MeshServiceSubset', 'MeshExternalService', 'MeshMultiZoneService'];

export interface CurrentRefOptions {
  /** A top-level targetRef of a route: `sectionName` of a Dataplane is for inbound policies only. */
  topLevel?: boolean;
  gatewayListenerTagsAllowed?: boolean;
}

function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export function validateCurrentTargetRef(raw: unknown, path: NodePath, allowed: readonly string[], options: CurrentRefOptions = {}): Finding[] {
  const ref = asRecord(raw);
  if (!ref) return [];
  const kind = asString(ref.kind) ?? '';
  const allowedText = `(allowed: ${allowed.join(', ')})`;
  if (kind === '') return [finding('error', CODES.kind, [...path, 'kind'], `must be defined ${allowedText}`)];
  if (!allowed.includes(kind)) {
    const suggestion = closest(kind, allowed);
    const found = finding('error', CODES.kind, [...path, 'kind'], `value '${kind}' is not supported ${allowedText}`);
    return [suggestion ? { ...found, suggestion } : found];
  }
  const out: Finding[] = [];
  const forbid = (...fields: string[]) => {
    for (const field of fields) if (isSet(ref[field])) out.push(finding('error', CODES.field, [...path, field], `must not be set with kind ${kind}`));
  };
  const hasLabels = Object.keys(asRecord(ref.labels) ?? {}).length > 0;
  const name = asString(ref.name) ?? (typeof ref.name === 'number' ? String(ref.name) : '');
  const namespace = asString(ref.namespace) ?? '';
  const nameOrLabels = () => {
    if (!hasLabels && name === '') out.push(finding('error', CODES.field, path, `name or labels must be set when kind is ${kind}`));
  };
  const labelsOrName = (message: string) => {
    if (hasLabels && (name !== '' || namespace !== '')) out.push(finding('error', CODES.field, [...path, 'labels'], message));
  };
  const validName = () => {
    if (!NAME_CHARSET.test(name)) out.push(finding('error', CODES.name, [...path, 'name'], "invalid characters: must consist of lower case alphanumeric characters, '-', '.' and '_'."));
  };
  switch (kind) {
    case 'Mesh':
      if (name !== '') out.push(finding('error', CODES.field, [...path, 'name'], 'using name with kind Mesh is not yet supported'));
      forbid('mesh', 'tags', 'labels', 'namespace', 'sectionName');
      break;
    case 'Dataplane':
      forbid('tags', 'mesh', 'proxyTypes');
      labelsOrName('either labels or name and namespace must be specified');
      if (options.topLevel && isSet(ref.sectionName)) out.push(finding('error', CODES.field, [...path, 'sectionName'], 'can only be used with inbound policies'));
      break;
    case 'MeshSubset':
      forbid('name', 'mesh');
      out.push(...validateTags(ref, path));
      forbid('labels', 'namespace', 'sectionName');
      break;
    case 'MeshService':
      validName();
      forbid('mesh', 'tags', 'proxyTypes');
      nameOrLabels();
      labelsOrName('either labels or name and namespace must be specified');
      break;
    case 'MeshServiceSubset':
    case 'MeshGateway':
      if (name === '') out.push(finding('error', CODES.field, [...path, 'name'], `must be set with kind ${kind}`));
      validName();
      forbid('mesh', 'proxyTypes');
      out.push(...validateTags(ref, path));
      if (kind === 'MeshGateway' && !options.gatewayListenerTagsAllowed) forbid('tags');
      forbid('labels', 'namespace', 'sectionName');
      break;
    case 'MeshExternalService':
      validName();
      forbid('mesh', 'tags', 'proxyTypes');
      nameOrLabels();
      labelsOrName('either labels or name must be specified');
      forbid('sectionName');
      break;
    // MeshMultiZoneService: ValidateTargetRef has no case for it, its fields go unchecked.
  }
  return out;
}

/** `ValidateBackendRef`: a MeshMultiZoneService backendRef needs its port. */
export function validateCurrentBackendRef(raw: unknown, path: NodePath): Finding[] {
  const out = validateCurrentTargetRef(raw, path, CURRENT_BACKEND_KINDS);
  const ref = asRecord(raw);
  if (ref && asString(ref.kind) === 'MeshMultiZoneService' && ref.port === undefined) out.push(finding('error', CODES.field, [...path, 'port'], 'must be defined with kind MeshMultiZoneService'));
  return out;
}

/** `TopLevelTargetRefDeprecations`: the service-tag kinds at the top level. */
export function topLevelDeprecation(raw: unknown, path: NodePath): Finding[] {
  const kind = asString(asRecord(raw)?.kind);
  if (kind !== 'MeshService' && kind !== 'MeshServiceSubset' && kind !== 'MeshSubset') return [];
  return [finding('warning', 'KUMA_DEPRECATED', [...path, 'kind'], `${kind} value for 'targetRef.kind' is deprecated, use Dataplane with labels instead`)];
}

/** The allowed `to[]` kinds under a top-level targetRef. */
export function currentToKinds(top: RawRecord | undefined): string[] {
  return asString(top?.kind) === 'MeshGateway' ? ['Mesh'] : CURRENT_TO_KINDS;
}

/** A MeshService backendRef without `port` or `sectionName` is not a reference to a MeshService resource in Kuma 2.14: say so. */
export function warnLabelsWithoutPort(raw: unknown, path: NodePath): Finding[] {
  const ref = asRecord(raw);
  if (!ref || asString(ref.kind) !== 'MeshService' || ref.port !== undefined || isSet(ref.sectionName)) return [];
  const hasLabels = Object.keys(asRecord(ref.labels) ?? {}).length > 0;
  const name = asString(ref.name) ?? '';
  const legacy = hasLabels || name === '' ? 'a legacy kuma.io/service reference with an empty name, which routes nowhere' : `the legacy kuma.io/service "${name}", not the MeshService "${name}"`;
  return [
    finding(
      'warning',
      'KUMA_BACKENDREF_NO_PORT',
      path,
      `a MeshService backendRef without port or sectionName does not reference a MeshService resource in Kuma 2.14 (BackendRef.ReferencesRealObject): it is read as ${legacy}; add \`port\``,
    ),
  ];
}
