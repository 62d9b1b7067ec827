import type { Diagnostic } from '../../diagnostics';
import type { MeshInventory } from '../../model/kuma/inventory';
import { SERVICE_TAG, type RoutePolicy } from '../../model/kuma/types';
import { selectorOf } from './selection';

/** A policy that selects no proxy of its mesh is almost always a typo in its targetRef: say so. */
export function unselectedPolicies(inventory: MeshInventory, sorted: readonly RoutePolicy[], selectedAny: ReadonlySet<RoutePolicy>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const policy of sorted) {
    if (policy.targetRef.kind === 'MeshGateway' || selectedAny.has(policy)) continue;
    const selector = selectorOf(policy.targetRef) ?? {};
    const byOtherTags = Object.keys(selector).some((tag) => tag !== SERVICE_TAG);
    const hint = inventory.inferred && byOtherTags ? ` (the mesh has no Dataplane; inferred proxies carry only the ${SERVICE_TAG} tag)` : '';
    out.push({
      ...policy.targetRefKeyLocation,
      severity: 'info',
      code: 'KUMA_SELECTS_NO_PROXY',
      message: `spec.targetRef: policy "${policy.name}" selects no proxy of mesh "${inventory.mesh}"${hint}`,
    });
  }
  return out;
}
