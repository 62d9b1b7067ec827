/**
 * The route index: what a family's resolver produces. It holds, per mesh, destination and port, the distinct
 * outcomes and which sources get each; RouteTable entries are produced from it on demand, so that neither the
 * analysis nor its callers ever hold sources x destinations entries at once.
 */
import type { RouteEntry } from './routeTable';

export interface RouteQuery {
  /** Only the routes of this source service. */
  from?: string | null;
  /** Only the routes to this destination. */
  to?: string | null;
  /** Also the default routes: destinations that no policy touches. */
  includeDefaults?: boolean;
}

export interface RouteIndex {
  /** Every source service that has a route (a default route counts when asked), in code-point order. */
  sources(includeDefaults?: boolean): string[];
  /** Every destination that has a route (a default route counts when asked), in code-point order. */
  destinations(includeDefaults?: boolean): string[];
  /**
   * The entries in table order (mesh, source, destination, port, first proxy), produced one at a time: a caller
   * that streams them holds one at a time.
   */
  entries(query?: RouteQuery): Iterable<RouteEntry>;
}

/** Code-point order (not locale order): the same on every machine, and fast on large tables. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function matches(route: RouteEntry, query: RouteQuery): boolean {
  if (route.kind === 'default' && !query.includeDefaults) return false;
  if (query.from != null && route.source !== query.from) return false;
  if (query.to != null && route.destination !== query.to) return false;
  return true;
}

/** An index over a list already in table order, default routes included: for families whose tables are small. */
export function listIndex(routes: readonly RouteEntry[]): RouteIndex {
  const distinct = (key: 'source' | 'destination', includeDefaults = false) =>
    [...new Set(routes.filter((r) => includeDefaults || r.kind !== 'default').map((r) => r[key]))].sort(compareText);
  return {
    sources: (includeDefaults) => distinct('source', includeDefaults),
    destinations: (includeDefaults) => distinct('destination', includeDefaults),
    *entries(query = {}) {
      for (const route of routes) if (matches(route, query)) yield route;
    },
  };
}

/** The indexes of several families, one after the other (each family's entries stay in its own order). */
export function combineIndexes(indexes: readonly RouteIndex[]): RouteIndex {
  const merged = (pick: (index: RouteIndex) => string[]) => [...new Set(indexes.flatMap(pick))].sort(compareText);
  return {
    sources: (includeDefaults) => merged((i) => i.sources(includeDefaults)),
    destinations: (includeDefaults) => merged((i) => i.destinations(includeDefaults)),
    *entries(query = {}) {
      for (const index of indexes) yield* index.entries(query);
    },
  };
}

/** The entries of a query as an array: for small tables, tests and the graph of one source. */
export function routeList(index: RouteIndex, query: RouteQuery = {}): RouteEntry[] {
  return [...index.entries(query)];
}
