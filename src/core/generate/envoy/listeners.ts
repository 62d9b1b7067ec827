/**
 * Outbound listeners as Kuma 2.6 generates them: `tcp_proxy` (after `kafka_broker` for kafka) for a TCP route, an
 * HTTP connection manager with one Envoy route per match for MeshHTTPRoute (and the default on HTTP destinations).
 */
import type { HttpMatch } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';
import type { Protocol } from '../../resolve/routeTable';
import { routeName } from './names';

export type Json = Record<string, unknown>;

/** One split of a route: an Envoy cluster and its raw weight. */
export interface Split {
  cluster: string;
  weight: number;
  /** An ExternalService cluster: an HTTP route to it alone rewrites the Host header (`autoHostRewrite`). */
  external?: boolean;
}

export interface OutboundListenerInput {
  address: string;
  port: number;
  /**
   * The destination's name in the stat prefix (and an HTTP route configuration): its `kuma.io/service`, or for a real
   * resource's port its legacy destination name (`default_backend___msvc_80`).
   */
  service: string;
  protocol: Protocol;
  /** Listener metadata `io.kuma.tags` (without `kuma.io/mesh`): the outbound's tags, or `kuma.io/unified-name` of a real resource's port. */
  tags: Record<string, string>;
}

const TCP_PROXY = 'type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy';

export function listenerName(address: string, port: number): string {
  return `outbound:${address}:${port}`;
}

function listener(input: OutboundListenerInput, filters: Json[]): Json {
  const name = listenerName(input.address, input.port);
  const { 'kuma.io/mesh': _mesh, ...tags } = input.tags;
  return {
    '@type': 'type.googleapis.com/envoy.config.listener.v3.Listener',
    address: { socketAddress: { address: input.address, portValue: input.port } },
    filterChains: [{ filters }],
    metadata: { filterMetadata: { 'io.kuma.tags': tags } },
    name,
    trafficDirection: 'OUTBOUND',
  };
}

/** `tcp_proxy`: one split gives `cluster`, several give `weightedClusters` with the raw weights; none gives no filter. */
export function tcpListener(input: OutboundListenerInput, splits: readonly Split[]): Json {
  const filters: Json[] = [];
  if (input.protocol === 'kafka') {
    filters.push({
      name: 'envoy.filters.network.kafka_broker',
      typedConfig: { '@type': 'type.googleapis.com/envoy.extensions.filters.network.kafka_broker.v3.KafkaBroker', statPrefix: statPrefix(input.service) },
    });
  }
  if (splits.length > 0) {
    const target = splits.length === 1 ? { cluster: splits[0]?.cluster } : { weightedClusters: { clusters: splits.map((s) => ({ name: s.cluster, weight: s.weight })) } };
    filters.push({ name: 'envoy.filters.network.tcp_proxy', typedConfig: { '@type': TCP_PROXY, ...target, statPrefix: statPrefix(input.service) } });
  }
  return listener(input, filters);
}

/** One rule of the route configuration: its matches (alternatives) and where it sends. */
export interface HttpRouteInput {
  matches: readonly HttpMatch[];
  splits: readonly Split[];
}

export function httpListener(input: OutboundListenerInput, routes: readonly HttpRouteInput[], sourceTagsHeader: string): Json {
  const httpFilters: Json[] = [];
  if (input.protocol === 'grpc') {
    httpFilters.push({ name: 'envoy.filters.http.grpc_stats', typedConfig: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.grpc_stats.v3.FilterConfig', emitFilterState: true } });
  }
  httpFilters.push({ name: 'envoy.filters.http.router', typedConfig: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router' } });
  const hcm = {
    '@type': 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
    httpFilters,
    normalizePath: true,
    routeConfig: {
      name: `outbound:${input.service}`,
      requestHeadersToAdd: [{ header: { key: 'x-kuma-tags', value: sourceTagsHeader } }],
      validateClusters: false,
      virtualHosts: [{ domains: ['*'], name: input.service, routes: routes.flatMap(envoyRoutes) }],
    },
    statPrefix: statPrefix(input.service),
  };
  return listener(input, [{ name: 'envoy.filters.network.http_connection_manager', typedConfig: hcm }]);
}

function envoyRoutes(rule: HttpRouteInput): Json[] {
  const name = routeName(rule.matches);
  const action = {
    ...(rule.splits.length === 1 && rule.splits[0]?.external ? { autoHostRewrite: true } : {}),
    ...(rule.splits.length === 1 ? { cluster: rule.splits[0]?.cluster } : { weightedClusters: { clusters: rule.splits.map((s) => ({ name: s.cluster, weight: s.weight })) } }),
    timeout: '0s',
  };
  return rule.matches.flatMap((match) => pathMatchers(match).map((path) => ({ match: { ...path, ...otherMatchers(match) }, name, route: action })));
}

/** A PathPrefix other than `/` becomes two Envoy matches: the exact path and the path followed by a slash. */
function pathMatchers(match: HttpMatch): Json[] {
  const path = match.path ?? { type: 'PathPrefix', value: '/' };
  switch (path.type) {
    case 'Exact':
      return [{ path: path.value }];
    case 'RegularExpression':
      return [{ safeRegex: { googleRe2: {}, regex: path.value } }];
    default:
      return path.value === '/' ? [{ prefix: '/' }] : [{ path: path.value }, { prefix: `${path.value}/` }];
  }
}

function otherMatchers(match: HttpMatch): Json {
  const headers: Json[] = [];
  if (match.method) headers.push({ name: ':method', stringMatch: { exact: match.method } });
  for (const h of match.headers ?? []) {
    switch (h.type ?? 'Exact') {
      case 'Present':
        headers.push({ name: h.name, presentMatch: true });
        break;
      case 'Absent':
        headers.push({ name: h.name, presentMatch: false });
        break;
      case 'RegularExpression':
        headers.push({ name: h.name, stringMatch: { safeRegex: { googleRe2: {}, regex: h.value ?? '' } } });
        break;
      case 'Prefix':
        headers.push({ name: h.name, stringMatch: { prefix: h.value ?? '' } });
        break;
      default:
        headers.push({ name: h.name, stringMatch: { exact: h.value ?? '' } });
    }
  }
  const query = (match.queryParams ?? []).map((q) => ({
    name: q.name,
    stringMatch: q.type === 'RegularExpression' ? { safeRegex: { googleRe2: {}, regex: q.value } } : { exact: q.value },
  }));
  return { ...(headers.length ? { headers } : {}), ...(query.length ? { queryParameters: query } : {}) };
}

/** Kuma's stat prefix is the service name with `:` (not allowed in Envoy stat names) replaced. */
function statPrefix(service: string): string {
  return service.replace(/:/g, '_');
}

/** The outbound's tags, with `kuma.io/service` set: what the listener metadata shows. */
export function outboundTags(service: string, tags: Record<string, string>): Record<string, string> {
  return { ...tags, [SERVICE_TAG]: service };
}
