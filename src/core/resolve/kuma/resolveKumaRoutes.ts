import { append } from '../../collections';
import type { Diagnostic } from '../../diagnostics';
import type { MeshInventory } from '../../model/kuma/inventory';
import { servicesOf } from '../../model/kuma/inventory';
import type { MeshTCPRoutePolicy, Proxy } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';
import type { RouteEntry } from '../routeTable';
import { proxyRoutesResolver, type Resolution } from './destinations';
import { comparePriority } from './priority';
import { selectorOf } from './selection';

/**
 * Resolves the MeshTCPRoutes of every mesh into route entries, as Kuma 2.6 does for sidecars: per proxy the
 * selected policies in priority order; per destination the `backendRefs` of the last (highest-priority)
 * matching `to[]` entry replace all others. Proxies of one service that resolve alike share an entry.
 */
export function resolveKumaRoutes(meshes: Iterable<MeshInventory>, policies: readonly MeshTCPRoutePolicy[], options: { includeDefaults: boolean }): { routes: RouteEntry[]; diagnostics: Diagnostic[] } {
  const routes: RouteEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const inventory of [...meshes].sort((a, b) => compareText(a.mesh, b.mesh))) {
    const meshPolicies = policies.filter((p) => p.mesh === inventory.mesh).sort(comparePriority);
    const resolved = resolveMesh(inventory, meshPolicies, options);
    // Sorted per source, then sources in order: much cheaper than sorting the whole table of a large mesh.
    for (const source of [...resolved.routesBySource.keys()].sort(compareText)) {
      append(routes, (resolved.routesBySource.get(source) ?? []).sort(compareRoutes));
    }
    append(diagnostics, unselectedPolicies(inventory, meshPolicies, resolved.selectedAny));
  }
  return { routes, diagnostics };
}

function resolveMesh(
  inventory: MeshInventory,
  sorted: MeshTCPRoutePolicy[],
  options: { includeDefaults: boolean },
): { routesBySource: Map<string, RouteEntry[]>; selectedAny: Set<MeshTCPRoutePolicy> } {
  const selectedAny = new Set<MeshTCPRoutePolicy>();
  const routesOf = proxyRoutesResolver(sorted);
  const routesBySource = new Map<string, RouteEntry[]>();
  // Entries per source service. A policy route's key is a number (resolution and port; no string per pair, since a
  // large mesh has hundreds of thousands of pairs); a default route's is its destination and port.
  const entries = new Map<string, Map<number | string, RouteEntry>>();
  const entryFor = (source: string, key: number | string, create: () => RouteEntry): RouteEntry => {
    let bySource = entries.get(source);
    if (!bySource) entries.set(source, (bySource = new Map()));
    let entry = bySource.get(key);
    if (!entry) {
      bySource.set(key, (entry = create()));
      const list = routesBySource.get(source);
      if (list) list.push(entry);
      else routesBySource.set(source, [entry]);
    }
    return entry;
  };

  for (const proxy of inventory.proxies) {
    const own = servicesOf(proxy);
    const { selected, common, own: specific } = routesOf(proxy, own);
    for (const policy of selected) selectedAny.add(policy);
    const add = (destination: string, resolution: Resolution) => {
      for (const port of ports(proxy, own, destination, inventory)) {
        const key = resolution.id * 65537 + (port === null ? 0 : port + 1);
        for (const source of own) {
          addProxy(entryFor(source, key, () => routeEntry(inventory, proxy, source, destination, port, policyDecision(resolution))), proxy);
        }
      }
    };
    for (const [destination, resolution] of common) if (!specific.has(destination)) add(destination, resolution);
    for (const [destination, resolution] of specific) add(destination, resolution);
    if (options.includeDefaults) {
      for (const [destination, port] of reachableWithPorts(proxy, own, inventory)) {
        if (common.has(destination) || specific.has(destination)) continue;
        for (const source of own) addProxy(entryFor(source, `${destination}|${port}`, () => routeEntry(inventory, proxy, source, destination, port, defaultDecision(destination))), proxy);
      }
    }
  }
  return { routesBySource, selectedAny };
}

/**
 * The outbound ports through which a proxy reaches `destination`: those of its listed outbounds (one service may
 * have several), `[null]` when it reaches the service without listing ports, none when it does not reach it.
 */
function ports(proxy: Proxy, own: string[], destination: string, inventory: MeshInventory): (number | null)[] {
  if (proxy.outbounds) return proxy.outbounds.filter((o) => o.service === destination).map((o) => o.port);
  if (proxy.reachableServices) return proxy.reachableServices.includes(destination) ? [null] : [];
  return inventory.services.has(destination) && !own.includes(destination) ? [null] : [];
}

function reachableWithPorts(proxy: Proxy, own: string[], inventory: MeshInventory): [string, number | null][] {
  if (proxy.outbounds) return proxy.outbounds.map((o) => [o.service, o.port]);
  const services = proxy.reachableServices ?? [...inventory.services.keys()].filter((s) => !own.includes(s));
  return services.map((s) => [s, null]);
}

function addProxy(entry: RouteEntry, proxy: Proxy): void {
  // A proxy with several inbounds of one service would otherwise be listed twice.
  if (entry.proxies[entry.proxies.length - 1] !== proxy.name) entry.proxies.push(proxy.name);
}

/** What decides a route: the policy (or none), its split, and where it is written. */
type Decision = Pick<RouteEntry, 'kind' | 'policy' | 'backends' | 'overridden' | 'location' | 'selectorLocation'>;

function routeEntry(inventory: MeshInventory, proxy: Proxy, source: string, destination: string, port: number | null, decision: Decision): RouteEntry {
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

function policyDecision({ winner, backends, overridden }: Resolution): Decision {
  return { kind: 'MeshTCPRoute', policy: winner.policy.name, backends, overridden, location: winner.to.location, selectorLocation: winner.policy.targetRefLocation };
}

/** No policy touches this destination: Kuma sends everything to the service itself. */
function defaultDecision(destination: string): Decision {
  return { kind: 'default', policy: null, backends: [{ service: destination, tags: {}, weight: 100, percent: 100 }], overridden: [], location: null, selectorLocation: null };
}

/** A policy that selects no proxy of its mesh is almost always a typo in its targetRef: say so. */
function unselectedPolicies(inventory: MeshInventory, sorted: MeshTCPRoutePolicy[], selectedAny: Set<MeshTCPRoutePolicy>): Diagnostic[] {
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

/** Code-point order (not locale order): the same on every machine, and fast on large tables. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Within one mesh and source. */
function compareRoutes(a: RouteEntry, b: RouteEntry): number {
  return (
    compareText(a.destination, b.destination) ||
    (a.port ?? -1) - (b.port ?? -1) ||
    compareText(a.proxies[0] ?? '', b.proxies[0] ?? '')
  );
}
