/**
 * The route index of the meshes that resolve by the current model (Kuma 2.14): per proxy its class (the sorted
 * `to[]` entries of the policies that select it, shared by every proxy alike) and the destination ports it reaches.
 * Per class and port the routes are resolved when first asked for, as in the 2.6 index. Destinations are
 * (resource, port) pairs: `destination` is `name.namespace`, `port` its port, `destinationKri` its KRI.
 */
import { servicesOf } from '../../../model/kuma/inventory';
import { displayResourceName } from '../../../model/kuma/kri';
import { sectionOf, type DestinationResource } from '../../../model/kuma/current/types';
import type { Proxy, RoutePolicy } from '../../../model/kuma/types';
import { compareText, type RouteIndex, type RouteQuery } from '../../routeIndex';
import type { RouteEntry } from '../../routeTable';
import type { RouteTemplate } from '../protocolPrecedence';
import { appProtocolOf, outboundKri, outboundRoutes, type Outbound } from './outboundRoutes';
import { reachOf, type Reach } from './reach';
import { resolveTo, type ResourceSection } from './references';
import { selectsProxy } from './selection';
import { compareEntries, type CurrentEntry } from './sort';

/** What one mesh of the current model holds, after inference. */
export interface CurrentMesh {
  mesh: string;
  destinations: DestinationResource[];
  proxies: Proxy[];
  /** Route policies in input order. */
  policies: RoutePolicy[];
}

export interface TargetedEntry extends CurrentEntry {
  targets: ResourceSection[];
}

interface Resolved {
  id: number;
  routes: RouteTemplate[];
}

interface ProxyClass {
  entries: TargetedEntry[];
  /** The ports its entries name (a whole resource: each of its ports), computed when first asked for. */
  touched(): readonly Outbound[];
  resolution(outbound: Outbound): Resolved | null;
}

interface IndexedProxy {
  proxy: Proxy;
  cls: ProxyClass;
  reach: Reach;
}

interface MeshIndex {
  mesh: CurrentMesh;
  bySource: Map<string, IndexedProxy[]>;
}

/** Every `to[]` entry of the mesh's route policies with the destinations it names (gateway routes are not drawn). */
export function targetedEntries(mesh: CurrentMesh): TargetedEntry[] {
  const out: TargetedEntry[] = [];
  mesh.policies.forEach((policy, p) => {
    if (policy.targetRef.kind === 'MeshGateway') return;
    policy.to.forEach((to, t) => out.push({ policy, to, order: p * 4096 + t, targets: resolveTo(to.destination, policy, mesh.destinations) }));
  });
  return out;
}

export function buildCurrentIndex(meshes: readonly CurrentMesh[]): { index: RouteIndex; selected: Set<RoutePolicy> } {
  const selected = new Set<RoutePolicy>();
  let nextId = 0;
  const indexed = [...meshes]
    .sort((a, b) => compareText(a.mesh, b.mesh))
    .map((mesh): MeshIndex => {
      const entries = targetedEntries(mesh);
      const rank = new Map(mesh.policies.map((p, i) => [p, i]));
      const classes = new Map<string, ProxyClass>();
      const bySource = new Map<string, IndexedProxy[]>();
      for (const proxy of mesh.proxies) {
        const policies = mesh.policies.filter((p) => selectsProxy(p, proxy));
        for (const p of policies) selected.add(p);
        const key = policies.map((p) => rank.get(p)).join(',');
        let cls = classes.get(key);
        if (!cls) classes.set(key, (cls = proxyClass(entriesOf(entries, policies), mesh.destinations, () => nextId++)));
        const item = { proxy, cls, reach: reachOf(proxy, mesh.destinations) };
        for (const source of servicesOf(proxy)) bySource.set(source, [...(bySource.get(source) ?? []), item]);
      }
      return { mesh, bySource: new Map([...bySource].sort(([a], [b]) => compareText(a, b))) };
    });
  return { index: currentIndex(indexed), selected };
}

/** The entries of the policies that select a proxy, sorted (`sort.go`): the last one wins. */
export function entriesOf(entries: readonly TargetedEntry[], policies: readonly RoutePolicy[]): TargetedEntry[] {
  const chosen = new Set(policies);
  return entries.filter((e) => chosen.has(e.policy)).sort(compareEntries);
}

/** The entries (sorted) that apply to one outbound: those naming its resource, whole or by this port's section (`isRelevant`). */
export function relevantEntries(entries: readonly TargetedEntry[], outbound: Outbound): TargetedEntry[] {
  const section = sectionOf(outbound.port);
  return entries.filter((e) => e.targets.some((t) => t.resource === outbound.resource && (t.section === '' || t.section === section)));
}

function proxyClass(entries: TargetedEntry[], all: readonly DestinationResource[], newId: () => number): ProxyClass {
  const resolved = new Map<string, Resolved | null>();
  let touched: Outbound[] | null = null;
  return {
    entries,
    touched() {
      if (!touched) {
        const seen = new Set<string>();
        touched = [];
        for (const { targets } of entries) {
          for (const { resource, section } of targets) {
            for (const port of resource.ports) {
              if (section !== '' && sectionOf(port) !== section) continue;
              const outbound = { resource, port };
              const key = outboundKri(outbound);
              if (!seen.has(key)) touched.push(outbound);
              seen.add(key);
            }
          }
        }
      }
      return touched;
    },
    resolution(outbound) {
      const key = outboundKri(outbound);
      let found = resolved.get(key);
      if (found === undefined) {
        const relevant = relevantEntries(entries, outbound);
        found = relevant.length === 0 ? null : { id: newId(), routes: outboundRoutes(outbound, relevant, all) };
        resolved.set(key, found);
      }
      return found;
    },
  };
}

/** The ports a proxy has a route to: those its policies touch and it reaches, or every port it reaches (defaults). */
function* routedOutbounds(item: IndexedProxy, includeDefaults: boolean): Iterable<Outbound> {
  if (includeDefaults) yield* item.reach.all();
  else for (const o of item.cls.touched()) if (item.reach.has(o)) yield o;
}

function currentIndex(meshes: readonly MeshIndex[]): RouteIndex {
  return {
    sources(includeDefaults = false) {
      const out = new Set<string>();
      for (const { bySource } of meshes) {
        for (const [source, items] of bySource) if (items.some((i) => !routedOutbounds(i, includeDefaults)[Symbol.iterator]().next().done)) out.add(source);
      }
      return [...out].sort(compareText);
    },
    destinations(includeDefaults = false) {
      const out = new Set<string>();
      for (const { bySource } of meshes) for (const items of bySource.values()) for (const i of items) for (const o of routedOutbounds(i, includeDefaults)) out.add(displayResourceName(o.resource.id));
      return [...out].sort(compareText);
    },
    *entries(query: RouteQuery = {}) {
      for (const mesh of meshes) {
        const sources = query.from != null ? (mesh.bySource.has(query.from) ? [query.from] : []) : mesh.bySource.keys();
        for (const source of sources) yield* sourceEntries(mesh, source, query);
      }
    },
  };
}

function sourceEntries(mesh: MeshIndex, source: string, query: RouteQuery): RouteEntry[] {
  const byKey = new Map<string, RouteEntry>();
  const list: RouteEntry[] = [];
  for (const item of mesh.bySource.get(source) ?? []) {
    for (const outbound of routedOutbounds(item, query.includeDefaults === true)) {
      const destination = displayResourceName(outbound.resource.id);
      if (query.to != null && destination !== query.to) continue;
      const resolution = item.cls.resolution(outbound);
      const kri = outboundKri(outbound);
      const routes = resolution ? resolution.routes : outboundRoutes(outbound, [], []);
      routes.forEach((route, i) => {
        const key = `${kri}|${resolution?.id ?? 'default'}|${i}`;
        let entry = byKey.get(key);
        if (!entry) {
          entry = routeEntry(mesh.mesh.mesh, source, item.proxy, outbound, kri, route);
          byKey.set(key, entry);
          list.push(entry);
        }
        if (entry.proxies[entry.proxies.length - 1] !== item.proxy.name) entry.proxies.push(item.proxy.name);
      });
    }
  }
  return list.sort((a, b) => compareText(a.destination, b.destination) || (a.port ?? -1) - (b.port ?? -1) || compareText(a.proxies[0] ?? '', b.proxies[0] ?? ''));
}

function routeEntry(mesh: string, source: string, proxy: Proxy, outbound: Outbound, kri: string, route: RouteTemplate): RouteEntry {
  const resource = outbound.resource;
  return {
    family: 'kuma',
    mesh,
    source,
    proxies: [],
    destination: displayResourceName(resource.id),
    port: outbound.port.port,
    destinationKri: kri,
    protocol: appProtocolOf(outbound.port),
    protocolSource: `appProtocol ${outbound.port.appProtocol} of port ${sectionOf(outbound.port)} (${resource.location ? `${resource.kind} ${resource.name}` : `inferred from ${resource.inferredFrom ?? 'Dataplanes'}`})`,
    kind: route.kind,
    policy: route.policy,
    name: route.name,
    match: route.match,
    ...(route.filters ? { filters: route.filters } : {}),
    backends: route.backends,
    overridden: route.overridden,
    location: route.location,
    selectorLocation: route.selectorLocation,
    sourceLocation: proxy.location,
  };
}
