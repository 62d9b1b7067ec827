/** One ServiceRoute -> its Istio VirtualService and DestinationRule, as reference/tsb/istio-mapping.md describes. */
import type { Diagnostic } from '../../diagnostics';
import type { ServiceRoute, StickySession, TrafficType } from '../../model/tsb/types';
import { declaredPorts, planServiceRoute, type PlannedDestination, type PlannedRoute } from '../../resolve/tsb/plan';
import { tsbDiagnostic } from '../../validate/tsb/diagnostic';
import { resolveHost } from '../../validate/tsb/rules';
import type { IstioExportOptions } from './options';

type Json = Record<string, unknown>;

export interface IstioPair {
  virtualService: Json | null;
  destinationRule: Json;
  diagnostics: Diagnostic[];
}

export function serviceRouteToIstio(sr: ServiceRoute, options: IstioExportOptions): IstioPair {
  const diagnostics: Diagnostic[] = [];
  const http: Json[] = [];
  const tcp: Json[] = [];
  const tls: Json[] = [];
  const types = new Map(declaredPorts(sr).map((s) => [s.port, s.trafficType]));
  for (const planned of istioRoutes(planServiceRoute(sr))) {
    const route = planned.flagger ? null : weightedRoute(sr, planned.destinations);
    if (!planned.flagger && route === null) {
      diagnostics.push(tsbDiagnostic(sr.source, 'error', 'TSB_EXPORT_ZERO_WEIGHTS', planned.path, `not exported: every weight of route "${planned.name}" is 0, and Istio rejects such a route ("total destination weight = 0")`));
      continue;
    }
    if (planned.kind === 'http') {
      const out: Json = { name: planned.name };
      if (planned.match.length > 0) out.match = planned.match;
      if (planned.flagger) out.delegate = planned.flagger;
      else out.route = route;
      http.push(out);
    } else if (planned.kind === 'tcp') {
      tcp.push({ ...(planned.match.length > 0 ? { match: planned.match } : {}), route });
    } else {
      tls.push({ match: planned.match.map((m) => ({ ...m, sniHosts: [sr.host] })), route });
    }
  }
  diagnostics.push(...droppedFields(sr));
  const spec: Json = { hosts: [sr.host] };
  if (http.length > 0) spec.http = http;
  if (tcp.length > 0) spec.tcp = tcp;
  if (tls.length > 0) spec.tls = tls;
  const hasRoutes = http.length + tcp.length + tls.length > 0;
  return {
    virtualService: hasRoutes ? { apiVersion: options.apiVersion, kind: 'VirtualService', metadata: metadata(sr, options, 'vs'), spec } : null,
    destinationRule: { apiVersion: options.apiVersion, kind: 'DestinationRule', metadata: metadata(sr, options, 'dr'), spec: destinationRuleSpec(sr, types, options) },
    diagnostics,
  };
}

/** Fields of newer TSB versions that the mapping does not cover: said, not silently lost. */
function droppedFields(sr: ServiceRoute): Diagnostic[] {
  const spec = (sr.source.value as { spec?: Json } | null)?.spec ?? {};
  const routes = Array.isArray(spec.httpRoutes) ? (spec.httpRoutes as unknown[]) : [];
  const out: Diagnostic[] = [];
  routes.forEach((raw, i) => {
    const route = raw !== null && typeof raw === 'object' ? (raw as Json) : {};
    for (const field of ['fault', 'mirrors'] as const) {
      if (route[field] === undefined) continue;
      out.push(tsbDiagnostic(sr.source, 'warning', 'TSB_EXPORT_FIELD_DROPPED', ['spec', 'httpRoutes', i, field], `${field} is not in the exported VirtualService: reference/tsb/istio-mapping.md does not say how TSB translates it; add it to the exported route by hand`));
    }
  });
  return out;
}

interface IstioRoute {
  kind: 'http' | 'tcp' | 'tls';
  name: string;
  match: Json[];
  destinations: PlannedDestination[];
  flagger: { name: string; namespace: string } | null;
  path: (string | number)[];
}

/**
 * One Istio route per TSB route (all its match conditions; the plan splits them per port only for the table),
 * explicit routes first in their order, then the generated defaults in port order.
 */
function istioRoutes(plan: readonly PlannedRoute[]): IstioRoute[] {
  const out: IstioRoute[] = [];
  const seen = new Set<unknown>();
  for (const p of plan) {
    if (p.generated) {
      const kind = KIND[p.trafficType];
      out.push({ kind, name: p.name, match: p.port === null ? [] : [{ port: p.port }], destinations: p.destinations, flagger: null, path: [...(p.setting?.path ?? ['spec', 'subsets'])] });
      continue;
    }
    if (seen.has(p.route)) continue;
    seen.add(p.route);
    if (p.type === 'http') {
      const r = p.route;
      const match = r.matches.map((m) => {
        const out: Json = { name: m.name };
        if (m.uri) out.uri = m.uri;
        if (Object.keys(m.headers).length > 0) out.headers = m.headers;
        if (m.port !== null) out.port = m.port;
        return out;
      });
      const flagger = r.flagger ? { name: r.flagger.canary, namespace: r.flagger.namespace } : null;
      out.push({ kind: 'http', name: r.name, match, destinations: p.destinations, flagger, path: [...r.path] });
    } else {
      const r = p.route;
      out.push({ kind: 'tcp', name: r.name, match: r.matches.flatMap((m) => (m.port === null ? [] : [{ port: m.port }])), destinations: p.destinations, flagger: null, path: [...r.path] });
    }
  }
  return out;
}

const KIND: Record<TrafficType, IstioRoute['kind']> = { HTTP: 'http', TCP: 'tcp', TLS_PASSTHROUGH: 'tls' };

/** Istio's destinations; null when several all weigh 0. A lone destination without a written weight has none. */
function weightedRoute(sr: ServiceRoute, destinations: readonly PlannedDestination[]): Json[] | null {
  if (destinations.length > 1 && destinations.every((d) => d.weight === 0)) return null;
  return destinations.map((d) => {
    const destination: Json = { host: resolveHost(sr, d.host) };
    if (d.subset) destination.subset = d.subset;
    if (d.port !== null) destination.port = { number: d.port };
    const out: Json = { destination };
    if (destinations.length > 1 || d.written !== null) out.weight = d.weight;
    return out;
  });
}

function metadata(sr: ServiceRoute, options: IstioExportOptions, suffix: 'vs' | 'dr'): Json {
  const out: Json = { name: options.names === 'suffixed' ? `${sr.name}-${suffix}` : sr.name, namespace: sr.namespace };
  const annotations: Record<string, string> = { ...sr.annotations };
  const { organization, tenant, workspace, group } = sr.scope;
  if (options.fqnAnnotation && organization && tenant && workspace && group) {
    annotations['tsb.tetrate.io/fqn'] = `organizations/${organization}/tenants/${tenant}/workspaces/${workspace}/trafficgroups/${group}/serviceroutes/${sr.name}`;
  }
  if (Object.keys(sr.labels).length > 0) out.labels = sr.labels;
  if (Object.keys(annotations).length > 0) out.annotations = annotations;
  return out;
}

function consistentHash(sticky: StickySession): Json {
  if (sticky.kind === 'header') return { httpHeaderName: sticky.header };
  if (sticky.kind === 'cookie') return { httpCookie: { name: sticky.name, path: sticky.path, ttl: sticky.ttl } };
  return { useSourceIp: true };
}

/** Port-level and load-balancer policies; never an empty trafficPolicy ("traffic policy must have at least one field"). */
function trafficPolicy(settings: { port: number; sticky: StickySession | null }[], global: StickySession | null, types: Map<number, TrafficType>, options: IstioExportOptions): Json | null {
  const out: Json = {};
  let loadBalancer = global;
  const perPort: Json[] = [];
  for (const s of settings) {
    if (!s.sticky) continue;
    const l4 = types.get(s.port) !== 'HTTP' && s.sticky.kind === 'sourceIp';
    if (!l4 || options.tcpSourceIp !== 'loadBalancer') perPort.push({ port: { number: s.port }, loadBalancer: { consistentHash: consistentHash(s.sticky) } });
    if (l4 && options.tcpSourceIp !== 'portLevelSettings' && !loadBalancer) loadBalancer = s.sticky;
  }
  if (loadBalancer) out.loadBalancer = { consistentHash: consistentHash(loadBalancer) };
  if (perPort.length > 0) out.portLevelSettings = perPort;
  return Object.keys(out).length > 0 ? out : null;
}

function destinationRuleSpec(sr: ServiceRoute, types: Map<number, TrafficType>, options: IstioExportOptions): Json {
  const spec: Json = { host: sr.host };
  const top = trafficPolicy(declaredPorts(sr), sr.sticky, types, options);
  if (top) spec.trafficPolicy = top;
  if (sr.subsets.length > 0) {
    spec.subsets = sr.subsets.map((s) => {
      const out: Json = { name: s.name };
      if (Object.keys(s.labels).length > 0) out.labels = s.labels;
      const policy = trafficPolicy(s.portLevelSettings, null, types, options);
      if (policy) out.trafficPolicy = policy;
      return out;
    });
  }
  return spec;
}
