/**
 * What a ServiceRoute generates, per port, as TSB's reference describes it: explicit routes where a match uses the
 * port, else a generated default route with the top-level subset weights (also when no port and no route is given).
 * The resolver and the Istio exporter both read this plan.
 */
import type { HttpMatch, HttpRoute, PortSetting, ServiceDestination, ServiceRoute, StickySession, TcpMatch, TcpRoute, TrafficType } from '../../model/tsb/types';
import type { NodePath } from '../../source/path';

export const DEFAULT_ROUTE_NAMES: Record<TrafficType, string> = {
  HTTP: 'default-http-route',
  TCP: 'default-tcp-route',
  TLS_PASSTHROUGH: 'default-tls-route',
};

export interface PlannedDestination {
  /** `destinationHost` as written, null for the service itself. */
  host: string | null;
  subset: string | null;
  port: number | null;
  /** As written; null when missing. */
  written: number | null;
  /** The weight Istio gets: a missing one is 1 for a single destination, else 0. */
  weight: number;
  path: NodePath;
}

export type PlannedRoute =
  | { generated: false; type: 'http'; route: HttpRoute; port: number | null; matches: HttpMatch[]; destinations: PlannedDestination[] }
  | { generated: false; type: 'tcp'; route: TcpRoute; port: number | null; matches: TcpMatch[]; destinations: PlannedDestination[] }
  | { generated: true; name: string; setting: PortSetting | null; port: number | null; trafficType: TrafficType; destinations: PlannedDestination[] };

/** The first declaration of each port (a duplicate is an error reported by validation). */
export function declaredPorts(sr: ServiceRoute): PortSetting[] {
  const seen = new Set<number>();
  return sr.portLevelSettings.filter((s) => !seen.has(s.port) && seen.add(s.port));
}

/** The port's sticky key: its own portLevelSettings, else the ServiceRoute's. */
export function portSticky(sr: ServiceRoute, port: number | null): StickySession | null {
  const setting = port === null ? undefined : declaredPorts(sr).find((s) => s.port === port);
  return setting?.sticky ?? sr.sticky;
}

/** Ports some match condition uses: no default route is generated for them. */
export function matchedPorts(sr: ServiceRoute): Set<number> {
  const ports = new Set<number>();
  for (const r of [...sr.httpRoutes, ...sr.tcpRoutes]) for (const m of r.matches) if (m.port !== null) ports.add(m.port);
  return ports;
}

function withDefaults(list: { weight: number | null }[]): number[] {
  return list.map((d) => d.weight ?? (list.length === 1 ? 1 : 0));
}

export function explicitDestinations(destinations: readonly ServiceDestination[]): PlannedDestination[] {
  const weights = withDefaults([...destinations]);
  return destinations.map((d, i) => ({ host: d.host, subset: d.subset || null, port: d.port, written: d.weight, weight: weights[i] ?? 0, path: d.path }));
}

/** The default route's split: the top-level subsets with their weights, or the service itself when none is declared. */
export function subsetDestinations(sr: ServiceRoute, port: number | null): PlannedDestination[] {
  if (sr.subsets.length === 0) return [{ host: null, subset: null, port, written: null, weight: 1, path: ['spec', 'service'] }];
  const weights = withDefaults(sr.subsets);
  return sr.subsets.map((s, i) => ({ host: null, subset: s.name, port, written: s.weight, weight: weights[i] ?? 0, path: s.path }));
}

/** Every route the ServiceRoute generates, explicit ones first (in order), then one default per unmatched port. */
export function planServiceRoute(sr: ServiceRoute): PlannedRoute[] {
  const planned: PlannedRoute[] = [];
  for (const route of sr.httpRoutes) {
    const destinations = explicitDestinations(route.destinations);
    for (const [port, matches] of byPort(route.matches)) planned.push({ generated: false, type: 'http', route, port, matches, destinations });
  }
  for (const route of sr.tcpRoutes) {
    const destinations = explicitDestinations(route.destinations);
    for (const [port, matches] of byPort(route.matches)) planned.push({ generated: false, type: 'tcp', route, port, matches, destinations });
  }
  const used = matchedPorts(sr);
  const ports = declaredPorts(sr);
  for (const setting of ports) {
    if (used.has(setting.port)) continue;
    planned.push({ generated: true, name: DEFAULT_ROUTE_NAMES[setting.trafficType], setting, port: setting.port, trafficType: setting.trafficType, destinations: subsetDestinations(sr, setting.port) });
  }
  if (ports.length === 0 && sr.httpRoutes.length === 0 && sr.tcpRoutes.length === 0) {
    planned.push({ generated: true, name: DEFAULT_ROUTE_NAMES.HTTP, setting: null, port: null, trafficType: 'HTTP', destinations: subsetDestinations(sr, null) });
  }
  return planned;
}

/** A route's match conditions grouped by port, in the order the ports first appear; no condition: one group, any port. */
function byPort<M extends { port: number | null }>(matches: readonly M[]): [number | null, M[]][] {
  if (matches.length === 0) return [[null, []]];
  const groups = new Map<number | null, M[]>();
  for (const m of matches) {
    const list = groups.get(m.port);
    if (list) list.push(m);
    else groups.set(m.port, [m]);
  }
  return [...groups];
}
