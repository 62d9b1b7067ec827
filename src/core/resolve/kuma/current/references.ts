/**
 * References of the current model, relative to the policy that writes them: a `to[]` targetRef names destinations
 * (`rules/resolve/targetref.go:TargetRef`), a backendRef one real port or a legacy `kuma.io/service`
 * (`rules/resolve/backendref.go:BackendRef`). `reference/kuma/current-model.md` sections 3.3 and 4.
 */
import { DISPLAY_NAME_LABEL, NAMESPACE_LABEL } from '../../../model/kuma/current/scope';
import { findPortByName, sectionOf, type DestinationKind, type DestinationResource } from '../../../model/kuma/current/types';
import type { BackendRef, PolicyScope, TargetRef } from '../../../model/kuma/types';
import { labelsMatch } from './proxyIdentity';

/** One destination of a `to[]` entry: a resource, and one of its ports or all of them (`section` empty). */
export interface ResourceSection {
  resource: DestinationResource;
  section: string;
}

/** What a policy's references are relative to: its mesh, zone and namespace. */
export interface PolicyOrigin {
  mesh: string;
  scope: PolicyScope;
}

const DESTINATION_KINDS = new Set<string>(['MeshService', 'MeshExternalService', 'MeshMultiZoneService']);

/** `parseService`: `<name>_<namespace>_svc_<port>` (or without the port), split on `_` into 4 (or 3) parts. */
export function parseServiceName(name: string): { name: string; namespace: string; port: number } | null {
  const parts = name.split('_');
  if (parts.length === 4) {
    const port = Number(parts[3]);
    if (!/^-?\d+$/.test(parts[3] ?? '') || !Number.isSafeInteger(port)) return null;
    return { name: parts[0] ?? '', namespace: parts[1] ?? '', port };
  }
  if (parts.length === 3) return { name: parts[0] ?? '', namespace: parts[1] ?? '', port: 0 };
  return null;
}

function byIdentifier(all: readonly DestinationResource[], kind: string, origin: PolicyOrigin, name: string, namespace: string | undefined): DestinationResource[] {
  const ns = namespace || origin.scope.namespace;
  return all.filter((r) => r.kind === kind && r.id.mesh === origin.mesh && r.id.zone === origin.scope.zone && r.id.namespace === ns && r.id.name === name);
}

/** The (resource, section) pairs a `to[]` targetRef names; none for the subset kinds or nothing found. */
export function resolveTo(ref: TargetRef, origin: PolicyOrigin, all: readonly DestinationResource[]): ResourceSection[] {
  if (!DESTINATION_KINDS.has(ref.kind)) return [];
  let labels = ref.labels && Object.keys(ref.labels).length > 0 ? ref.labels : null;
  let port = 0;
  const sectionName = ref.sectionName ?? '';
  if (ref.kind === 'MeshService' && sectionName === '') {
    const legacy = parseServiceName(ref.name ?? '');
    if (legacy) {
      labels = { [NAMESPACE_LABEL]: legacy.namespace, [DISPLAY_NAME_LABEL]: legacy.name };
      port = legacy.port;
    }
  }
  const resources = labels ? all.filter((r) => r.kind === ref.kind && labelsMatch(labels, r.labels)) : byIdentifier(all, ref.kind, origin, ref.name ?? '', ref.namespace);
  if (port === 0 && sectionName === '') return resources.map((resource) => ({ resource, section: '' }));
  return resources.flatMap((resource) => {
    if (resource.kind === 'MeshExternalService') return [{ resource, section: '' }];
    const found = port !== 0 ? resource.ports.find((p) => p.port === port) : resource.ports.find((p) => sectionOf(p) === sectionName || (resource.portNamesUnknown === true && p.name === null));
    return found ? [{ resource, section: sectionOf(found) }] : [];
  });
}

export type ResolvedBackend =
  | { real: true; resource: DestinationResource; section: string }
  | { real: false; ref: BackendRef }
  /** A real reference that names nothing: Kuma drops it. */
  | null;

/** A backendRef, relative to the policy that writes it. */
export function resolveBackend(ref: BackendRef, origin: PolicyOrigin, all: readonly DestinationResource[]): ResolvedBackend {
  const realKind = ref.kind === 'MeshExternalService' || ref.kind === 'MeshMultiZoneService' || (ref.kind === 'MeshService' && (ref.port !== undefined || (ref.sectionName ?? '') !== ''));
  if (!realKind) return { real: false, ref };
  const kind = ref.kind as DestinationKind;
  let resource: DestinationResource | undefined;
  if (ref.labels && Object.keys(ref.labels).length > 0) {
    const labels = ref.labels;
    resource = all.filter((r) => r.kind === kind && labelsMatch(labels, r.labels)).sort((a, b) => a.age - b.age)[0];
  } else {
    resource = byIdentifier(all, kind, origin, ref.name, ref.namespace)[0];
  }
  if (!resource) return null;
  const section = ref.sectionName || (ref.port !== undefined && ref.port > 0 ? String(ref.port) : '');
  const port =
    resource.kind === 'MeshExternalService' ? resource.ports[0] : section === '' ? undefined : (findPortByName(resource, section) ?? (resource.portNamesUnknown ? resource.ports.find((p) => p.name === null) : undefined));
  if (!port) return null;
  return { real: true, resource, section: sectionOf(port) };
}
