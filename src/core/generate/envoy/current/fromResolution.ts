/**
 * The proxies' plans (`plan.ts`) of a mesh resolved by the current model, from its resolution per proxy
 * (`resolve/kuma/current/proxyOutbounds.ts`):
 * - a real outbound per reachable destination port and VIP (`helpers.go:AsOutbounds`: one per `vips[] x ports[]`),
 *   named by its port's KRI (a MeshExternalService's without section, as Kuma's outbound has it), on the resource's
 *   port; a resource without a VIP in its `status` gets its listener on 127.0.0.1 (Kuma allocates VIPs, which the
 *   export cannot know), said in an info;
 * - a legacy outbound per `networking.outbound[]` of the Dataplane, with a port;
 * - each outbound's route: the winning MeshTCPRoute's split, else the default route. An outbound a MeshHTTPRoute takes
 *   is handed over as a default route on an HTTP port, which the export says it does not write.
 * Builtin gateways are left out (their listeners come from MeshGateway, not from outbounds).
 */
import type { Diagnostic, SourceLocation } from '../../../diagnostics';
import { sectionOf, type DestinationPort, type DestinationResource } from '../../../model/kuma/current/types';
import { formatKri, type ResourceIdentifier } from '../../../model/kuma/kri';
import { SERVICE_TAG } from '../../../model/kuma/types';
import type { CurrentMesh } from '../../../resolve/kuma/current/currentIndex';
import type { ProxyOutbounds } from '../../../resolve/kuma/current/proxyOutbounds';
import type { RouteTemplate } from '../../../resolve/kuma/protocolPrecedence';
import type { BackendSplit } from '../../../resolve/routeTable';
import type { BackendRefPlan, MeshSettings, OutboundPlan, ProxyPlan, TcpRoutePlan } from './plan';

interface KnownPort {
  resource: DestinationResource;
  port: DestinationPort;
}

export function plansFromResolution(mesh: CurrentMesh, resolved: readonly ProxyOutbounds[], settings: MeshSettings, fallback: SourceLocation): { plans: ProxyPlan[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byKri = new Map<string, KnownPort>();
  for (const resource of mesh.destinations) for (const port of resource.ports) byKri.set(formatKri({ ...resource.id, sectionName: sectionOf(port) }), { resource, port });

  const plans: ProxyPlan[] = [];
  const withoutVip = new Set<DestinationResource>();
  for (const { proxy, real, legacy } of resolved) {
    const at = proxy.location ?? fallback;
    if (proxy.gateway?.type === 'BUILTIN') {
      diagnostics.push({ ...at, severity: 'info', code: 'KUMA_EXPORT_SKIPPED', message: `${proxy.name}: a builtin gateway is not exported (its listeners come from MeshGateway, not from outbounds)` });
      continue;
    }
    const outbounds: OutboundPlan[] = [];
    const taken = new Set<string>();
    const add = (outbound: OutboundPlan) => {
      const key = `${outbound.address || '127.0.0.1'}:${outbound.port}`;
      if (taken.has(key)) {
        const what = outbound.kind === 'legacy' ? outbound.service : formatKri(outbound.resource);
        diagnostics.push({ ...at, severity: 'warning', code: 'KUMA_EXPORT_LISTENER_CLASH', message: `${proxy.name}: the outbound of ${what} is not written: another outbound already listens on ${key}` });
        return;
      }
      taken.add(key);
      outbounds.push(outbound);
    };
    for (const { outbound, protocol, routes } of legacy) {
      if (outbound.port === null) continue;
      add({
        kind: 'legacy',
        ...(outbound.address ? { address: outbound.address } : {}),
        port: outbound.port,
        service: outbound.service,
        tags: outbound.tags,
        protocol,
        route: tcpRoute(routes, byKri),
      });
    }
    for (const { outbound, routes } of real) {
      const { resource, port } = outbound;
      const id: ResourceIdentifier = { ...resource.id, sectionName: resource.kind === 'MeshExternalService' ? '' : sectionOf(port) };
      const route = tcpRoute(routes, byKri);
      const vips = resource.vips && resource.vips.length > 0 ? resource.vips : [undefined];
      if (!vips[0]) withoutVip.add(resource);
      for (const vip of vips) add({ kind: 'resource', resource: id, destinationPort: port.port, ...(vip ? { address: vip } : {}), port: port.port, protocol: port.appProtocol, route });
    }
    plans.push({
      name: proxy.name,
      mesh: mesh.mesh,
      meshSettings: settings,
      address: proxy.address ?? '',
      inbounds: proxy.inbounds.flatMap((i) => (i.port === null ? [] : [{ port: i.port, ...(i.name ? { name: i.name } : {}), tags: i.tags }])),
      outbounds,
      location: at,
    });
  }
  const first = [...withoutVip][0];
  if (first) {
    const names = [...withoutVip].map((d) => `${d.kind} ${d.id.name}`).join(', ');
    diagnostics.push({
      ...(first.location ?? fallback),
      severity: 'info',
      code: 'KUMA_EXPORT_NO_VIP',
      message: `no VIP in the status of ${names}: ${withoutVip.size === 1 ? 'its outbound listener is' : 'their outbound listeners are'} written on 127.0.0.1 at the resource's port; Kuma listens on the VIP it allocates (241/242/243.0.0.0/8, or the Service's ClusterIP)`,
    });
  }
  return { plans, diagnostics };
}

/** The outbound's MeshTCPRoute split, or the default route (also when the MeshHTTPRoute plugin takes it). */
function tcpRoute(routes: readonly RouteTemplate[], byKri: ReadonlyMap<string, KnownPort>): TcpRoutePlan {
  const route = routes[0];
  if (!route || route.kind !== 'MeshTCPRoute') return { kind: 'default' };
  return { kind: 'split', backendRefs: route.backends.flatMap((b) => backendRef(b, byKri)) };
}

/** A share of the split: a real port by its KRI (as the resolver resolved it), else a `kuma.io/service` backend. */
function backendRef(split: BackendSplit, byKri: ReadonlyMap<string, KnownPort>): BackendRefPlan[] {
  if (split.kri) {
    const known = byKri.get(split.kri);
    if (!known) return [];
    const { resource, port } = known;
    return [{ kind: 'resource', resource: { ...resource.id, sectionName: sectionOf(port) }, port: port.port, weight: split.weight, protocol: port.appProtocol }];
  }
  const { [SERVICE_TAG]: _service, ...tags } = split.tags;
  return [{ kind: 'legacy', service: split.service, tags, weight: split.weight }];
}
