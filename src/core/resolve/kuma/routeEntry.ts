/** A RouteEntry from what decides it (a policy's resolution, or none) and where it applies. */
import type { MeshInventory } from '../../model/kuma/inventory';
import type { Proxy } from '../../model/kuma/types';
import type { RouteEntry } from '../routeTable';
import { withoutService, type RouteTemplate } from './protocolPrecedence';

/** What decides a route: the policy (or none), the rule's match, its split, and where it is written. */
export type Decision = RouteTemplate;

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
    ...(inventory.protocolSources?.has(destination) ? { protocolSource: inventory.protocolSources.get(destination) } : {}),
    kind: decision.kind,
    policy: decision.policy,
    name: decision.name,
    match: decision.match,
    ...(decision.filters ? { filters: decision.filters } : {}),
    backends: decision.backends,
    overridden: decision.overridden,
    location: decision.location,
    selectorLocation: decision.selectorLocation,
    sourceLocation: proxy.location,
  };
}

/** No policy touches this destination: Kuma sends everything to the service itself, with the outbound's tags. */
export function defaultDecision(destination: string, outboundTags: Record<string, string>): Decision {
  return { kind: 'default', policy: null, name: null, match: null, backends: [{ service: destination, tags: withoutService(outboundTags), weight: 100, percent: 100 }], overridden: [], location: null, selectorLocation: null };
}
