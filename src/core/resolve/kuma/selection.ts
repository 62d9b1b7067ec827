import type { Proxy, RoutePolicy, TargetRef } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';

/** Kuma `TagSelector.Matches`: every selector tag is present with the same value (or `*`). */
export function tagsMatch(selector: Record<string, string>, tags: Record<string, string>): boolean {
  for (const key in selector) {
    const want = selector[key];
    const have = tags[key];
    if (have === undefined || (have !== want && want !== '*')) return false;
  }
  return true;
}

function proxyTypeAllowed(ref: TargetRef, proxy: Proxy): boolean {
  if (!ref.proxyTypes || ref.proxyTypes.length === 0) return true;
  return ref.proxyTypes.includes(proxy.gateway ? 'Gateway' : 'Sidecar');
}

const selectors = new WeakMap<TargetRef, Record<string, string> | null>();

/**
 * The selector a top-level targetRef applies to each inbound's tags, or null for kinds that select no sidecar.
 * Computed once per targetRef: a large mesh asks it for every proxy and candidate policy.
 */
export function selectorOf(ref: TargetRef): Record<string, string> | null {
  let selector = selectors.get(ref);
  if (selector === undefined) selectors.set(ref, (selector = buildSelector(ref)));
  return selector;
}

function buildSelector(ref: TargetRef): Record<string, string> | null {
  switch (ref.kind) {
    case 'Mesh':
      return {};
    case 'MeshSubset':
      return ref.tags;
    case 'MeshService':
      return { [SERVICE_TAG]: ref.name ?? '' };
    case 'MeshServiceSubset':
      return { [SERVICE_TAG]: ref.name ?? '', ...ref.tags }; // Kuma sets the service from the name, then copies the tags over it
    default:
      return null; // MeshGateway routes select builtin gateways, which are not drawn yet
  }
}

/** Whether the policy selects a proxy through one set of its tags (an inbound's, or a delegated gateway's). */
export function selectsTags(policy: RoutePolicy, proxy: Proxy, tags: Record<string, string>): boolean {
  const ref = policy.targetRef;
  if ((ref.kind === 'Mesh' || ref.kind === 'MeshSubset') && !proxyTypeAllowed(ref, proxy)) return false;
  const selector = selectorOf(ref);
  return selector !== null && tagsMatch(selector, tags);
}

/** Kuma `dppSelectedByPolicy` for sidecars: selected when at least one inbound matches (tags are never merged across inbounds). */
export function selects(policy: RoutePolicy, proxy: Proxy): boolean {
  const ref = policy.targetRef;
  if ((ref.kind === 'Mesh' || ref.kind === 'MeshSubset') && !proxyTypeAllowed(ref, proxy)) return false;
  const selector = selectorOf(ref);
  if (!selector) return false;
  if (proxy.gateway && proxy.gateway.type !== 'BUILTIN' && proxy.inbounds.length === 0) return tagsMatch(selector, proxy.gateway.tags);
  return proxy.inbounds.some((inbound) => tagsMatch(selector, inbound.tags));
}
