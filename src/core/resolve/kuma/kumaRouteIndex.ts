/**
 * The Kuma route index (Kuma 2.6, sidecars): per mesh, each proxy's class (the policies that select it, shared by
 * every proxy alike) and its reach. Per class and destination a Resolution says who wins; entries for a source
 * are produced when asked, so building the index costs policies + proxies + destinations, never
 * sources x destinations.
 */
import type { Diagnostic } from '../../diagnostics';
import type { MeshInventory } from '../../model/kuma/inventory';
import { servicesOf } from '../../model/kuma/inventory';
import { allOutbounds, outboundsTo, reachOf, type Reach } from '../../model/kuma/reachability';
import type { Proxy, RoutePolicy } from '../../model/kuma/types';
import { compareText, type RouteIndex, type RouteQuery } from '../routeIndex';
import type { RouteEntry } from '../routeTable';
import { outboundTagsKey, proxyClassifier, type ProxyClass, type ProxyClassifier, type Resolution } from './destinations';
import { resortByPriority, type PrioritySort } from './priority';
import { defaultDecision, routeEntry, type Decision } from './routeEntry';
import { unselectedPolicies } from './unselected';

/** One proxy as the index keeps it: its class (what its policies resolve to) and what it reaches. */
interface IndexedProxy {
  proxy: Proxy;
  cls: ProxyClass;
  reach: Reach;
}

interface MeshIndex {
  inventory: MeshInventory;
  /** Proxies by source service (a proxy with inbounds of several services is under each), sources sorted. */
  bySource: Map<string, IndexedProxy[]>;
}

/**
 * The last index of each mesh, and what it was made of. A keystroke mostly changes what a policy does, not whom it
 * selects: when a mesh has the same proxies, the same destination protocols and the same policies in the same
 * order with the same selections, the proxies' classes are taken over (no proxy is matched against the policies
 * again) and only resolution starts afresh, lazily, from the new policies.
 */
interface MeshMemo {
  proxies: readonly Proxy[];
  protocols: string;
  /** The policies by priority, and what decides whom each selects. */
  sorted: readonly RoutePolicy[];
  selection: string[];
  classifier: ProxyClassifier;
  bySource: Map<string, IndexedProxy[]>;
  /** The sources with proxies of each class, by class key (a class's twins keep its key). */
  sourcesByClass: Map<string, Set<string>>;
  /** Ranks (in the sorted policies) of the policies that select at least one proxy. */
  selectedRanks: number[];
}

const memos = new Map<string, MeshMemo>();

/** How often a mesh's classes were built and kept (for tests and the benchmark). */
export const kumaIndexBuilds = { built: 0, kept: 0 };

const selectionKeys = new WeakMap<RoutePolicy, string>();

/** What decides whom a policy selects and where it sorts. */
function selectionKey(policy: RoutePolicy): string {
  let key = selectionKeys.get(policy);
  if (key === undefined) {
    const { kind, name, tags, proxyTypes } = policy.targetRef;
    selectionKeys.set(policy, (key = JSON.stringify([policy.kind, kind, name ?? null, tags, proxyTypes ?? null, policy.origin, policy.displayName])));
  }
  return key;
}

/** Each mesh's last sort of its policies by priority. */
let sorts = new Map<string, PrioritySort<RoutePolicy>>();

/**
 * The selection keys of `sorted` when each policy selects as the memo's policy at its rank did, else null. Compares
 * references, and reads only the policies that changed.
 */
function selectionKeysLike(memo: MeshMemo, sorted: readonly RoutePolicy[]): string[] | null {
  if (memo.sorted.length !== sorted.length) return null;
  for (let rank = 0; rank < sorted.length; rank++) {
    const policy = sorted[rank] as RoutePolicy;
    if (policy !== memo.sorted[rank] && selectionKey(policy) !== memo.selection[rank]) return null;
  }
  return memo.selection;
}

const sameProxies = (a: readonly Proxy[], b: readonly Proxy[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/** Builds the index of every mesh, and the diagnostics of resolution (policies that select no proxy). */
export function buildKumaRouteIndex(meshes: Iterable<MeshInventory>, policies: readonly RoutePolicy[]): { index: RouteIndex; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const policiesByMesh = new Map<string, RoutePolicy[]>();
  for (const policy of policies) {
    const list = policiesByMesh.get(policy.mesh);
    if (list) list.push(policy);
    else policiesByMesh.set(policy.mesh, [policy]);
  }
  const indexed: MeshIndex[] = [];
  const lastSorts = sorts;
  sorts = new Map();
  for (const inventory of [...meshes].sort((a, b) => compareText(a.mesh, b.mesh))) {
    const sort = resortByPriority(policiesByMesh.get(inventory.mesh) ?? [], lastSorts.get(inventory.mesh));
    sorts.set(inventory.mesh, sort);
    const sorted = sort.sorted;
    const memo = meshMemo(inventory, sorted);
    const selectedAny = new Set(memo.selectedRanks.map((rank) => sorted[rank] as RoutePolicy));
    indexed.push({ inventory, bySource: memo.bySource });
    diagnostics.push(...unselectedPolicies(inventory, sorted, selectedAny));
  }
  return { index: kumaIndex(indexed), diagnostics };
}

const protocolKeys = new WeakMap<MeshInventory, string>();

/** The mesh's classes: kept from the last build when nothing they depend on changed, else built. */
function meshMemo(inventory: MeshInventory, sorted: readonly RoutePolicy[]): MeshMemo {
  let protocols = protocolKeys.get(inventory);
  if (protocols === undefined) protocolKeys.set(inventory, (protocols = [...inventory.services].map(([service, protocol]) => `${service}=${protocol}`).join('\u0000')));
  const previous = memos.get(inventory.mesh);
  const selection = previous ? selectionKeysLike(previous, sorted) : null;
  if (previous && selection && previous.protocols === protocols && sameProxies(previous.proxies, inventory.proxies)) {
    // The same classes over the new policies; the previous index (which an earlier analysis may still hold) stays as it was.
    const { classifier, twin, affected } = previous.classifier.withPolicies(sorted);
    // A class whose policies did not change is its own twin: its proxies' items, and lists of them, stay as they were.
    const twins = new Map<IndexedProxy, IndexedProxy>();
    const twinOf = (item: IndexedProxy) => {
      let found = twins.get(item);
      if (!found) {
        const cls = twin(item.cls);
        twins.set(item, (found = cls === item.cls ? item : { proxy: item.proxy, cls, reach: item.reach }));
      }
      return found;
    };
    // Only the sources with a class the edit reaches get new items (and so new answers); the others keep theirs.
    const reached = new Set<string>();
    for (const key of affected) for (const source of previous.sourcesByClass.get(key) ?? []) reached.add(source);
    let bySource = previous.bySource;
    if (reached.size > 0) {
      bySource = new Map(previous.bySource);
      for (const source of reached) {
        const items = previous.bySource.get(source) ?? [];
        const next = items.map(twinOf);
        if (!next.every((item, i) => item === items[i])) bySource.set(source, next);
      }
    }
    const memo: MeshMemo = { ...previous, sorted, selection, classifier, bySource };
    memos.set(inventory.mesh, memo);
    kumaIndexBuilds.kept++;
    return memo;
  }
  const classifier = proxyClassifier(sorted, (destination) => inventory.services.get(destination) ?? 'unknown');
  const selectedRanks = new Set<number>();
  const rankOf = new Map(sorted.map((p, i) => [p, i]));
  const seenClasses = new Set<string>();
  const bySource = new Map<string, IndexedProxy[]>();
  const sourcesByClass = new Map<string, Set<string>>();
  for (const proxy of inventory.proxies) {
    const own = servicesOf(proxy);
    const cls = classifier.classOf(proxy, own);
    for (let c: ProxyClass | null = cls; c && !seenClasses.has(c.key); c = c.base) {
      seenClasses.add(c.key);
      for (const policy of c.policies) selectedRanks.add(rankOf.get(policy) ?? -1);
    }
    const item: IndexedProxy = { proxy, cls, reach: reachOf(proxy, own) };
    const users = sourcesByClass.get(cls.key);
    if (users) for (const source of own) users.add(source);
    else sourcesByClass.set(cls.key, new Set(own));
    for (const source of own) {
      const list = bySource.get(source);
      if (list) list.push(item);
      else bySource.set(source, [item]);
    }
  }
  const memo: MeshMemo = {
    proxies: inventory.proxies,
    protocols,
    sorted,
    selection: sorted.map(selectionKey),
    classifier,
    bySource: new Map([...bySource].sort(([a], [b]) => compareText(a, b))),
    sourcesByClass,
    selectedRanks: [...selectedRanks].filter((rank) => rank >= 0),
  };
  memos.set(inventory.mesh, memo);
  kumaIndexBuilds.built++;
  return memo;
}

function kumaIndex(meshes: readonly MeshIndex[]): RouteIndex {
  return {
    sources(includeDefaults = false) {
      const out = new Set<string>();
      for (const mesh of meshes) {
        for (const [source, proxies] of mesh.bySource) {
          if (remembered(proxies, mesh.inventory, `has ${includeDefaults}`, () => proxies.some((p) => hasRoute(p, mesh.inventory, includeDefaults)))) out.add(source);
        }
      }
      return [...out].sort(compareText);
    },
    destinations(includeDefaults = false) {
      const out = new Set<string>();
      for (const mesh of meshes) {
        for (const proxies of mesh.bySource.values()) {
          for (const { cls, reach } of proxies) {
            const candidates = includeDefaults ? allOutbounds(reach, mesh.inventory).map((o) => o.service) : cls.destinations();
            for (const destination of candidates) if (!out.has(destination) && outboundsTo(reach, destination, mesh.inventory).length > 0) out.add(destination);
          }
        }
      }
      return [...out].sort(compareText);
    },
    *entries(query: RouteQuery = {}) {
      for (const mesh of meshes) {
        const sources = query.from != null ? (mesh.bySource.has(query.from) ? [query.from] : []) : mesh.bySource.keys();
        for (const source of sources) {
          const proxies = mesh.bySource.get(source) ?? [];
          yield* query.to == null ? remembered(proxies, mesh.inventory, `entries ${query.includeDefaults === true}`, () => sourceEntries(mesh, source, query)) : sourceEntries(mesh, source, query);
        }
      }
    },
  };
}

/**
 * Answers about one source's proxies, kept with their list: an edit that leaves a source's classes as they were
 * leaves its list too (see meshMemo), so a keystroke asks again only of the sources whose policies it changed.
 */
const answers = new WeakMap<readonly IndexedProxy[], { inventory: MeshInventory; byQuestion: Map<string, unknown> }>();

function remembered<T>(proxies: readonly IndexedProxy[], inventory: MeshInventory, question: string, answer: () => T): T {
  let known = answers.get(proxies);
  if (!known || known.inventory !== inventory) answers.set(proxies, (known = { inventory, byQuestion: new Map() }));
  if (!known.byQuestion.has(question)) known.byQuestion.set(question, answer());
  return known.byQuestion.get(question) as T;
}

/** Whether a proxy has at least one route: a reachable destination its policies touch (or any, with defaults). */
function hasRoute({ cls, reach }: IndexedProxy, inventory: MeshInventory, includeDefaults: boolean): boolean {
  if (includeDefaults) return allOutbounds(reach, inventory).length > 0;
  for (const destination of cls.destinations()) if (outboundsTo(reach, destination, inventory).length > 0) return true;
  return false;
}

/**
 * The entries of one source service, sorted by destination, port and first proxy. Proxies that resolve a
 * destination alike (same resolution, same port) share one entry.
 */
function sourceEntries(mesh: MeshIndex, source: string, query: RouteQuery): RouteEntry[] {
  const { inventory } = mesh;
  const entries = new Map<number | string, RouteEntry>();
  const list: RouteEntry[] = [];
  const add = (key: number | string, item: IndexedProxy, destination: string, port: number | null, decision: () => Decision) => {
    let entry = entries.get(key);
    if (!entry) {
      entry = routeEntry(inventory, item.proxy, source, destination, port, decision());
      entries.set(key, entry);
      list.push(entry);
    }
    // A proxy with several inbounds of one service would otherwise be listed twice.
    if (entry.proxies[entry.proxies.length - 1] !== item.proxy.name) entry.proxies.push(item.proxy.name);
  };
  /** Resolutions numbered by key: those that resolve alike share their entries, whichever classifier made them. */
  const numbers = new Map<string, number>();
  const numberOf = (resolution: Resolution) => {
    let n = numbers.get(resolution.key);
    if (n === undefined) numbers.set(resolution.key, (n = numbers.size));
    return n;
  };
  for (const item of mesh.bySource.get(source) ?? []) {
    const { cls } = item;
    const destinations = query.to != null ? [query.to] : cls.destinations();
    for (const destination of destinations) {
      const resolution = cls.resolution(destination);
      if (!resolution) continue;
      for (const outbound of outboundsTo(item.reach, destination, inventory)) {
        const { port } = outbound;
        const tagsKey = outboundTagsKey(outbound.tags);
        // One entry per route (per HTTP rule, in Envoy's order); numeric keys unless the outbound has extra tags.
        resolution.routes(outbound.tags).forEach((route, i) => {
          const id = numberOf(resolution);
          const key = tagsKey === '' ? (id * 65537 + (port === null ? 0 : port + 1)) * 4096 + i : `${id}|${port}|${i}|${tagsKey}`;
          add(key, item, destination, port, () => route);
        });
      }
    }
    if (!query.includeDefaults) continue;
    for (const { service: destination, port, tags } of allOutbounds(item.reach, inventory)) {
      if ((query.to != null && destination !== query.to) || cls.resolution(destination)) continue;
      add(`${destination}|${port}|${outboundTagsKey(tags)}`, item, destination, port, () => defaultDecision(destination, tags));
    }
  }
  return list.sort(compareRoutes);
}

/** Within one mesh and source. */
function compareRoutes(a: RouteEntry, b: RouteEntry): number {
  return compareText(a.destination, b.destination) || (a.port ?? -1) - (b.port ?? -1) || compareText(a.proxies[0] ?? '', b.proxies[0] ?? '');
}
