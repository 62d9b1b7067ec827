/**
 * What a mesh of the current model resolves to per proxy, for the Envoy export (`generate/envoy/current/`): the
 * same selection, sort and per-outbound routes as the route index, per Dataplane rather than per source service.
 * - Real outbounds: the destination ports the proxy reaches (`reach.ts`), each with the routes of its relevant
 *   entries (`outboundRoutes`), the default route when none applies.
 * - Legacy outbounds: the Dataplane's own `networking.outbound[]` (`kuma.io/service` tags). Kuma consults only the
 *   2.6 rules (`ToRules.Rules`) for them (`reference/kuma/current-model.md` section 4), built from the policies that
 *   select the proxy: the 2.6 decision (`resolveDestination`) over those of the proxy's sorted entries that name the
 *   service the 2.6 way (a MeshService by its `kuma.io/service` name, without namespace, sectionName or labels).
 */
import { commonProtocol, parseProtocol } from '../../../model/kuma/protocol';
import { PROTOCOL_TAG, SERVICE_TAG, type Outbound as DataplaneOutbound, type Proxy, type TargetRef } from '../../../model/kuma/types';
import type { Protocol } from '../../routeTable';
import type { HttpToItem } from '../httpRules';
import { resolveDestination, type RouteTemplate, type TcpToItem } from '../protocolPrecedence';
import { entriesOf, relevantEntries, targetedEntries, type CurrentMesh } from './currentIndex';
import { outboundRoutes, type Outbound } from './outboundRoutes';
import { reachOf } from './reach';
import { selectsProxy } from './selection';

export interface RealOutboundRoutes {
  outbound: Outbound;
  /** One TCP route (a MeshTCPRoute's or the default) or the HTTP routes, as in the route index. */
  routes: RouteTemplate[];
}

export interface LegacyOutboundRoutes {
  outbound: DataplaneOutbound;
  /** The service's `kuma.io/protocol`, common to the inbounds that provide it (`unknown` when none is tagged). */
  protocol: Protocol;
  routes: RouteTemplate[];
}

export interface ProxyOutbounds {
  proxy: Proxy;
  real: RealOutboundRoutes[];
  legacy: LegacyOutboundRoutes[];
}

/** Every proxy of the mesh, in input order, with its outbounds and their routes. */
export function resolveProxyOutbounds(mesh: CurrentMesh): ProxyOutbounds[] {
  const entries = targetedEntries(mesh);
  const protocols = serviceProtocols(mesh.proxies);
  return mesh.proxies.map((proxy) => {
    const mine = entriesOf(entries, mesh.policies.filter((p) => selectsProxy(p, proxy)));
    const real = [...reachOf(proxy, mesh.destinations).all()].map((outbound) => ({ outbound, routes: outboundRoutes(outbound, relevantEntries(mine, outbound), mesh.destinations) }));
    const legacy = (proxy.outbounds ?? []).map((outbound): LegacyOutboundRoutes => {
      const protocol = protocols.get(outbound.service) ?? 'unknown';
      const items = mine.filter((e) => namesServiceTheLegacyWay(e.to.destination, outbound.service));
      const tcp = items.filter((e) => e.policy.kind === 'MeshTCPRoute') as TcpToItem[];
      const http = items.filter((e) => e.policy.kind === 'MeshHTTPRoute') as HttpToItem[];
      return { outbound, protocol, routes: resolveDestination({ destination: outbound.service, protocol, outboundTags: outbound.tags, tcp, http }) };
    });
    return { proxy, real, legacy };
  });
}

function namesServiceTheLegacyWay(ref: TargetRef, service: string): boolean {
  return ref.kind === 'MeshService' && ref.name === service && !ref.namespace && !ref.sectionName && !(ref.labels && Object.keys(ref.labels).length > 0);
}

/** `kuma.io/protocol` per service over the inbounds of the mesh's Dataplanes (Kuma's `GetCommonProtocol`). */
function serviceProtocols(proxies: readonly Proxy[]): Map<string, Protocol> {
  const out = new Map<string, Protocol>();
  for (const inbound of proxies.flatMap((p) => p.inbounds)) {
    const service = inbound.tags[SERVICE_TAG];
    if (service === undefined) continue;
    const protocol = parseProtocol(inbound.tags[PROTOCOL_TAG]);
    const known = out.get(service);
    out.set(service, known === undefined ? protocol : commonProtocol(known, protocol));
  }
  return out;
}
