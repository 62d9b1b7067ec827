import type { MeshTCPRoutePolicy, Proxy, TcpRouteTo } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';
import { toSplits, type BackendSplit, type OverriddenPolicy } from '../routeTable';
import { overrideReason } from './priority';
import { selects, selectsTags, selectorOf } from './selection';

/** One `to[]` entry of one policy: the unit Kuma merges per destination. */
export interface ToItem {
  policy: MeshTCPRoutePolicy;
  to: TcpRouteTo;
}

interface Item extends ToItem {
  id: number;
  rank: number;
  destination: string;
}

/** What the policies selecting a proxy make of one destination: the winner and the policies it beat. */
export interface Resolution {
  /** Unique within a mesh. */
  id: number;
  winner: ToItem;
  /** Shared by every entry this resolution produces. */
  backends: BackendSplit[];
  overridden: OverriddenPolicy[];
}

/**
 * The proxies that select the same policies, and so resolve every destination alike. Resolutions are computed
 * when first asked for: building the classes of a mesh costs proxies + policies, whatever the destinations.
 */
export interface ProxyClass {
  key: string;
  /** The policies that select these proxies, in priority order: those of `base`, then these. */
  policies: readonly MeshTCPRoutePolicy[];
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
export function proxyClassifier(sorted: readonly MeshTCPRoutePolicy[]): (proxy: Proxy, services: readonly string[]) => ProxyClass {
  const itemsOf = new Map<MeshTCPRoutePolicy, Item[]>();
  let nextItem = 0;
  sorted.forEach((policy, rank) => {
    const tos = policy.targetRef.kind === 'MeshGateway' ? [] : policy.to.filter((to) => to.destination.kind === 'MeshService' && to.destination.name);
    itemsOf.set(policy, tos.map((to) => ({ policy, to, id: nextItem++, rank, destination: to.destination.name ?? '' })));
  });
  const rank = new Map(sorted.map((p, i) => [p, i]));
  const everywhere: MeshTCPRoutePolicy[] = [];
  const byService = new Map<string, MeshTCPRoutePolicy[]>();
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
    if (!resolution) resolutions.set(key, (resolution = resolveItems(resolutions.size, list)));
    return resolution;
  };
  const listsOf = (policies: readonly MeshTCPRoutePolicy[]): ItemLists => {
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
  const byTagSet = new Map<string, MeshTCPRoutePolicy[]>();
  /** The policies not tied to a service that select an inbound with these tags: the same for every inbound alike. */
  const everywhereFor = (proxy: Proxy, tags: Record<string, string>): MeshTCPRoutePolicy[] => {
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
      const policies = found.length === 1 ? (found[0] as MeshTCPRoutePolicy[]) : [...new Set(found.flat())].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
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

function commonSet(key: string, policies: MeshTCPRoutePolicy[], listsOf: (p: readonly MeshTCPRoutePolicy[]) => ItemLists, resolveList: (d: string, list: Item[]) => Resolution): CommonSet {
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
function ownClass(key: string, common: CommonSet, specific: MeshTCPRoutePolicy[], listsOf: (p: readonly MeshTCPRoutePolicy[]) => ItemLists, resolveList: (d: string, list: Item[]) => Resolution): ProxyClass {
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

function resolveItems(id: number, list: ToItem[]): Resolution {
  const winner = list[list.length - 1] as ToItem;
  const losers = new Map<MeshTCPRoutePolicy, ToItem>();
  for (const item of list) if (item.policy !== winner.policy && !losers.has(item.policy)) losers.set(item.policy, item);
  const overridden = [...losers.values()].reverse().map((item) => ({
    policy: item.policy.name,
    kind: item.policy.kind,
    reason: overrideReason(winner.policy, item.policy),
    location: item.to.location,
  }));
  return { id, winner, backends: backendSplits(winner.to), overridden };
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

/** `version=v1,zone=eu`: how a subset is named in labels and JSON. */
export function subsetName(tags: Record<string, string>): string {
  return Object.keys(tags)
    .sort()
    .map((k) => `${k}=${tags[k]}`)
    .join(',');
}
