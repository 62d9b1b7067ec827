import type { MeshTCPRoutePolicy, Proxy, TcpRouteTo } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';
import { toSplits, type BackendSplit, type OverriddenPolicy } from '../routeTable';
import { overrideReason } from './priority';
import { selects, selectorOf } from './selection';

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
  /** Shared by every entry this resolution produces (large meshes have hundreds of thousands of entries). */
  backends: BackendSplit[];
  overridden: OverriddenPolicy[];
}

/** Per destination, a proxy's resolution: its selected policies, and the routes they give. */
export interface ProxyRoutes {
  selected: MeshTCPRoutePolicy[];
  /** Resolutions from the policies that are not tied to the proxy's own services (shared by most proxies). */
  common: ReadonlyMap<string, Resolution>;
  /** Resolutions that the proxy's service-specific policies change; they take precedence over `common`. */
  own: ReadonlyMap<string, Resolution>;
}

/** A policy set's items grouped by destination (in priority order), and what each destination resolves to. */
interface Resolved {
  lists: Map<string, Item[]>;
  resolutions: Map<string, Resolution>;
}

/**
 * Resolves, for each proxy, every destination its policies touch: per destination the last matching `to[]` entry
 * wins (top-level priority first, then declaration order). Work is shared across proxies at three levels, since a
 * large mesh has hundreds of thousands of proxy-destination pairs: the policies not tied to a service (few
 * distinct sets), the service-specific ones on top of them, and each distinct list of items.
 */
export function proxyRoutesResolver(sorted: MeshTCPRoutePolicy[]): (proxy: Proxy, services: string[]) => ProxyRoutes {
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
    if (service === undefined) everywhere.push(policy);
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
  const commonSets = new Map<string, Resolved>();
  const ownSets = new Map<string, Map<string, Resolution>>();

  return (proxy, services) => {
    const common = everywhere.filter((p) => selects(p, proxy));
    const commonKey = common.map((p) => rank.get(p)).join(',');
    let shared = commonSets.get(commonKey);
    if (!shared) commonSets.set(commonKey, (shared = resolveAll(common, itemsOf, resolveList)));

    const specific = services.flatMap((s) => byService.get(s) ?? []).filter((p) => selects(p, proxy));
    if (specific.length === 0) return { selected: common, common: shared.resolutions, own: new Map() };
    if (services.length > 1) specific.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    const ownKey = `${commonKey}|${specific.map((p) => rank.get(p)).join(',')}`;
    let own = ownSets.get(ownKey);
    if (!own) ownSets.set(ownKey, (own = resolveOwn(shared, specific, itemsOf, resolveList)));
    return { selected: [...common, ...specific], common: shared.resolutions, own };
  };
}

function resolveAll(policies: MeshTCPRoutePolicy[], itemsOf: Map<MeshTCPRoutePolicy, Item[]>, resolveList: (d: string, list: Item[]) => Resolution): Resolved {
  const lists = new Map<string, Item[]>();
  for (const policy of policies) {
    for (const item of itemsOf.get(policy) ?? []) {
      const list = lists.get(item.destination);
      if (list) list.push(item);
      else lists.set(item.destination, [item]);
    }
  }
  const resolutions = new Map<string, Resolution>();
  for (const [destination, list] of lists) resolutions.set(destination, resolveList(destination, list));
  return { lists, resolutions };
}

/** The destinations the service-specific policies touch, with their items merged into the common ones by priority. */
function resolveOwn(shared: Resolved, specific: MeshTCPRoutePolicy[], itemsOf: Map<MeshTCPRoutePolicy, Item[]>, resolveList: (d: string, list: Item[]) => Resolution): Map<string, Resolution> {
  const own = resolveAll(specific, itemsOf, resolveList);
  const out = new Map<string, Resolution>();
  for (const [destination, list] of own.lists) {
    const base = shared.lists.get(destination);
    out.set(destination, base ? resolveList(destination, mergeByRank(base, list)) : (own.resolutions.get(destination) as Resolution));
  }
  return out;
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
