/**
 * The routes of one real outbound (a destination's port) under the current model: HTTP versus TCP by the port's
 * `appProtocol` (`listeners_backendrefs.go:getBackendRefs`), the MeshTCPRoute winner's backendRefs, or the merged
 * MeshHTTPRoute rules, one route per match in Gateway API precedence with the catch-all last
 * (`meshhttproute/plugin/v1alpha1/listeners.go`). Backends resolve relative to the policy that writes them.
 */
import { formatKri, legacyDestinationName } from '../../../model/kuma/kri';
import { sectionOf, type DestinationPort, type DestinationResource } from '../../../model/kuma/current/types';
import { displayResourceName } from '../../../model/kuma/kri';
import type { BackendRef, HttpRouteTo, MeshHTTPRoutePolicy, TcpRouteTo } from '../../../model/kuma/types';
import { toSplits, type BackendSplit, type OverriddenPolicy, type Protocol } from '../../routeTable';
import { CATCH_ALL, mergeHttpRules, sameMatches, type HttpToItem } from '../httpRules';
import { isHttpProtocol, subsetName, type RouteTemplate } from '../protocolPrecedence';
import { compareMatch } from './httpOrder';
import { resolveBackend } from './references';
import { entryOverrideReason, type CurrentEntry } from './sort';

export interface Outbound {
  resource: DestinationResource;
  port: DestinationPort;
}

const PROTOCOLS: readonly Protocol[] = ['tcp', 'http', 'http2', 'grpc', 'kafka', 'tls'];

/** A port's protocol: its `appProtocol` (default tcp); a value Kuma does not know is `unknown`. */
export function appProtocolOf(port: DestinationPort): Protocol {
  return (PROTOCOLS as readonly string[]).includes(port.appProtocol) ? (port.appProtocol as Protocol) : 'unknown';
}

/** The KRI of a destination's port. */
export function outboundKri(o: Outbound): string {
  return formatKri({ ...o.resource.id, sectionName: sectionOf(o.port) });
}

/** Kuma's legacy name of a destination's port (its cluster and stat prefix): `default_backend_kuma-demo__msvc_3001`. */
export function outboundLegacyName(o: Outbound): string {
  return legacyDestinationName(o.resource.id, o.port.port);
}

/** Routes of one outbound from its relevant entries (sorted, the last wins). */
export function outboundRoutes(outbound: Outbound, relevant: readonly CurrentEntry[], all: readonly DestinationResource[]): RouteTemplate[] {
  const tcp = relevant.filter((e) => e.policy.kind === 'MeshTCPRoute');
  const http = relevant.filter((e) => e.policy.kind === 'MeshHTTPRoute');
  const protocol = appProtocolOf(outbound.port);
  if (isHttpProtocol(protocol) && (http.length > 0 || tcp.length === 0)) {
    if (http.length === 0) return [defaultRoute(outbound, [])];
    const beaten = firstPerPolicy(tcp).map((e) => overridden(e, `a MeshHTTPRoute applies to this ${protocol} port, and on HTTP ports it takes precedence over MeshTCPRoute`));
    return httpRoutes(outbound, http, beaten, all);
  }
  const ignored = firstPerPolicy(http).map((e) => overridden(e, `port ${outbound.port.port} has appProtocol ${outbound.port.appProtocol}: MeshHTTPRoute applies only to http, http2 and grpc ports`));
  const winner = tcp[tcp.length - 1];
  if (!winner) return [defaultRoute(outbound, ignored)];
  const losers = firstPerPolicy(tcp).filter((e) => e.policy !== winner.policy);
  return [
    {
      kind: 'MeshTCPRoute',
      policy: winner.policy.name,
      name: null,
      match: null,
      backends: backendSplits((winner.to as TcpRouteTo).backendRefs, winner, all),
      overridden: [...losers.map((e) => overridden(e, entryOverrideReason(winner, e))), ...ignored],
      location: winner.to.location,
      selectorLocation: winner.policy.targetRefLocation,
    },
  ];
}

function httpRoutes(outbound: Outbound, entries: readonly CurrentEntry[], beaten: OverriddenPolicy[], all: readonly DestinationResource[]): RouteTemplate[] {
  const items = entries.map((e) => ({ policy: e.policy as MeshHTTPRoutePolicy, to: e.to as HttpRouteTo }));
  const entryOf = new Map<HttpToItem, CurrentEntry>(items.map((item, i) => [item, entries[i] as CurrentEntry]));
  const rules = mergeHttpRules(items);
  const perMatch = rules.flatMap((rule) => rule.matches.map((match) => ({ rule, match })));
  perMatch.sort((a, b) => compareMatch(a.match, b.match));
  const out: RouteTemplate[] = perMatch.map(({ rule, match }) => {
    const winner = entryOf.get(rule.winner) as CurrentEntry;
    const merged = [...new Set(rule.mergedFrom)].reverse().map((item) => {
      const loser = entryOf.get(item) as CurrentEntry;
      return overridden(loser, `a rule with the same matches in "${winner.policy.name}" is merged over this one field by field (${entryOverrideReason(winner, loser)})`);
    });
    return {
      kind: 'MeshHTTPRoute',
      policy: winner.policy.name,
      name: null,
      match: { matches: [match] },
      backends: rule.backendRefs ? backendSplits(rule.backendRefs, winner, all) : itself(outbound),
      overridden: [...merged.filter((o) => o.policy !== winner.policy.name), ...beaten],
      location: rule.rule.location,
      selectorLocation: winner.policy.targetRefLocation,
      ...(rule.filters ? { filters: rule.filters } : {}),
    };
  });
  if (!perMatch.some((m) => sameMatches([m.match], CATCH_ALL))) out.push({ ...defaultRoute(outbound, []), name: 'catch-all', match: { matches: CATCH_ALL } });
  return out;
}

function overridden(e: CurrentEntry, reason: string): OverriddenPolicy {
  return { policy: e.policy.name, kind: e.policy.kind, reason, location: e.to.location };
}

function defaultRoute(outbound: Outbound, ignored: OverriddenPolicy[]): RouteTemplate {
  return { kind: 'default', policy: null, name: null, match: null, backends: itself(outbound), overridden: ignored, location: null, selectorLocation: null };
}

function itself(o: Outbound): BackendSplit[] {
  return [{ service: displayResourceName(o.resource.id), tags: {}, port: o.port.port, kri: outboundKri(o), weight: 100, percent: 100 }];
}

/** The split of a winning entry's backendRefs: real ports by KRI, legacy refs by name; unresolved refs are dropped. */
function backendSplits(refs: readonly BackendRef[], winner: CurrentEntry, all: readonly DestinationResource[]): BackendSplit[] {
  const kept: (BackendRef & { service: string })[] = [];
  for (const ref of refs) {
    const resolved = resolveBackend(ref, winner.policy, all);
    if (!resolved) continue;
    if (!resolved.real) {
      if (ref.name !== '') kept.push({ ...ref, service: ref.name });
      continue;
    }
    const port = resolved.resource.ports.find((p) => sectionOf(p) === resolved.section);
    kept.push({ ...ref, service: displayResourceName(resolved.resource.id), tags: {}, kind: ref.kind, ...(port ? { port: port.port } : {}), kri: formatKri({ ...resolved.resource.id, sectionName: resolved.section }) });
  }
  return toSplits(kept).map((ref) => ({
    service: ref.service,
    tags: ref.tags,
    ...(ref.kind === 'MeshServiceSubset' ? { subset: subsetName(ref.tags) } : {}),
    ...(ref.port !== undefined && ref.kri ? { port: ref.port } : {}),
    ...(ref.kri ? { kri: ref.kri } : {}),
    weight: ref.weight,
    percent: ref.percent,
    location: ref.location,
  }));
}

function firstPerPolicy(items: readonly CurrentEntry[]): CurrentEntry[] {
  const seen = new Map<object, CurrentEntry>();
  for (const item of items) if (!seen.has(item.policy)) seen.set(item.policy, item);
  return [...seen.values()].reverse();
}
