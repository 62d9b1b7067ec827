/** ServiceRoutes -> RouteTable entries: one per (route, port), with the subset split, sticky key and provenance. */
import type { Diagnostic } from '../../diagnostics';
import type { ServiceRoute, TrafficGroup, TrafficType } from '../../model/tsb/types';
import { locate, spanAt } from '../../source/document';
import { describeSticky, isOwnHost, resolveHost } from '../../validate/tsb/rules';
import { compareText } from '../routeIndex';
import type { BackendSplit, Protocol, RouteEntry } from '../routeTable';
import { declaredPorts, planServiceRoute, portSticky, type PlannedDestination, type PlannedRoute } from './plan';
import { splitWarnings } from './splitWarnings';

const PROTOCOLS: Record<TrafficType, Protocol> = { HTTP: 'http', TCP: 'tcp', TLS_PASSTHROUGH: 'tls' };
/** The source of a ServiceRoute that names no group. */
export const NO_GROUP = '(no group)';

export function resolveServiceRoutes(routes: readonly ServiceRoute[], groups: readonly TrafficGroup[]): { routes: RouteEntry[]; diagnostics: Diagnostic[] } {
  const entries: RouteEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const sr of routes) {
    const group = findGroup(groups, sr);
    const plan = planServiceRoute(sr);
    for (const planned of plan) entries.push(toEntry(sr, group, planned));
    diagnostics.push(...splitWarnings(sr, plan));
  }
  const portKey = (p: number | null) => (p === null ? -1 : p);
  entries.sort((a, b) => compareText(a.source, b.source) || compareText(a.destination, b.destination) || portKey(a.port) - portKey(b.port));
  return { routes: entries, diagnostics };
}

/** The Group a ServiceRoute belongs to: same name, and same workspace and tenant when both say. */
export function findGroup(groups: readonly TrafficGroup[], sr: ServiceRoute): TrafficGroup | null {
  const same = (a: string | null, b: string | null) => a === null || b === null || a === b;
  return groups.find((g) => g.name === sr.scope.group && same(g.scope.workspace, sr.scope.workspace) && same(g.scope.tenant, sr.scope.tenant)) ?? null;
}

function toEntry(sr: ServiceRoute, group: TrafficGroup | null, planned: PlannedRoute): RouteEntry {
  const trafficType: TrafficType = planned.generated ? planned.trafficType : trafficTypeOf(sr, planned.port, planned.type === 'http' ? 'HTTP' : 'TCP');
  const flagger = !planned.generated && planned.type === 'http' ? planned.route.flagger : null;
  const entry: RouteEntry = {
    family: 'tsb',
    mesh: null,
    source: sr.scope.group ?? NO_GROUP,
    proxies: group?.namespaces ?? [],
    destination: sr.host,
    port: planned.port,
    protocol: PROTOCOLS[trafficType],
    kind: 'ServiceRoute',
    policy: sr.name,
    name: planned.generated ? planned.name : planned.route.name,
    match: matchOf(planned),
    backends: flagger ? [] : splits(sr, planned.destinations, planned.port),
    overridden: [],
    location: spanAt(sr.source, planned.generated ? (planned.setting?.path ?? ['spec', sr.subsets.length > 0 ? 'subsets' : 'service']) : planned.route.path),
    selectorLocation: null,
    sourceLocation: group ? locate(group.source, group.namePath) : null,
    trafficType,
    stickySession: describeSticky(portSticky(sr, planned.port)),
  };
  if (flagger) entry.delegate = { canary: flagger.canary, namespace: flagger.namespace };
  return entry;
}

function trafficTypeOf(sr: ServiceRoute, port: number | null, fallback: TrafficType): TrafficType {
  return (port === null ? undefined : declaredPorts(sr).find((s) => s.port === port)?.trafficType) ?? fallback;
}

function matchOf(planned: PlannedRoute): Record<string, unknown> | null {
  if (planned.generated) return planned.port === null ? null : { port: planned.port };
  if (planned.matches.length === 0) return null;
  const conditions = planned.matches.map((m) => {
    const condition: Record<string, unknown> = { name: m.name };
    if ('uri' in m && m.uri) condition.uri = m.uri;
    if ('headers' in m && Object.keys(m.headers).length > 0) condition.headers = m.headers;
    return condition;
  });
  return { port: planned.port, conditions };
}

/**
 * Shares as Istio computes them: weight / sum; a single destination gets everything whatever its weight; zero
 * weights get nothing (left out); all zero among several: no backend, the route fails.
 */
export function splits(sr: ServiceRoute, destinations: readonly PlannedDestination[], port: number | null): BackendSplit[] {
  const kept = destinations.length === 1 ? destinations : destinations.filter((d) => d.weight > 0);
  const total = kept.reduce((sum, d) => sum + d.weight, 0);
  return kept.map((d) => {
    const subset = isOwnHost(sr, d.host) && d.subset ? sr.subsets.find((s) => s.name === d.subset) : undefined;
    const split: BackendSplit = {
      service: resolveHost(sr, d.host),
      tags: subset?.labels ?? {},
      weight: d.written ?? d.weight,
      percent: kept.length === 1 ? 100 : (100 * d.weight) / total,
      location: spanAt(sr.source, d.path),
    };
    if (d.subset) split.subset = d.subset;
    const backendPort = d.port ?? port;
    if (backendPort !== null) split.port = backendPort;
    const own = subset?.portLevelSettings.find((s) => s.port === port)?.sticky;
    if (own) split.stickySession = describeSticky(own) ?? undefined;
    return split;
  });
}

