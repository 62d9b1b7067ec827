/**
 * TSB's cross-field rules on a ServiceRoute (the reference's prose, not its field tables) and Istio's rules the
 * generated config must pass. Each diagnostic names the node, says why, and how to fix it.
 */
import type { Diagnostic } from '../../diagnostics';
import { asRecord } from '../../model/raw';
import type { PortSetting, ServiceRoute, StickySession, TrafficType } from '../../model/tsb/types';
import type { NodePath } from '../../source/path';
import { tsbDiagnostic, type FixSketch } from './diagnostic';

/** Istio's `labels.IsDNS1123Label`: a subset name becomes part of Envoy cluster names. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function serviceRouteRules(sr: ServiceRoute): Diagnostic[] {
  return [
    ...stickyOneofRule(sr),
    ...duplicatePortRule(sr),
    ...matchPortDeclaredRule(sr),
    ...routeTrafficTypeRule(sr),
    ...tcpStickyRule(sr),
    ...subsetPortRules(sr),
    ...destinationRules(sr),
    ...subsetNameRules(sr),
  ];
}

/** `stickySession` is a oneof: header, cookie or useSourceIp. */
function stickyOneofRule(sr: ServiceRoute): Diagnostic[] {
  const spec = asRecord(asRecord(sr.source.value)?.spec) ?? {};
  const places: { raw: unknown; path: NodePath }[] = [{ raw: spec.stickySession, path: ['spec', 'stickySession'] }];
  const settings = (raw: unknown, at: NodePath) =>
    (Array.isArray(raw) ? raw : []).forEach((s, i) => places.push({ raw: asRecord(s)?.stickySession, path: [...at, i, 'stickySession'] }));
  settings(spec.portLevelSettings, ['spec', 'portLevelSettings']);
  (Array.isArray(spec.subsets) ? spec.subsets : []).forEach((s, i) => settings(asRecord(s)?.portLevelSettings, ['spec', 'subsets', i, 'portLevelSettings']));
  return places.flatMap(({ raw, path }) => {
    const keys = Object.keys(asRecord(raw) ?? {}).filter((k) => k === 'header' || k === 'cookie' || k === 'useSourceIp');
    if (keys.length < 2) return [];
    return [
      tsbDiagnostic(sr.source, 'error', 'TSB_STICKY_ONEOF', path, `sets ${keys.join(' and ')}: a sticky session hashes on one key only (header, cookie or useSourceIp); keep one`),
    ];
  });
}

function duplicatePortRule(sr: ServiceRoute): Diagnostic[] {
  const check = (settings: PortSetting[]) => {
    const seen = new Set<number>();
    return settings.flatMap((s) => {
      if (!seen.has(s.port)) {
        seen.add(s.port);
        return [];
      }
      return [tsbDiagnostic(sr.source, 'error', 'TSB_DUPLICATE_PORT', [...s.path, 'port'], `port ${s.port} is declared twice: keep one entry per port`)];
    });
  };
  return [...check(sr.portLevelSettings), ...sr.subsets.flatMap((s) => check(s.portLevelSettings))];
}

function declareFix(port: number, trafficType: TrafficType, at: number): FixSketch {
  return {
    title: `Declare port ${port} (${trafficType}) in portLevelSettings`,
    changes: [{ op: 'insert', path: ['spec', 'portLevelSettings'], index: at, value: { port, trafficType } }],
  };
}

/** "whenever a port is used in (HTTP/TCP) MatchCondition, it needs to be present in the global PortLevelTrafficSettings" */
function matchPortDeclaredRule(sr: ServiceRoute): Diagnostic[] {
  const declared = new Set(sr.portLevelSettings.map((s) => s.port));
  const offered = new Set<number>();
  const check = (port: number | null, path: NodePath, trafficType: TrafficType) => {
    if (port === null || declared.has(port)) return [];
    const first = !offered.has(port);
    offered.add(port);
    return [
      tsbDiagnostic(
        sr.source,
        'error',
        'TSB_MATCH_PORT_UNDECLARED',
        [...path, 'port'],
        `port ${port} is used in a match but not declared in spec.portLevelSettings: declare it with its trafficType (${trafficType})`,
        first ? [declareFix(port, trafficType, sr.portLevelSettings.length + offered.size - 1)] : [],
      ),
    ];
  };
  return [
    ...sr.httpRoutes.flatMap((r) => r.matches.flatMap((m) => check(m.port, m.path, 'HTTP'))),
    ...sr.tcpRoutes.flatMap((r) => r.matches.flatMap((m) => check(m.port, m.path, 'TCP'))),
  ];
}

/** An httpRoute on a port declared TCP (or the reverse) gives Istio a route it applies to no listener. */
function routeTrafficTypeRule(sr: ServiceRoute): Diagnostic[] {
  const types = new Map(sr.portLevelSettings.map((s) => [s.port, s.trafficType]));
  const check = (port: number | null, path: NodePath, route: 'httpRoutes' | 'tcpRoutes') => {
    const type = port === null ? undefined : types.get(port);
    if (!type || (route === 'httpRoutes') === (type === 'HTTP')) return [];
    const wanted = route === 'httpRoutes' ? 'HTTP' : 'TCP';
    return [
      tsbDiagnostic(sr.source, 'warning', 'TSB_ROUTE_TRAFFIC_TYPE', [...path, 'port'], `port ${port} is declared ${type}, but this match is in ${route}: Istio applies ${route === 'httpRoutes' ? 'http' : 'tcp'} routes only to ${wanted} ports; change the port's trafficType to ${wanted} or move the route`),
    ];
  };
  return [
    ...sr.httpRoutes.flatMap((r) => r.matches.flatMap((m) => check(m.port, m.path, 'httpRoutes'))),
    ...sr.tcpRoutes.flatMap((r) => r.matches.flatMap((m) => check(m.port, m.path, 'tcpRoutes'))),
  ];
}

/** "For TCP routes, only source IP (useSourceIp: true) is a valid load balancing hash key." TLS passthrough is L4 too. */
function tcpStickyRule(sr: ServiceRoute): Diagnostic[] {
  const globalType = new Map(sr.portLevelSettings.map((s) => [s.port, s.trafficType]));
  const settings = [...sr.portLevelSettings, ...sr.subsets.flatMap((s) => s.portLevelSettings)];
  return settings.flatMap((s) => {
    const type = globalType.get(s.port) ?? s.trafficType;
    if (type === 'HTTP' || !s.sticky || s.sticky.kind === 'sourceIp') return [];
    const key = s.sticky.kind;
    return [
      tsbDiagnostic(
        sr.source,
        'error',
        'TSB_TCP_STICKY_NOT_SOURCE_IP',
        [...s.path, 'stickySession', key],
        `port ${s.port} carries ${type === 'TCP' ? 'TCP' : 'TLS passthrough'} traffic: only source IP (useSourceIp: true) is a valid hash key there; a ${key} needs HTTP`,
        [{ title: 'Hash on the source IP', changes: [{ op: 'set', path: [...s.path, 'stickySession'], value: { useSourceIp: true } }] }],
      ),
    ];
  });
}

/** Subset-level settings "modify existing routes": their port must be declared at the top, with the same type. */
function subsetPortRules(sr: ServiceRoute): Diagnostic[] {
  const global = new Map(sr.portLevelSettings.map((s) => [s.port, s]));
  let added = 0;
  return sr.subsets.flatMap((subset) =>
    subset.portLevelSettings.flatMap((s) => {
      const top = global.get(s.port);
      if (!top) {
        const fix = declareFix(s.port, s.trafficType, sr.portLevelSettings.length + added++);
        return [
          tsbDiagnostic(sr.source, 'warning', 'TSB_SUBSET_PORT_UNDECLARED', [...s.path, 'port'], `port ${s.port} is not declared in spec.portLevelSettings: subset-level settings only modify the routes of declared ports, so this one changes nothing; declare the port at the top`, [fix]),
        ];
      }
      if (top.trafficType === s.trafficType) return [];
      return [
        tsbDiagnostic(sr.source, 'warning', 'TSB_SUBSET_TRAFFIC_TYPE', [...s.path, 'trafficType'], `port ${s.port} is ${top.trafficType} in spec.portLevelSettings: a subset cannot change the route type ("non-conflicting" settings only), so ${s.trafficType} is ignored; write ${top.trafficType}`),
      ];
    }),
  );
}

/** Exactly one of destination and flagger; a destination's subset must be one of the ServiceRoute's subsets. */
function destinationRules(sr: ServiceRoute): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const route of sr.httpRoutes) {
    const has = route.destinations.length > 0;
    if (has && route.flagger) {
      out.push(tsbDiagnostic(sr.source, 'error', 'TSB_ROUTE_DESTINATION_ONEOF', [...route.path, 'flagger'], 'sets both destination and flagger: a route has exactly one of them; remove one'));
    } else if (!has && !route.flagger) {
      out.push(tsbDiagnostic(sr.source, 'error', 'TSB_ROUTE_DESTINATION_ONEOF', [...route.path, 'name'], 'has neither destination nor flagger: a route needs exactly one of them (Istio: "HTTP route, redirect or direct_response is required")'));
    }
  }
  for (const route of sr.tcpRoutes) {
    if (route.destinations.length === 0) {
      out.push(tsbDiagnostic(sr.source, 'error', 'TSB_ROUTE_DESTINATION_ONEOF', [...route.path, 'name'], 'has no destination: a TCP route needs at least one (Istio: "TCP route is required")'));
    }
  }
  const known = new Set(sr.subsets.map((s) => s.name));
  const offered = new Set<string>();
  for (const d of [...sr.httpRoutes, ...sr.tcpRoutes].flatMap((r) => r.destinations)) {
    if (d.subset === null || d.subset === '' || known.has(d.subset) || !isOwnHost(sr, d.host)) continue;
    const fixes: FixSketch[] = offered.has(d.subset)
      ? []
      : [{ title: `Add subset "${d.subset}"`, changes: [{ op: 'insert', path: ['spec', 'subsets'], index: sr.subsets.length + offered.size, value: { name: d.subset, labels: { version: d.subset } } }] }];
    offered.add(d.subset);
    const declared = sr.subsets.map((s) => s.name).filter(Boolean);
    const names = declared.length > 0 ? `(declared: ${declared.join(', ')})` : '(no subset is declared)';
    out.push(tsbDiagnostic(sr.source, 'error', 'TSB_UNKNOWN_SUBSET', [...d.path, 'subset'], `subset "${d.subset}" is not declared in spec.subsets ${names}: add it with the labels of its pods, or fix the name`, fixes));
  }
  return out;
}

/** A destination without destinationHost, or naming the ServiceRoute's own service, uses the declared subsets. */
export function isOwnHost(sr: ServiceRoute, host: string | null): boolean {
  return host === null || resolveHost(sr, host) === sr.host;
}

/** `destinationHost` as an FQDN: "reviews" is "reviews.<namespace>.svc.cluster.local"; "ns/fqdn" drops the namespace. */
export function resolveHost(sr: ServiceRoute, host: string | null): string {
  if (host === null) return sr.host;
  const bare = host.includes('/') ? host.slice(host.indexOf('/') + 1) : host;
  return bare.includes('.') ? bare : `${bare}.${sr.namespace}.svc.cluster.local`;
}

function subsetNameRules(sr: ServiceRoute): Diagnostic[] {
  const seen = new Set<string>();
  return sr.subsets.flatMap((s) => {
    const out: Diagnostic[] = [];
    if (seen.has(s.name)) out.push(tsbDiagnostic(sr.source, 'error', 'TSB_DUPLICATE_SUBSET', [...s.path, 'name'], `subset "${s.name}" is declared twice (Istio: "duplicate subset names"): rename or remove one`));
    seen.add(s.name);
    if (s.name !== '' && (!DNS_LABEL.test(s.name) || s.name.length > 63)) {
      out.push(tsbDiagnostic(sr.source, 'error', 'TSB_SUBSET_NAME_DNS', [...s.path, 'name'], `"${s.name}" is not a DNS label: Istio rejects the DestinationRule ("subset name is invalid"); use lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters (e.g. "${dnsLabel(s.name)}")`));
    }
    return out;
  });
}

function dnsLabel(name: string): string {
  const label = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
  return label || 'v1';
}

/** How a sticky session reads in the graph and the route table. */
export function describeSticky(sticky: StickySession | null): string | null {
  if (!sticky) return null;
  if (sticky.kind === 'header') return `header ${sticky.header}`;
  if (sticky.kind === 'cookie') return `cookie ${sticky.name}`;
  return 'source IP';
}
