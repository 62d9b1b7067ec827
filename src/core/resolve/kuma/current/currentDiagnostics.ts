/** What the current model's resolution says about a mesh: references that name nothing, policies that select nothing. */
import type { Diagnostic } from '../../../diagnostics';
import type { BackendRef, RoutePolicy } from '../../../model/kuma/types';
import type { CurrentMesh, TargetedEntry } from './currentIndex';
import { resolveBackend } from './references';

function describeRef(ref: { name?: string; namespace?: string; labels?: Record<string, string> | null; sectionName?: string; port?: number }, policy: RoutePolicy): string {
  if (ref.labels && Object.keys(ref.labels).length > 0) {
    return `labels ${Object.entries(ref.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`;
  }
  const namespace = ref.namespace || policy.scope.namespace;
  const zone = policy.scope.zone;
  return `name "${ref.name ?? ''}"${namespace ? ` in namespace "${namespace}"` : ' (no namespace)'}${zone ? ` of zone "${zone}"` : ''}`;
}

export function currentMeshDiagnostics(mesh: CurrentMesh, entries: readonly TargetedEntry[], selected: ReadonlySet<RoutePolicy>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of entries) {
    const ref = entry.to.destination;
    if (entry.targets.length === 0 && (ref.kind === 'MeshService' || ref.kind === 'MeshExternalService' || ref.kind === 'MeshMultiZoneService')) {
      const port = ref.sectionName ? `, port "${ref.sectionName}"` : '';
      out.push({
        ...entry.to.destinationLocation,
        severity: 'warning',
        code: 'KUMA_TO_NO_DESTINATION',
        message: `spec.to[${entry.to.index}].targetRef: no ${ref.kind} of mesh "${mesh.mesh}" has ${describeRef(ref, entry.policy)}${port}: this entry routes nothing`,
      });
    }
    if (ref.sectionName && entry.targets.some((t) => t.resource.portNamesUnknown)) {
      out.push({
        ...entry.to.destinationLocation,
        severity: 'info',
        code: 'KUMA_SECTION_UNCHECKED',
        message: `spec.to[${entry.to.index}].targetRef: sectionName "${ref.sectionName}" is accepted unchecked: the MeshService was inferred from Kubernetes Dataplanes, whose inbound tags do not carry the Service port's name`,
      });
    }
    const refs: BackendRef[] = 'backendRefs' in entry.to ? entry.to.backendRefs : entry.to.rules.flatMap((r) => r.backendRefs ?? []);
    for (const backend of refs) {
      if (resolveBackend(backend, entry.policy, mesh.destinations) !== null) continue;
      const port = backend.sectionName ? `sectionName "${backend.sectionName}"` : backend.port !== undefined ? `port ${backend.port}` : 'its port';
      out.push({
        ...backend.location,
        severity: 'warning',
        code: 'KUMA_BACKENDREF_UNRESOLVED',
        message: `backendRef ${backend.kind} with ${describeRef(backend, entry.policy)} and ${port} names no port of a ${backend.kind} of mesh "${mesh.mesh}": Kuma drops it from the split`,
      });
    }
  }
  for (const policy of mesh.policies) {
    if (policy.scope.shadow) {
      out.push({ ...policy.location, severity: 'info', code: 'KUMA_SHADOW_POLICY', message: `policy "${policy.name}" has the label kuma.io/effect: shadow: Kuma applies it to no proxy (IsShadowedResource)` });
      continue;
    }
    if (policy.targetRef.kind === 'MeshGateway' || selected.has(policy) || mesh.proxies.length === 0) continue;
    const why =
      policy.scope.role === 'consumer' || policy.scope.role === 'workload-owner'
        ? ` (a ${policy.scope.role} policy applies only to Dataplanes of its namespace "${policy.scope.namespace}")`
        : '';
    out.push({ ...policy.targetRefKeyLocation, severity: 'info', code: 'KUMA_SELECTS_NO_PROXY', message: `spec.targetRef: policy "${policy.name}" selects no proxy of mesh "${mesh.mesh}"${why}` });
  }
  return out;
}
