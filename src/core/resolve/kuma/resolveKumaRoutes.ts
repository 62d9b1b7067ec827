import { append } from '../../collections';
import type { Diagnostic } from '../../diagnostics';
import type { MeshInventory } from '../../model/kuma/inventory';
import { servicesOf } from '../../model/kuma/inventory';
import type { MeshTCPRoutePolicy, Proxy, TcpRouteTo } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';
import { toSplits, type BackendSplit, type OverriddenPolicy, type RouteEntry } from '../routeTable';
import { comparePriority, overrideReason } from './priority';
import { selects, selectorOf } from './selection';

export interface KumaResolveOptions {
  /** Also list the default routes of destinations no policy touches. */
  includeDefaults: boolean;
}

/** One `to[]` entry of one policy, in priority order: the unit Kuma merges per destination. */
interface ToItem {
  policy: MeshTCPRoutePolicy;
  to: TcpRouteTo;
}

/** What a set of selected policies makes of one destination: the winner and the policies it beat. */
interface Resolution {
  winner: ToItem;
  /** Shared by every entry this resolution produces (large meshes have millions of entries). */
  backends: BackendSplit[];
  overridden: OverriddenPolicy[];
}

/**
 * Resolves the MeshTCPRoutes of every mesh into route entries, as Kuma 2.6 does for sidecars: per proxy the
 * selected policies in priority order; per destination the `backendRefs` of the last (highest-priority)
 * matching `to[]` entry replace all others. Proxies of one service that resolve alike share an entry.
 */
export function resolveKumaRoutes(meshes: Iterable<MeshInventory>, policies: readonly MeshTCPRoutePolicy[], options: KumaResolveOptions): { routes: RouteEntry[]; diagnostics: Diagnostic[] } {
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
  options: KumaResolveOptions,
): { routesBySource: Map<string, RouteEntry[]>; selectedAny: Set<MeshTCPRoutePolicy> } {
  const rank = new Map(sorted.map((p, i) => [p, i]));
  const selectedAny = new Set<MeshTCPRoutePolicy>();
  const candidates = candidateIndex(sorted);
  const resolveDestinations = destinationResolver(sorted);
  const resolutions = new Map<string, Map<string, Resolution>>();
  const routesBySource = new Map<string, RouteEntry[]>();
  // Entries per source service, by resolution (which implies the destination) and outbound port.
  const entries = new Map<string, Map<Resolution | string, Map<number | null, RouteEntry>>>();
  const entryFor = (source: string, key: Resolution | string, port: number | null, create: () => RouteEntry): RouteEntry => {
    let bySource = entries.get(source);
    if (!bySource) entries.set(source, (bySource = new Map()));
    let byPort = bySource.get(key);
    if (!byPort) bySource.set(key, (byPort = new Map()));
    let entry = byPort.get(port);
    if (!entry) {
      byPort.set(port, (entry = create()));
      const list = routesBySource.get(source);
      if (list) list.push(entry);
      else routesBySource.set(source, [entry]);
    }
    return entry;
  };

  for (const proxy of inventory.proxies) {
    const own = servicesOf(proxy);
    const selected = candidates(own).filter((p) => selects(p, proxy));
    for (const policy of selected) selectedAny.add(policy);
    const selectionKey = selected.map((p) => rank.get(p)).join(',');
    let byDestination = resolutions.get(selectionKey);
    if (!byDestination) resolutions.set(selectionKey, (byDestination = resolveDestinations(selected)));

    for (const [destination, resolution] of byDestination) {
      const port = reach(proxy, own, destination, inventory);
      if (port === undefined) continue;
      for (const source of own) {
        addProxy(entryFor(source, resolution, port, () => routeEntry(inventory, proxy, source, destination, port, policyDecision(resolution))), proxy);
      }
    }
    if (options.includeDefaults) {
      for (const [destination, port] of reachableWithPorts(proxy, own, inventory)) {
        if (byDestination.has(destination)) continue;
        for (const source of own) addProxy(entryFor(source, `default:${destination}`, port, () => routeEntry(inventory, proxy, source, destination, port, defaultDecision(destination))), proxy);
      }
    }
  }
  return { routesBySource, selectedAny };
}

/**
 * Policies that may select a proxy of the given services, in priority order, without scanning every policy for
 * every proxy: those not tied to a service, merged with those of the proxy's services.
 */
function candidateIndex(sorted: MeshTCPRoutePolicy[]): (services: string[]) => MeshTCPRoutePolicy[] {
  const rank = new Map(sorted.map((p, i) => [p, i]));
  const everywhere: MeshTCPRoutePolicy[] = [];
  const byService = new Map<string, MeshTCPRoutePolicy[]>();
  for (const policy of sorted) {
    const service = selectorOf(policy.targetRef)?.[SERVICE_TAG];
    if (service === undefined) everywhere.push(policy);
    else if (byService.has(service)) byService.get(service)?.push(policy);
    else byService.set(service, [policy]);
  }
  return (services) => {
    const own = services.length === 1 ? (byService.get(services[0] ?? '') ?? []) : [...new Set(services.flatMap((s) => byService.get(s) ?? []))].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    return mergeByRank(everywhere, own, rank);
  };
}

/** Merges two lists already in priority order. */
function mergeByRank(a: MeshTCPRoutePolicy[], b: MeshTCPRoutePolicy[], rank: Map<MeshTCPRoutePolicy, number>): MeshTCPRoutePolicy[] {
  if (b.length === 0) return a;
  const out: MeshTCPRoutePolicy[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (rank.get(x) ?? 0) < (rank.get(y) ?? 0))) {
      out.push(x as MeshTCPRoutePolicy);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/**
 * Per destination, the last matching `to[]` entry wins (top-level priority first, then declaration order).
 * Resolutions are shared mesh-wide: proxies selected by different policy sets often see the same items for a
 * destination (every Mesh-wide policy, say), and a large mesh has hundreds of thousands of such pairs.
 */
function destinationResolver(sorted: MeshTCPRoutePolicy[]): (selected: MeshTCPRoutePolicy[]) => Map<string, Resolution> {
  const itemsOf = new Map<MeshTCPRoutePolicy, (ToItem & { id: number; destination: string })[]>();
  let nextItem = 0;
  for (const policy of sorted) {
    const items = policy.targetRef.kind === 'MeshGateway' ? [] : policy.to.filter((to) => to.destination.kind === 'MeshService' && to.destination.name);
    itemsOf.set(policy, items.map((to) => ({ policy, to, id: nextItem++, destination: to.destination.name ?? '' })));
  }
  const cache = new Map<string, Resolution>();
  return (selected) => {
    const lists = new Map<string, (ToItem & { id: number })[]>();
    for (const policy of selected) {
      for (const item of itemsOf.get(policy) ?? []) {
        const list = lists.get(item.destination);
        if (list) list.push(item);
        else lists.set(item.destination, [item]);
      }
    }
    const out = new Map<string, Resolution>();
    for (const [destination, list] of lists) {
      const key = `${destination}|${list.map((i) => i.id).join(',')}`;
      let resolution = cache.get(key);
      if (!resolution) cache.set(key, (resolution = resolveItems(list)));
      out.set(destination, resolution);
    }
    return out;
  };
}

function resolveItems(list: ToItem[]): Resolution {
  const winner = list[list.length - 1] as ToItem;
  const losers = new Map<MeshTCPRoutePolicy, ToItem>();
  for (const item of list) if (item.policy !== winner.policy && !losers.has(item.policy)) losers.set(item.policy, item);
  const overridden = [...losers.values()].reverse().map((item) => ({
    policy: item.policy.name,
    kind: item.policy.kind,
    reason: overrideReason(winner.policy, item.policy),
    location: item.to.location,
  }));
  return { winner, backends: backendSplits(winner.to), overridden };
}

/** The outbound port through which a proxy reaches `destination`: null when not listed, undefined when not reached. */
function reach(proxy: Proxy, own: string[], destination: string, inventory: MeshInventory): number | null | undefined {
  if (proxy.outbounds) {
    const outbound = proxy.outbounds.find((o) => o.service === destination);
    return outbound ? outbound.port : undefined;
  }
  if (proxy.reachableServices) return proxy.reachableServices.includes(destination) ? null : undefined;
  return inventory.services.has(destination) && !own.includes(destination) ? null : undefined;
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

function backendSplits(to: TcpRouteTo): BackendSplit[] {
  return toSplits(to.backendRefs).map((ref) => ({
    service: ref.name,
    tags: ref.tags,
    ...(ref.kind === 'MeshServiceSubset' ? { subset: subsetName(ref.tags) } : {}),
    weight: ref.weight,
    percent: ref.percent,
    location: ref.location,
  }));
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

/** `version=v1,zone=eu`: how a subset is named in labels and JSON. */
export function subsetName(tags: Record<string, string>): string {
  return Object.keys(tags)
    .sort()
    .map((k) => `${k}=${tags[k]}`)
    .join(',');
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
