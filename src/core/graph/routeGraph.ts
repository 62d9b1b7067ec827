import type { SourceLocation } from '../diagnostics';
import { describeHttpMatches } from '../resolve/kuma/httpRules';
import type { HttpMatch } from '../model/kuma/types';
import type { InvalidMark, InvalidRoute, RouteEntry } from '../resolve/routeTable';
import { addTsbRoutes } from './tsbGraph';

export type GraphNodeKind = 'source' | 'port' | 'route' | 'backend';

/**
 * A node of the route graph, without a position: sources on the left, routes in the middle, backends on the right;
 * TSB draws the service port (traffic type, sticky key) between its clients and its routes.
 */
export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** Second line: proxies of a source, the route's kind and destination, a backend's subset. */
  detail: string;
  /** For sources: the names of the Dataplanes the node stands for, sorted. */
  proxies?: string[];
  mesh: string | null;
  /** For routes: the policy kind (`MeshTCPRoute`, `default`...). */
  routeKind?: string;
  /** For routes: policies that lost to this one, and why. */
  overridden?: { policy: string; kind: string; reason: string; location?: SourceLocation }[];
  /** For routes whose every weight is zero: the traffic fails. */
  failing?: boolean;
  /** For routes of a policy with errors: drawn for what it would have done, not applied. */
  invalid?: InvalidMark;
  /** For HTTP rules: what the rule matches (`PathPrefix /api, header x-version: v2`), and its place in Envoy's order (1-based). */
  match?: string;
  ruleOrder?: number;
  /** For HTTP rules: the types of the filters it carries (shown, not interpreted). */
  filters?: string[];
  /** For routes: the destination's protocol and where it comes from (`kuma.io/protocol: http on Dataplane web-1`). */
  protocol?: string;
  protocolSource?: string;
  location: SourceLocation | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** `90%` on splits; the proxies concerned on a selection when a service resolves differently per proxy. */
  label: string;
  percent: number | null;
  location: SourceLocation | null;
  /** On the edges of a route that is not applied (its policy has errors). */
  invalid?: boolean;
}

export interface RouteGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface RouteGraphOptions {
  showDefaults: boolean;
  /** Draw only the routes of this source service (a large mesh is unreadable whole). */
  source?: string | null;
}

/** `90%`, `<1%` for a tiny share: what a label shows (JSON keeps the unrounded value). */
export function percentLabel(percent: number): string {
  if (percent > 0 && percent < 1) return '<1%';
  return `${Math.round(percent)}%`;
}

/** At most this many routes of invalid policies are drawn (one per selected source: a mesh-wide one has many). */
export const MAX_INVALID_DRAWN = 200;

/**
 * Turns route entries into a graph: one node per source service, one per distinct route (shared by the sources
 * it applies to alike), one per backend (service + subset). Default routes are left out unless asked for.
 * `invalid`: routes of policies with errors, drawn marked as not applied beside the valid ones (a route that
 * selects no known source is drawn without one; with a focused source, only that source's are drawn).
 */
export function buildRouteGraph(routes: readonly RouteEntry[], options: RouteGraphOptions, invalid: readonly InvalidRoute[] = []): RouteGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const focused = (r: RouteEntry) => !options.source || r.source === options.source;
  // The catch-all of an HTTP route (a default with a match) is part of that route: shown with its rules.
  const valid = routes.filter((r) => (options.showDefaults || r.kind !== 'default' || r.match !== null) && focused(r));
  const shown: (RouteEntry | InvalidRoute)[] = [...valid, ...invalid.filter(focused).slice(0, MAX_INVALID_DRAWN)];
  const visible = shown.filter((r) => r.family !== 'tsb');
  // Proxies of one service resolve differently when a pair has entries for several proxy lists (HTTP rules of one
  // route share theirs).
  const listsPerPair = new Map<string, Set<string>>();
  for (const r of valid) if (r.family !== 'tsb') (listsPerPair.get(pairKey(r)) ?? listsPerPair.set(pairKey(r), new Set()).get(pairKey(r)))?.add(r.proxies.join('\u0000'));
  const ruleOrder = new Map<string, number>();
  const proxiesPerSource = new Map<string, Set<string>>();
  const proxiesPerSelection = new Map<string, Set<string>>();
  const routeIds = routeIdentities();

  for (const route of visible) {
    const mesh = route.mesh ?? '';
    const mark = 'invalid' in route ? route.invalid : undefined;
    const sourceId = `source:${mesh}:${route.source}`;
    if (route.source !== '' && !nodes.has(sourceId)) {
      nodes.set(sourceId, { id: sourceId, kind: 'source', label: route.source, detail: '', mesh: route.mesh, location: route.sourceLocation });
      proxiesPerSource.set(sourceId, new Set());
    }
    route.proxies.forEach((p) => proxiesPerSource.get(sourceId)?.add(p));
    const matches = Array.isArray(route.match?.matches) ? (route.match.matches as HttpMatch[]) : null;
    const matchText = matches ? describeHttpMatches(matches) : undefined;
    const routeId = routeIds.idOf(`route:${mesh}:${route.destinationKri ?? route.destination}:${route.port ?? ''}:${route.kind}:${route.policy ?? ''}:${route.location ? `${route.location.file}:${route.location.path}` : ''}:${matchText ?? ''}:${route.overridden.map((o) => o.policy).join(',')}${mark ? ':invalid' : ''}`, route.location);
    if (!nodes.has(routeId)) {
      // HTTP rules are numbered in the order Envoy tries them, per source, destination and port (an invalid one is tried by no one).
      const order = matches && !mark ? (ruleOrder.get(pairKey(route)) ?? 0) + 1 : undefined;
      if (order !== undefined) ruleOrder.set(pairKey(route), order);
      nodes.set(routeId, {
        id: routeId,
        kind: 'route',
        label: route.policy ?? (route.name === 'catch-all' ? 'catch-all' : 'default route'),
        detail: `${route.kind === 'default' ? 'no policy' : route.kind} → ${route.destination}${route.port !== null ? `:${route.port}` : ''} (${route.protocol})`,
        mesh: route.mesh,
        routeKind: route.kind,
        overridden: route.overridden,
        failing: !mark && route.backends.length === 0,
        ...(mark ? { invalid: mark } : {}),
        ...(matchText !== undefined ? { match: matchText, ...(order !== undefined ? { ruleOrder: order } : {}) } : {}),
        ...(route.filters?.length ? { filters: route.filters.map((f) => String(f.type)) } : {}),
        protocol: route.protocol,
        ...(route.protocolSource ? { protocolSource: route.protocolSource } : {}),
        location: route.location,
      });
      for (const backend of route.backends) {
        const subset = backend.subset ?? '';
        // Kuma's current model: a backend is a port of a resource (`backend.kuma-demo:3001`).
        const port = backend.kri && backend.port !== undefined ? `:${backend.port}` : '';
        const backendId = backend.kri ? `backend:${mesh}:${backend.kri}` : `backend:${mesh}:${backend.service}:${subset}`;
        if (!nodes.has(backendId)) {
          nodes.set(backendId, { id: backendId, kind: 'backend', label: `${backend.service}${port}`, detail: subset, mesh: route.mesh, location: backend.location ?? null });
        }
        const edgeId = `${routeId}->${backendId}`;
        const existing = edges.get(edgeId);
        if (existing) {
          existing.percent = (existing.percent ?? 0) + backend.percent; // two refs to one backend add up
          existing.label = percentLabel(existing.percent);
        } else {
          edges.set(edgeId, { id: edgeId, source: routeId, target: backendId, label: splitLabel(backend, !!mark), percent: backend.percent, location: backend.location ?? null, ...(mark ? { invalid: true } : {}) });
        }
      }
    }
    if (route.source === '') continue;
    const edgeId = `${sourceId}->${routeId}`;
    if (!edges.has(edgeId)) {
      edges.set(edgeId, { id: edgeId, source: sourceId, target: routeId, label: '', percent: null, location: route.selectorLocation, ...(mark ? { invalid: true } : {}) });
      proxiesPerSelection.set(edgeId, new Set());
    }
    // When one service's proxies resolve differently, each selection edge says which proxies it carries.
    if ((listsPerPair.get(pairKey(route))?.size ?? 1) > 1) route.proxies.forEach((p) => proxiesPerSelection.get(edgeId)?.add(p));
  }
  for (const [id, proxies] of proxiesPerSource) {
    const node = nodes.get(id);
    if (!node) continue;
    node.detail = proxies.size === 1 ? '1 proxy' : `${proxies.size} proxies`;
    node.proxies = [...proxies].sort();
  }
  for (const [id, proxies] of proxiesPerSelection) {
    const edge = edges.get(id);
    if (edge && proxies.size > 0) edge.label = proxiesLabel([...proxies]);
  }
  addTsbRoutes(
    shown.filter((r) => r.family === 'tsb'),
    nodes,
    edges,
    percentLabel,
  );
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** A share's label; a route that is not applied shows a weight it cannot use as written (`weight -10`). */
function splitLabel(backend: { weight: number; percent: number }, invalid: boolean): string {
  return invalid && !(backend.weight > 0) ? `weight ${backend.weight}` : percentLabel(backend.percent);
}

function pairKey(r: RouteEntry): string {
  return `${r.mesh ?? ''}|${r.source}|${r.destinationKri ?? r.destination}|${r.port ?? ''}`;
}

/**
 * A route node's id says what the route is, not which line it is written on: a line added above it keeps its id,
 * so the graph keeps its nodes and its layout. Two routes alike but written in two places (two policies of one
 * kind and name in one file) are told apart by the order in which they first come: `#1` for the second.
 */
function routeIdentities(): { idOf(key: string, location: SourceLocation | null): string } {
  const placesByKey = new Map<string, Map<string, number>>();
  return {
    idOf(key, location) {
      if (!location) return key;
      let places = placesByKey.get(key);
      if (!places) placesByKey.set(key, (places = new Map()));
      const place = `${location.file}@${location.line}:${location.column}`;
      let ordinal = places.get(place);
      if (ordinal === undefined) places.set(place, (ordinal = places.size));
      return ordinal === 0 ? key : `${key}#${ordinal}`;
    },
  };
}

function proxiesLabel(proxies: string[]): string {
  return proxies.length > 3 ? `${proxies.slice(0, 3).join(', ')} +${proxies.length - 3}` : proxies.join(', ');
}
