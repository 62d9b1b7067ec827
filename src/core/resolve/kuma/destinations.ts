import type { HttpRouteTo, Proxy, RoutePolicy, TcpRouteTo } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';
import type { Protocol } from '../routeTable';
import type { HttpToItem } from './httpRules';
import { resolveDestination, type RouteTemplate, type TcpToItem } from './protocolPrecedence';
import { selects, selectsTags, selectorOf } from './selection';

/** One `to[]` entry of one policy (MeshTCPRoute or MeshHTTPRoute): the unit Kuma merges per destination. */
export interface ToItem {
  policy: RoutePolicy;
  to: TcpRouteTo | HttpRouteTo;
}

interface Item extends ToItem {
  id: number;
  rank: number;
  destination: string;
}

/** What the policies selecting a proxy make of one destination: its routes, and the policies they beat. */
export interface Resolution {
  /** Unique within a mesh. */
  id: number;
  /**
   * The routes in the order Envoy tries them (one per HTTP rule, or one TCP route), for an outbound with these tags
   * (the default route and the catch-all carry them). Shared by every entry with the same outbound tags.
   */
  routes(outboundTags: Record<string, string>): RouteTemplate[];
}

/**
 * The proxies that select the same policies, and so resolve every destination alike. Resolutions are computed
 * when first asked for: building the classes of a mesh costs proxies + policies, whatever the destinations.
 */
export interface ProxyClass {
  key: string;
  /** The policies that select these proxies, in priority order: those of `base`, then these. */
  policies: readonly RoutePolicy[];
  /** The class of the policies not tied to a service that these proxies share with others; null for that class itself. */
  base: ProxyClass | null;
  /** Every destination these policies route. */
  destinations(): Iterable<string>;
  /** Who wins for `destination`, or undefined when no selected policy routes it. */
  resolution(destination: string): Resolution | undefined;
}

/** Items of a policy set by destination, each list in priority order (policy rank, then declaration). */
type ItemLists = Map<string, Item[]>;

/** The policies not tied to a service that select some proxies, with their items and resolutions, built lazily. */
interface CommonSet extends ProxyClass {
  lists(): ItemLists;
}

/**
 * Sorts a mesh's proxies into classes. Per destination the last matching `to[]` entry wins (top-level priority
 * first, then declaration order). Work is shared at three levels: the policies not tied to a service (a few
 * distinct sets, found per distinct inbound tag set), the service-specific ones on top of them, and each
 * distinct list of items.
 */
export function proxyClassifier(sorted: readonly RoutePolicy[], protocolOf: (destination: string) => Protocol): (proxy: Proxy, services: readonly string[]) => ProxyClass {
  const itemsOf = new Map<RoutePolicy, Item[]>();
  let nextItem = 0;
  sorted.forEach((policy, rank) => {
    const tos: (TcpRouteTo | HttpRouteTo)[] = policy.targetRef.kind === 'MeshGateway' ? [] : policy.to.filter((to) => to.destination.kind === 'MeshService' && to.destination.name);
    itemsOf.set(policy, tos.map((to) => ({ policy, to, id: nextItem++, rank, destination: to.destination.name ?? '' })));
  });
  const rank = new Map(sorted.map((p, i) => [p, i]));
  const everywhere: RoutePolicy[] = [];
  const byService = new Map<string, RoutePolicy[]>();
  for (const policy of sorted) {
    const service = selectorOf(policy.targetRef)?.[SERVICE_TAG];
    if (service === undefined || service === '*') everywhere.push(policy);
    else if (byService.has(service)) byService.get(service)?.push(policy);
    else byService.set(service, [policy]);
  }

  const resolutions = new Map<string, Resolution>();
  const resolveList = (destination: string, list: Item[]): Resolution => {
    const key = `${destination}|${list.map((i) => i.id).join(',')}`;
    let resolution = resolutions.get(key);
    if (!resolution) resolutions.set(key, (resolution = resolveItems(resolutions.size, destination, protocolOf(destination), list)));
    return resolution;
  };
  const listsOf = (policies: readonly RoutePolicy[]): ItemLists => {
    const lists: ItemLists = new Map();
    for (const policy of policies) {
      for (const item of itemsOf.get(policy) ?? []) {
        const list = lists.get(item.destination);
        if (list) list.push(item);
        else lists.set(item.destination, [item]);
      }
    }
    return lists;
  };

  const commonSets = new Map<string, CommonSet>();
  const classes = new Map<string, ProxyClass>();
  const byTagSet = new Map<string, RoutePolicy[]>();
  /** The policies not tied to a service that select an inbound with these tags: the same for every inbound alike. */
  const everywhereFor = (proxy: Proxy, tags: Record<string, string>): RoutePolicy[] => {
    const key = tagSetKey(proxy, tags);
    let list = byTagSet.get(key);
    if (!list) byTagSet.set(key, (list = everywhere.filter((p) => selectsTags(p, proxy, tags))));
    return list;
  };
  const commonSetFor = (proxy: Proxy): CommonSet => {
    const combination = selectionKey(proxy);
    let set = commonSets.get(combination);
    if (!set) {
      const found = selectionTagSets(proxy).map((tags) => everywhereFor(proxy, tags));
      const policies = found.length === 1 ? (found[0] as RoutePolicy[]) : [...new Set(found.flat())].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
      set = commonSet(`c${commonSets.size}`, policies, listsOf, resolveList);
      commonSets.set(combination, set);
    }
    return set;
  };

  return (proxy, services) => {
    const common = commonSetFor(proxy);
    const specific = services.flatMap((s) => byService.get(s) ?? []).filter((p) => selects(p, proxy));
    if (specific.length === 0) return common;
    if (services.length > 1) specific.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    const key = `${common.key}|${specific.map((p) => rank.get(p)).join(',')}`;
    let found = classes.get(key);
    if (!found) classes.set(key, (found = ownClass(key, common, specific, listsOf, resolveList)));
    return found;
  };
}

function commonSet(key: string, policies: RoutePolicy[], listsOf: (p: readonly RoutePolicy[]) => ItemLists, resolveList: (d: string, list: Item[]) => Resolution): CommonSet {
  let lists: ItemLists | null = null;
  const resolved = new Map<string, Resolution>();
  const set: CommonSet = {
    key,
    policies,
    base: null,
    lists: () => (lists ??= listsOf(policies)),
    destinations: () => set.lists().keys(),
    resolution(destination) {
      let resolution = resolved.get(destination);
      if (!resolution) {
        const list = set.lists().get(destination);
        if (!list) return undefined;
        resolved.set(destination, (resolution = resolveList(destination, list)));
      }
      return resolution;
    },
  };
  return set;
}

/** A common set with service-specific policies on top: their destinations are merged into the common lists by priority. */
function ownClass(key: string, common: CommonSet, specific: RoutePolicy[], listsOf: (p: readonly RoutePolicy[]) => ItemLists, resolveList: (d: string, list: Item[]) => Resolution): ProxyClass {
  let own: ItemLists | null = null;
  const ownLists = () => (own ??= listsOf(specific));
  const resolved = new Map<string, Resolution>();
  return {
    key,
    policies: specific,
    base: common,
    *destinations() {
      const mine = ownLists();
      yield* mine.keys();
      for (const destination of common.lists().keys()) if (!mine.has(destination)) yield destination;
    },
    resolution(destination) {
      const list = ownLists().get(destination);
      if (!list) return common.resolution(destination);
      let resolution = resolved.get(destination);
      if (!resolution) {
        const base = common.lists().get(destination);
        resolved.set(destination, (resolution = resolveList(destination, base ? mergeByRank(base, list) : list)));
      }
      return resolution;
    },
  };
}

/** What selection compares against: each inbound's tags, or a delegated gateway's own tags when it has no inbound. */
function selectionTagSets(proxy: Proxy): Record<string, string>[] {
  if (proxy.gateway && proxy.gateway.type !== 'BUILTIN' && proxy.inbounds.length === 0) return [proxy.gateway.tags];
  return proxy.inbounds.map((i) => i.tags);
}

const selectionKeys = new WeakMap<Proxy, string>();

/** Proxies with the same key are selected by the same policies not tied to a service (kept with the proxy). */
function selectionKey(proxy: Proxy): string {
  let key = selectionKeys.get(proxy);
  if (key === undefined) selectionKeys.set(proxy, (key = selectionTagSets(proxy).map((tags) => tagSetKey(proxy, tags)).join('\u0001')));
  return key;
}

/**
 * Two inbounds with the same key are selected by the same policies not tied to a service: the key holds the
 * proxy type, every tag but the service, and whether a service tag is present (for `kuma.io/service: '*'`).
 */
function tagSetKey(proxy: Proxy, tags: Record<string, string>): string {
  let key = proxy.gateway ? 'G' : 'S';
  for (const name of Object.keys(tags).sort()) key += name === SERVICE_TAG ? '\u0000s' : `\u0000${name}=${tags[name]}`;
  return key;
}

/** Two item lists, each in priority order (policy rank, then declaration), merged. */
function mergeByRank(a: Item[], b: Item[]): Item[] {
  const out: Item[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (x.rank < y.rank || (x.rank === y.rank && x.id < y.id)))) {
      out.push(x as Item);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/**
 * The routes of one destination from its items (priority order): MeshTCPRoute and MeshHTTPRoute items go to the
 * HTTP-versus-TCP decision of Kuma 2.6 (protocolPrecedence.ts), once per distinct set of outbound tags.
 */
function resolveItems(id: number, destination: string, protocol: Protocol, list: ToItem[]): Resolution {
  const tcp = list.filter((i): i is TcpToItem => i.policy.kind === 'MeshTCPRoute');
  const http = list.filter((i): i is HttpToItem => i.policy.kind === 'MeshHTTPRoute');
  const byTags = new Map<string, RouteTemplate[]>();
  return {
    id,
    routes(outboundTags) {
      const key = outboundTagsKey(outboundTags);
      let routes = byTags.get(key);
      if (!routes) byTags.set(key, (routes = resolveDestination({ destination, protocol, outboundTags, tcp, http })));
      return routes;
    },
  };
}

/** The outbound tags beyond `kuma.io/service`, as a key: empty for almost every outbound. */
export function outboundTagsKey(tags: Record<string, string>): string {
  let key = '';
  for (const name of Object.keys(tags).sort()) if (name !== SERVICE_TAG) key += `${name}=${tags[name]}\u0000`;
  return key;
}
