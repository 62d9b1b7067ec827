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
   * The destination and the items resolved: two resolutions with one key resolve alike. After an edit, a class taken
   * over and one made anew can hold two such resolutions (made by different classifiers), so entries group by key.
   */
  key: string;
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
 * Sorts a mesh's proxies into classes.
 * - `classOf` gives a proxy's class. Per destination the last matching `to[]` entry wins (top-level priority first,
 *   then declaration order). Work is shared at three levels: the policies not tied to a service (a few distinct
 *   sets, found per distinct inbound tag set), the service-specific ones on top of them, and each distinct list of
 *   items.
 * - `withPolicies` gives the classifier of an edit that kept every policy's selection and place in the order (a
 *   weight, a backend, a destination changed): the same classes, found without selecting again, over the new
 *   policies, each one the `twin` of a class of this classifier. This classifier itself is left as it was.
 */
export interface ProxyClassifier {
  classOf(proxy: Proxy, services: readonly string[]): ProxyClass;
  withPolicies(sorted: readonly RoutePolicy[]): { classifier: ProxyClassifier; twin(cls: ProxyClass): ProxyClass; affected: ReadonlySet<string> };
}

/** What the classes of one classifier read: the policies by rank, their items, and resolutions by item list. */
interface Shared {
  sorted: readonly RoutePolicy[];
  listsOf(ranks: readonly number[]): ItemLists;
  resolveList(destination: string, list: Item[]): Resolution;
  /** Numbers resolutions: one counter for a classifier and every one made from it `withPolicies`, as classes move over. */
  counter: { next: number };
}

/** Ids order a policy's items after its rank, in `to[]` order: unique, and known without numbering every policy. */
const ITEMS_PER_POLICY = 65_536;

function shared(sorted: readonly RoutePolicy[], protocolOf: (destination: string) => Protocol, counter: { next: number }): Shared {
  // A policy's items are made the first time a class asks for them.
  const itemsOf: (Item[] | undefined)[] = [];
  const items = (rank: number): Item[] => {
    let list = itemsOf[rank];
    if (!list) {
      const policy = sorted[rank] as RoutePolicy;
      const tos: (TcpRouteTo | HttpRouteTo)[] = policy.targetRef.kind === 'MeshGateway' ? [] : policy.to.filter((to) => to.destination.kind === 'MeshService' && to.destination.name);
      itemsOf[rank] = list = tos.map((to, i): Item => ({ policy, to, id: rank * ITEMS_PER_POLICY + i, rank, destination: to.destination.name ?? '' }));
    }
    return list;
  };
  const resolutions = new Map<string, Resolution>();
  return {
    sorted,
    counter,
    resolveList(destination, list) {
      const key = `${destination}|${list.map((i) => i.id).join(',')}`;
      let resolution = resolutions.get(key);
      if (!resolution) resolutions.set(key, (resolution = resolveItems(counter.next++, key, destination, protocolOf(destination), list)));
      return resolution;
    },
    listsOf(ranks) {
      const lists: ItemLists = new Map();
      for (const rank of ranks) {
        for (const item of items(rank)) {
          const list = lists.get(item.destination);
          if (list) list.push(item);
          else lists.set(item.destination, [item]);
        }
      }
      return lists;
    },
  };
}

/** The classes found so far, as what they are made of: ranks of their policies (and the common set under them). */
interface Recipes {
  /** Common sets by selection combination: key and ranks. */
  common: Map<string, { key: string; ranks: number[] }>;
  /** The selection combination of each common set's key. */
  combinationOf: Map<string, string>;
  /** Own classes by key: their common set's key and their specific ranks. */
  own: Map<string, { common: string; specific: number[] }>;
  /** The keys of the classes (common and own) each rank's policy is part of, and the own classes of each common set. */
  byRank: Map<number, string[]>;
  ownByCommon: Map<string, string[]>;
}

function addRecipe(recipes: Recipes, key: string, ranks: readonly number[], common?: string): void {
  for (const rank of ranks) {
    const keys = recipes.byRank.get(rank);
    if (keys) keys.push(key);
    else recipes.byRank.set(rank, [key]);
  }
  if (common === undefined) return;
  const owns = recipes.ownByCommon.get(common);
  if (owns) owns.push(key);
  else recipes.ownByCommon.set(common, [key]);
}

/** The keys of the classes an edit of these ranks changes: those with such a policy, and the own classes on top of them. */
function affectedBy(recipes: Recipes, changed: ReadonlySet<number>): Set<string> {
  const affected = new Set<string>();
  for (const rank of changed) {
    for (const key of recipes.byRank.get(rank) ?? []) {
      affected.add(key);
      for (const own of recipes.ownByCommon.get(key) ?? []) affected.add(own);
    }
  }
  return affected;
}

export function proxyClassifier(sorted: readonly RoutePolicy[], protocolOf: (destination: string) => Protocol): ProxyClassifier {
  const everywhere: number[] = [];
  const byService = new Map<string, number[]>();
  sorted.forEach((policy, rank) => {
    const service = selectorOf(policy.targetRef)?.[SERVICE_TAG];
    if (service === undefined || service === '*') everywhere.push(rank);
    else if (byService.has(service)) byService.get(service)?.push(rank);
    else byService.set(service, [rank]);
  });
  const recipes: Recipes = { common: new Map(), combinationOf: new Map(), own: new Map(), byRank: new Map(), ownByCommon: new Map() };
  return classifierOver(shared(sorted, protocolOf, { next: 0 }), protocolOf, recipes, { everywhere, byService, byTagSet: new Map() }, null);
}

interface Selection {
  everywhere: number[];
  byService: Map<string, number[]>;
  byTagSet: Map<string, number[]>;
}

/** A classifier with what `withPolicies` needs of the one it comes from. */
interface RecipeClassifier extends ProxyClassifier {
  /** The class with this key, made from its recipe. */
  classByKey(key: string): ProxyClass | undefined;
  /** Classes made so far: common sets by selection combination, own classes by key. */
  built: { common: Map<string, CommonSet>; own: Map<string, ProxyClass> };
}

/**
 * The classifier an edit came from, and the ranks whose policy the edit changed: a class none of whose policies
 * changed is taken over whole, with the resolutions it has made (an edit of one policy re-resolves its classes only).
 */
interface Predecessor {
  built: RecipeClassifier['built'];
  changed: ReadonlySet<number>;
  /** The keys of the classes the change reaches (`affectedBy`). */
  affected: ReadonlySet<string>;
}

function classifierOver(own: Shared, protocolOf: (destination: string) => Protocol, recipes: Recipes, selection: Selection, predecessor: Predecessor | null): RecipeClassifier {
  const { everywhere, byService, byTagSet } = selection;
  // The classes the change does not reach are taken over at once, so that the next edit's classifier finds them too.
  const commonSets = new Map<string, CommonSet>(predecessor?.built.common);
  const classes = new Map<string, ProxyClass>(predecessor?.built.own);
  for (const key of predecessor?.affected ?? []) {
    classes.delete(key);
    const combination = recipes.combinationOf.get(key);
    if (combination !== undefined) commonSets.delete(combination);
  }
  const unchanged = (ranks: readonly number[]) => predecessor !== null && !ranks.some((rank) => predecessor.changed.has(rank));
  const commonFrom = (combination: string, recipe: { key: string; ranks: number[] }): CommonSet => {
    let set = commonSets.get(combination);
    if (!set) {
      set = (unchanged(recipe.ranks) ? predecessor?.built.common.get(combination) : undefined) ?? commonSet(recipe.key, recipe.ranks, own);
      commonSets.set(combination, set);
    }
    return set;
  };
  const ownFrom = (key: string, common: CommonSet, specific: number[]): ProxyClass => {
    let found = classes.get(key);
    if (!found) {
      const before = unchanged(specific) ? predecessor?.built.own.get(key) : undefined;
      classes.set(key, (found = before && before.base === common ? before : ownClass(key, common, specific, own)));
    }
    return found;
  };
  /** The policies not tied to a service that select an inbound with these tags: the same for every inbound alike. */
  const everywhereFor = (proxy: Proxy, tags: Record<string, string>): number[] => {
    const key = tagSetKey(proxy, tags);
    let list = byTagSet.get(key);
    if (!list) byTagSet.set(key, (list = everywhere.filter((rank) => selectsTags(own.sorted[rank] as RoutePolicy, proxy, tags))));
    return list;
  };
  const commonSetFor = (proxy: Proxy): CommonSet => {
    const combination = selectionKey(proxy);
    let recipe = recipes.common.get(combination);
    if (!recipe) {
      const found = selectionTagSets(proxy).map((tags) => everywhereFor(proxy, tags));
      const ranks = found.length === 1 ? (found[0] as number[]) : [...new Set(found.flat())].sort((a, b) => a - b);
      recipes.common.set(combination, (recipe = { key: `c${recipes.common.size}`, ranks }));
      recipes.combinationOf.set(recipe.key, combination);
      addRecipe(recipes, recipe.key, ranks);
    }
    return commonFrom(combination, recipe);
  };

  return {
    classOf(proxy, services) {
      const common = commonSetFor(proxy);
      const specific = services.flatMap((s) => byService.get(s) ?? []).filter((rank) => selects(own.sorted[rank] as RoutePolicy, proxy));
      if (specific.length === 0) return common;
      if (services.length > 1) specific.sort((a, b) => a - b);
      const key = `${common.key}|${specific.join(',')}`;
      if (!recipes.own.has(key)) {
        recipes.own.set(key, { common: common.key, specific });
        addRecipe(recipes, key, specific, common.key);
      }
      return ownFrom(key, common, specific);
    },
    built: { common: commonSets, own: classes },
    withPolicies(sorted) {
      const changed = new Set<number>();
      sorted.forEach((policy, rank) => {
        if (policy !== own.sorted[rank]) changed.add(rank);
      });
      const affected = affectedBy(recipes, changed);
      const next = classifierOver(shared(sorted, protocolOf, own.counter), protocolOf, recipes, selection, { built: { common: commonSets, own: classes }, changed, affected });
      return {
        classifier: next,
        affected,
        twin: (cls) => {
          const found = next.classByKey(cls.key);
          if (!found) throw new Error(`class ${cls.key} has no recipe`); // a bug: every class handed out has one
          return found;
        },
      };
    },
    classByKey(key) {
      const commonOf = (commonKey: string) => {
        const combination = recipes.combinationOf.get(commonKey);
        const recipe = combination === undefined ? undefined : recipes.common.get(combination);
        return combination === undefined || !recipe ? undefined : commonFrom(combination, recipe);
      };
      const recipe = recipes.own.get(key);
      if (!recipe) return commonOf(key);
      const common = commonOf(recipe.common);
      return common && ownFrom(key, common, recipe.specific);
    },
  };
}

function commonSet(key: string, ranks: readonly number[], { sorted, listsOf, resolveList }: Shared): CommonSet {
  let lists: ItemLists | null = null;
  const resolved = new Map<string, Resolution>();
  const set: CommonSet = {
    key,
    policies: ranks.map((rank) => sorted[rank] as RoutePolicy),
    base: null,
    lists: () => (lists ??= listsOf(ranks)),
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
function ownClass(key: string, common: CommonSet, specific: readonly number[], { sorted, listsOf, resolveList }: Shared): ProxyClass {
  let own: ItemLists | null = null;
  const ownLists = () => (own ??= listsOf(specific));
  const resolved = new Map<string, Resolution>();
  return {
    key,
    policies: specific.map((rank) => sorted[rank] as RoutePolicy),
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
function resolveItems(id: number, key: string, destination: string, protocol: Protocol, list: ToItem[]): Resolution {
  const tcp = list.filter((i): i is TcpToItem => i.policy.kind === 'MeshTCPRoute');
  const http = list.filter((i): i is HttpToItem => i.policy.kind === 'MeshHTTPRoute');
  const byTags = new Map<string, RouteTemplate[]>();
  return {
    id,
    key,
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
