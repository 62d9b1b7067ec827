/** A RouteEntry from what decides it (a policy's resolution, or none) and where it applies. */
import type { MeshInventory } from '../../model/kuma/inventory';
import type { Proxy } from '../../model/kuma/types';
import type { RouteEntry } from '../routeTable';
import type { Resolution } from './destinations';

/** What decides a route: the policy (or none), its split, and where it is written. */
export type Decision = Pick<RouteEntry, 'kind' | 'policy' | 'backends' | 'overridden' | 'location' | 'selectorLocation'>;

/** An entry with no proxy yet: the caller adds the proxies that share it. */
export function routeEntry(inventory: MeshInventory, proxy: Proxy, source: string, destination: string, port: number | null, decision: Decision): RouteEntry {
  return {
    family: 'kuma',
    mesh: inventory.mesh,
    source,
    proxies: [],
    destination,
    port,
    protocol: inventory.services.get(destination) ?? 'unknown',
    kind: decision.kind,
    policy: decision.policy,
    name: null,
    match: null,
    backends: decision.backends,
    overridden: decision.overridden,
    location: decision.location,
    selectorLocation: decision.selectorLocation,
    sourceLocation: proxy.location,
  };
}

export function policyDecision({ winner, backends, overridden }: Resolution): Decision {
  return { kind: 'MeshTCPRoute', policy: winner.policy.name, backends, overridden, location: winner.to.location, selectorLocation: winner.policy.targetRefLocation };
}

/** No policy touches this destination: Kuma sends everything to the service itself. */
export function defaultDecision(destination: string): Decision {
  return { kind: 'default', policy: null, backends: [{ service: destination, tags: {}, weight: 100, percent: 100 }], overridden: [], location: null, selectorLocation: null };
}
