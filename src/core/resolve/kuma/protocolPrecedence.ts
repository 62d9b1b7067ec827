/**
 * Which route kind takes one destination, as Kuma 2.6 decides it per outbound (`getBackendRefs` of the MeshTCPRoute
 * plugin, `prepareRoutes` of the MeshHTTPRoute plugin; `reference/kuma/matching.md` section 5):
 *
 * | destination protocol | MeshHTTPRoute applies | MeshTCPRoute applies | outcome                                   |
 * |----------------------|-----------------------|----------------------|-------------------------------------------|
 * | http, http2, grpc    | yes                   | either               | the HTTP rules (+ catch-all); TCP overridden |
 * | http, http2, grpc    | no                    | yes                  | the MeshTCPRoute                          |
 * | http, http2, grpc    | no                    | no                   | default (catch-all to itself)             |
 * | tcp, kafka, unknown  | either                | yes                  | the MeshTCPRoute; HTTP overridden         |
 * | tcp, kafka, unknown  | either                | no                   | default; HTTP overridden                  |
 */
import type { MeshTCPRoutePolicy, TcpRouteTo } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';
import { toSplits, type BackendSplit, type OverriddenPolicy, type Protocol, type RouteEntry } from '../routeTable';
import { CATCH_ALL, mergeHttpRules, needsCatchAll, type HttpToItem, type MergedHttpRule } from './httpRules';
import { overrideReason } from './priority';

/** One `to[]` entry of one MeshTCPRoute that applies to the destination. */
export interface TcpToItem {
  policy: MeshTCPRoutePolicy;
  to: TcpRouteTo;
}

/** What a route entry takes from the policies; the rest (source, proxies, port, ...) comes from where it applies. */
export type RouteTemplate = Pick<RouteEntry, 'kind' | 'policy' | 'name' | 'match' | 'backends' | 'overridden' | 'location' | 'selectorLocation'> & Pick<Partial<RouteEntry>, 'filters'>;

export interface DestinationInput {
  /** `kuma.io/service` of the destination. */
  destination: string;
  protocol: Protocol;
  /** The outbound's tags (`kuma.io/service` included or not): what the default route and the catch-all send to. */
  outboundTags: Record<string, string>;
  /** Applicable MeshTCPRoute `to[]` items, priority order, lowest first. */
  tcp: readonly TcpToItem[];
  /** Applicable MeshHTTPRoute `to[]` items, priority order, lowest first. */
  http: readonly HttpToItem[];
}

const HTTP_PROTOCOLS: readonly Protocol[] = ['http', 'http2', 'grpc'];

export function isHttpProtocol(protocol: Protocol): boolean {
  return HTTP_PROTOCOLS.includes(protocol);
}

/**
 * The routes of one destination in the order Envoy tries them: one per HTTP rule (the catch-all last) when the
 * MeshHTTPRoute takes it, else one TCP route (a MeshTCPRoute's or the default).
 */
export function resolveDestination(input: DestinationInput): RouteTemplate[] {
  const { tcp, http, protocol } = input;
  if (isHttpProtocol(protocol) && (http.length > 0 || tcp.length === 0)) {
    if (http.length === 0) return [defaultRoute(input, [])];
    const beaten = firstPerPolicy(tcp).map((item) => ({
      policy: item.policy.name,
      kind: item.policy.kind,
      reason: `a MeshHTTPRoute applies to this ${protocol} destination, and on HTTP destinations it takes precedence over MeshTCPRoute`,
      location: item.to.location,
    }));
    return httpRoutes(input, beaten);
  }
  const ignored = firstPerPolicy(http).map((item) => ({
    policy: item.policy.name,
    kind: item.policy.kind,
    reason: protocol === 'unknown' ? 'destination protocol is unknown (no kuma.io/protocol tag): Kuma treats it as tcp' : `destination protocol is ${protocol}`,
    location: item.to.location,
  }));
  const winner = tcp[tcp.length - 1];
  return [winner ? tcpRoute(winner, tcp, ignored) : defaultRoute(input, ignored)];
}

function tcpRoute(winner: TcpToItem, items: readonly TcpToItem[], ignored: OverriddenPolicy[]): RouteTemplate {
  const losers = firstPerPolicy(items).filter((item) => item.policy !== winner.policy);
  const overridden = losers.map((item) => ({ policy: item.policy.name, kind: item.policy.kind, reason: overrideReason(winner.policy, item.policy), location: item.to.location }));
  return {
    kind: 'MeshTCPRoute',
    policy: winner.policy.name,
    name: null,
    match: null,
    backends: splits(winner.to.backendRefs),
    overridden: [...overridden, ...ignored],
    location: winner.to.location,
    selectorLocation: winner.policy.targetRefLocation,
  };
}

function httpRoutes(input: DestinationInput, beaten: OverriddenPolicy[]): RouteTemplate[] {
  const rules = mergeHttpRules(input.http);
  const out = rules.map((rule) => httpRoute(input, rule, beaten));
  if (needsCatchAll(rules)) {
    out.push({ ...defaultRoute(input, []), name: 'catch-all', match: { matches: CATCH_ALL } });
  }
  return out;
}

function httpRoute(input: DestinationInput, rule: MergedHttpRule, beaten: OverriddenPolicy[]): RouteTemplate {
  const winner = rule.winner.policy;
  const merged = [...new Set(rule.mergedFrom.map((i) => i.policy))].filter((p) => p !== winner).reverse();
  const mergedInto = merged.map((policy) => ({
    policy: policy.name,
    kind: policy.kind,
    reason: `a rule with the same matches in "${winner.name}" is merged over this one field by field (${overrideReason(winner, policy)})`,
    location: rule.mergedFrom.find((i) => i.policy === policy)?.to.location,
  }));
  return {
    kind: 'MeshHTTPRoute',
    policy: winner.name,
    name: null,
    match: { matches: rule.matches },
    backends: rule.backendRefs ? splits(rule.backendRefs) : itself(input),
    overridden: [...mergedInto, ...beaten],
    location: rule.rule.location,
    selectorLocation: winner.targetRefLocation,
    ...(rule.filters ? { filters: rule.filters } : {}),
  };
}

/** No route policy decides: Kuma sends everything to the service itself, with the outbound's tags. */
function defaultRoute(input: DestinationInput, overridden: OverriddenPolicy[]): RouteTemplate {
  return { kind: 'default', policy: null, name: null, match: null, backends: itself(input), overridden, location: null, selectorLocation: null };
}

function itself(input: DestinationInput): BackendSplit[] {
  return [{ service: input.destination, tags: withoutService(input.outboundTags), weight: 100, percent: 100 }];
}

export function withoutService(tags: Record<string, string>): Record<string, string> {
  const { [SERVICE_TAG]: _service, ...rest } = tags;
  return rest;
}

function splits(refs: readonly TcpRouteTo['backendRefs'][number][]): BackendSplit[] {
  return toSplits(refs).map(backendSplit);
}

/** A backendRef with its share, as the route table shows it. */
export function backendSplit(ref: TcpRouteTo['backendRefs'][number] & { percent: number }): BackendSplit {
  return {
    service: ref.name,
    tags: ref.tags,
    ...(ref.kind === 'MeshServiceSubset' ? { subset: subsetName(ref.tags) } : {}),
    weight: ref.weight,
    percent: ref.percent,
    location: ref.location,
  };
}

/** `version=v1,zone=eu`: how a subset is named in labels and JSON. */
export function subsetName(tags: Record<string, string>): string {
  return Object.keys(tags)
    .sort()
    .map((k) => `${k}=${tags[k]}`)
    .join(',');
}

/** One item per policy (its first applicable `to[]`), highest priority first: how losers are listed. */
function firstPerPolicy<T extends { policy: object }>(items: readonly T[]): T[] {
  const seen = new Map<object, T>();
  for (const item of items) if (!seen.has(item.policy)) seen.set(item.policy, item);
  return [...seen.values()].reverse();
}
