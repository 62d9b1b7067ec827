/**
 * Per proxy, the outbound listeners, clusters and endpoints Kuma 2.6 would generate (`reference/kuma/envoy-generation.md`),
 * built from the route entries (which route takes each outbound, with its split) and the inventory (addresses,
 * endpoints, ExternalServices). What cannot be generated is said in a diagnostic, never left out silently.
 */
import type { Diagnostic, SourceLocation } from '../../diagnostics';
import type { MeshInventory } from '../../model/kuma/inventory';
import { reachableOutbounds } from '../../model/kuma/reachability';
import type { HttpMatch, Outbound, Proxy } from '../../model/kuma/types';
import { CATCH_ALL } from '../../resolve/kuma/httpRules';
import { isHttpProtocol } from '../../resolve/kuma/protocolPrecedence';
import type { BackendSplit, RouteEntry } from '../../resolve/routeTable';
import { cluster, loadAssignment, type ClusterRef } from './clusters';
import { httpListener, listenerName, outboundTags, tcpListener, type HttpRouteInput, type Json, type OutboundListenerInput, type Split } from './listeners';
import { clusterName, kumaTagsHeader } from './names';

export interface ProxyEnvoyConfig {
  mesh: string;
  proxy: string;
  listeners: Json[];
  clusters: Json[];
  endpoints: Json[];
}

/** Kuma's default outbound address when a Dataplane does not write one. */
const LOCALHOST = '127.0.0.1';

/**
 * The Envoy config of every declared proxy of a mesh. `entries` are the mesh's route entries, default routes
 * included, in table order (an HTTP destination's entries in the order Envoy tries them).
 */
export function meshEnvoyConfigs(inventory: MeshInventory, entries: readonly RouteEntry[], fallback: SourceLocation): { configs: ProxyEnvoyConfig[]; diagnostics: Diagnostic[] } {
  const byProxy = new Map<string, RouteEntry[]>();
  for (const entry of entries) {
    if (entry.mesh !== inventory.mesh) continue;
    for (const proxy of new Set(entry.proxies)) (byProxy.get(proxy) ?? byProxy.set(proxy, []).get(proxy))?.push(entry);
  }
  const configs: ProxyEnvoyConfig[] = [];
  const diagnostics: Diagnostic[] = [];
  if (inventory.inferred) {
    diagnostics.push(note(fallback, 'KUMA_EXPORT_INFERRED', `mesh "${inventory.mesh}": no Envoy config is exported for its ${inventory.proxies.length} inferred proxies: without a Dataplane they have no outbound listener (address and port) to configure`));
    return { configs, diagnostics };
  }
  for (const proxy of inventory.proxies) {
    if (proxy.gateway?.type === 'BUILTIN') {
      diagnostics.push(note(proxy.location ?? fallback, 'KUMA_EXPORT_SKIPPED', `Dataplane "${proxy.name}" is a builtin gateway: its listeners come from MeshGateway resources, which are not exported`));
      continue;
    }
    const result = proxyConfig(proxy, inventory, byProxy.get(proxy.name) ?? [], proxy.location ?? fallback);
    configs.push(result.config);
    diagnostics.push(...result.diagnostics);
  }
  return { configs, diagnostics };
}

function proxyConfig(proxy: Proxy, inventory: MeshInventory, entries: RouteEntry[], at: SourceLocation): { config: ProxyEnvoyConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const listeners: Json[] = [];
  const clusters = new Map<string, ClusterRef>();
  const unlisted: string[] = [];
  const tagsHeader = kumaTagsHeader(proxy.inbounds.map((i) => i.tags).concat(proxy.gateway && proxy.inbounds.length === 0 ? [proxy.gateway.tags] : []));
  const splitsOf = (backends: readonly BackendSplit[]): Split[] =>
    backends.map((b) => {
      const ref = { name: clusterName(b.service, b.tags), service: b.service, tags: b.tags };
      clusters.set(ref.name, ref);
      return { cluster: ref.name, weight: b.weight, external: inventory.external?.has(b.service) ?? false };
    });

  for (const outbound of reachableOutbounds(proxy, inventory)) {
    // Without a port there is no listener to write, but the clusters its route uses are Kuma's all the same.
    if (outbound.port === null) unlisted.push(outbound.service);
    const protocol = inventory.services.get(outbound.service) ?? 'unknown';
    const input: OutboundListenerInput = { address: outbound.address ?? LOCALHOST, port: outbound.port ?? 0, service: outbound.service, protocol, tags: outboundTags(outbound.service, outbound.tags) };
    const addListener = (listener: Json) => {
      if (outbound.port !== null) listeners.push(listener);
    };
    const found: RouteShape[] = entries.filter((e) => e.destination === outbound.service && e.port === outbound.port);
    const routes = found.length > 0 ? found : [defaultEntry(outbound)];
    const first = routes[0] as RouteShape;
    const http = first.kind === 'MeshHTTPRoute' || (first.kind === 'default' && isHttpProtocol(protocol));
    if (!http) {
      if (first.backends.length === 0) diagnostics.push(note(at, 'KUMA_EXPORT_NO_SPLIT', `${proxy.name}: ${listenerName(input.address, input.port)} to "${outbound.service}" gets no tcp_proxy: every backend has weight 0`, 'warning'));
      addListener(tcpListener(input, splitsOf(first.backends)));
      continue;
    }
    const rules: HttpRouteInput[] = [];
    for (const route of routes) {
      const nonHttp = route.backends.find((b) => !isHttpProtocol(inventory.services.get(b.service) ?? 'unknown'));
      if (route.kind === 'MeshHTTPRoute' && nonHttp) {
        diagnostics.push(note(route.location ?? at, 'KUMA_EXPORT_RULE_DROPPED', `${proxy.name}: a rule of "${route.policy}" to "${outbound.service}" is left out, as Kuma 2.6 does: its backend "${nonHttp.service}" is not an HTTP service`, 'warning'));
        continue;
      }
      if (route.filters?.length) diagnostics.push(note(route.location ?? at, 'KUMA_EXPORT_FILTERS', `${proxy.name}: the filters of a rule of "${route.policy}" are not exported (Route Studio shows them but does not generate them)`));
      rules.push({ matches: matchesOf(route), splits: splitsOf(route.backends) });
    }
    addListener(httpListener(input, rules, tagsHeader));
  }
  if (unlisted.length > 0) {
    const list = unlisted.slice(0, 5).join(', ') + (unlisted.length > 5 ? `, and ${unlisted.length - 5} more` : '');
    const why = proxy.transparentProxying ? 'Kuma gives them virtual-IP listeners whose addresses are assigned at run time' : 'the Dataplane lists no outbound for them (Route Studio assumes it reaches them)';
    diagnostics.push(note(at, 'KUMA_EXPORT_NO_OUTBOUND', `${proxy.name}: no listener for ${unlisted.length} reachable service${unlisted.length === 1 ? '' : 's'} without an outbound port (${list}): ${why}; their clusters and endpoints are exported`));
  }
  const noAddress = new Set<string>();
  const refs = [...clusters.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const config: ProxyEnvoyConfig = {
    mesh: inventory.mesh,
    proxy: proxy.name,
    listeners: listeners.sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1)),
    clusters: refs.map((ref) => cluster(ref, inventory)),
    endpoints: refs.flatMap((ref): Json[] => {
      const cla = loadAssignment(ref, inventory, (name) => noAddress.add(name));
      return cla ? [cla] : [];
    }),
  };
  if (noAddress.size > 0 && !inventory.inferred) {
    diagnostics.push(note(at, 'KUMA_EXPORT_NO_ENDPOINT', `${proxy.name}: endpoints left out of its clusters: Dataplane${noAddress.size === 1 ? '' : 's'} ${[...noAddress].join(', ')} ha${noAddress.size === 1 ? 's' : 've'} no address (or inbound port)`, 'warning'));
  }
  return { config, diagnostics };
}

/** What the export reads of a route entry. */
type RouteShape = Pick<RouteEntry, 'kind' | 'backends' | 'match' | 'location' | 'policy' | 'filters'>;

function matchesOf(route: RouteShape): HttpMatch[] {
  const matches = route.match?.matches;
  return Array.isArray(matches) ? (matches as HttpMatch[]) : CATCH_ALL;
}

/** No entry for this outbound (its own service, say): the default route with the outbound's tags. */
function defaultEntry(outbound: Outbound): RouteShape {
  const { 'kuma.io/service': _service, ...tags } = outbound.tags;
  return { kind: 'default', policy: null, match: null, location: null, backends: [{ service: outbound.service, tags, weight: 100, percent: 100 }] };
}

function note(at: SourceLocation, code: string, message: string, severity: Diagnostic['severity'] = 'info'): Diagnostic {
  return { ...at, severity, code, message };
}
