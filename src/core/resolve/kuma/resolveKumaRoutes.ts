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
  key: string;
  winner: ToItem;
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
  for (const inventory of meshes) {
    const meshPolicies = policies.filter((p) => p.mesh === inventory.mesh).sort(comparePriority);
    const resolved = resolveMesh(inventory, meshPolicies, options);
    routes.push(...resolved.routes);
    diagnostics.push(...unselectedPolicies(inventory, meshPolicies, resolved.selectedAny));
  }
  routes.sort(compareRoutes);
  return { routes, diagnostics };
}

function resolveMesh(inventory: MeshInventory, sorted: MeshTCPRoutePolicy[], options: KumaResolveOptions): { routes: RouteEntry[]; selectedAny: Set<MeshTCPRoutePolicy> } {
  const rank = new Map(sorted.map((p, i) => [p, i]));
  const selectedAny = new Set<MeshTCPRoutePolicy>();
  const candidates = candidateIndex(sorted);
  const entries = new Map<string, RouteEntry>();
  const resolutions = new Map<string, Map<string, Resolution>>();

  for (const proxy of inventory.proxies) {
    const own = servicesOf(proxy);
    const selected = candidates(own).filter((p) => selects(p, proxy)).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    for (const policy of selected) selectedAny.add(policy);
    const selectionKey = selected.map((p) => rank.get(p)).join(',');
    let byDestination = resolutions.get(selectionKey);
    if (!byDestination) resolutions.set(selectionKey, (byDestination = resolveDestinations(selected)));

    for (const [destination, resolution] of byDestination) {
      const port = reach(proxy, own, destination, inventory);
      if (port === undefined) continue;
      for (const source of own) addProxy(entries, `${source}|${destination}|${port}|${resolution.key}`, proxy, () => policyRoute(inventory, source, destination, port, resolution));
    }
    if (options.includeDefaults) {
      for (const [destination, port] of reachableWithPorts(proxy, own, inventory)) {
        if (byDestination.has(destination)) continue;
        for (const source of own) addProxy(entries, `${source}|${destination}|${port}|default`, proxy, () => defaultRoute(inventory, source, destination, port));
      }
    }
  }
  return { routes: [...entries.values()], selectedAny };
}

/** Policies that may select a proxy of the given services, without scanning every policy for every proxy. */
function candidateIndex(sorted: MeshTCPRoutePolicy[]): (services: string[]) => MeshTCPRoutePolicy[] {
  const everywhere: MeshTCPRoutePolicy[] = [];
  const byService = new Map<string, MeshTCPRoutePolicy[]>();
  for (const policy of sorted) {
    const service = selectorOf(policy.targetRef)?.[SERVICE_TAG];
    if (service === undefined) everywhere.push(policy);
    else if (byService.has(service)) byService.get(service)?.push(policy);
    else byService.set(service, [policy]);
  }
  return (services) => {
    if (services.length === 1) return [...everywhere, ...(byService.get(services[0] ?? '') ?? [])];
    return [...new Set([...everywhere, ...services.flatMap((s) => byService.get(s) ?? [])])];
  };
}

/** Per destination, the last matching `to[]` entry wins (top-level priority first, then declaration order). */
function resolveDestinations(selected: MeshTCPRoutePolicy[]): Map<string, Resolution> {
  const items = new Map<string, ToItem[]>();
  for (const policy of selected) {
    if (policy.targetRef.kind === 'MeshGateway') continue;
    for (const to of policy.to) {
      if (to.destination.kind !== 'MeshService' || !to.destination.name) continue;
      const list = items.get(to.destination.name) ?? [];
      list.push({ policy, to });
      items.set(to.destination.name, list);
    }
  }
  const out = new Map<string, Resolution>();
  for (const [destination, list] of items) {
    const winner = list[list.length - 1] as ToItem;
    const losers = new Map<MeshTCPRoutePolicy, ToItem>();
    for (const item of list) if (item.policy !== winner.policy && !losers.has(item.policy)) losers.set(item.policy, item);
    const overridden = [...losers.values()].reverse().map((item) => ({
      policy: item.policy.name,
      kind: item.policy.kind,
      reason: overrideReason(winner.policy, item.policy),
      location: item.to.location,
    }));
    const key = `${winner.policy.location.file}:${winner.policy.location.line}#${winner.to.index}|${overridden.map((o) => o.policy).join(',')}`;
    out.set(destination, { key, winner, overridden });
  }
  return out;
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

function addProxy(entries: Map<string, RouteEntry>, key: string, proxy: Proxy, create: () => RouteEntry): void {
  let entry = entries.get(key);
  if (!entry) entries.set(key, (entry = create()));
  if (!entry.proxies.includes(proxy.name)) entry.proxies.push(proxy.name);
}

function policyRoute(inventory: MeshInventory, source: string, destination: string, port: number | null, resolution: Resolution): RouteEntry {
  const { winner, overridden } = resolution;
  const backends: BackendSplit[] = toSplits(winner.to.backendRefs).map((ref) => ({
    service: ref.name,
    tags: ref.tags,
    ...(ref.kind === 'MeshServiceSubset' ? { subset: subsetName(ref.tags) } : {}),
    weight: ref.weight,
    percent: ref.percent,
    location: ref.location,
  }));
  return {
    family: 'kuma',
    mesh: inventory.mesh,
    source,
    proxies: [],
    destination,
    port,
    protocol: inventory.services.get(destination) ?? 'unknown',
    kind: 'MeshTCPRoute',
    policy: winner.policy.name,
    name: null,
    match: null,
    backends,
    overridden,
    location: winner.to.location,
    selectorLocation: winner.policy.targetRefLocation,
  };
}

function defaultRoute(inventory: MeshInventory, source: string, destination: string, port: number | null): RouteEntry {
  return {
    family: 'kuma',
    mesh: inventory.mesh,
    source,
    proxies: [],
    destination,
    port,
    protocol: inventory.services.get(destination) ?? 'unknown',
    kind: 'default',
    policy: null,
    name: null,
    match: null,
    backends: [{ service: destination, tags: {}, weight: 100, percent: 100 }],
    overridden: [],
    location: null,
    selectorLocation: null,
  };
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

function compareRoutes(a: RouteEntry, b: RouteEntry): number {
  return (
    (a.mesh ?? '').localeCompare(b.mesh ?? '') ||
    a.source.localeCompare(b.source) ||
    a.destination.localeCompare(b.destination) ||
    (a.port ?? -1) - (b.port ?? -1) ||
    (a.proxies[0] ?? '').localeCompare(b.proxies[0] ?? '')
  );
}
