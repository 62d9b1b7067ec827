/**
 * The proxies' plans (`plan.ts`) of a mesh resolved by the current model, from its resolution per proxy
 * (`resolve/kuma/current/proxyOutbounds.ts`):
 * - a real outbound per reachable destination port and VIP (`helpers.go:AsOutbounds`: one per `vips[] x ports[]`),
 *   named by its port's KRI (a MeshExternalService's without section, as Kuma's outbound has it), on the resource's
 *   port. A resource without a VIP in its `status` (inferred ones, or pasted without status) gets a synthetic one, as
 *   `reference/kuma/current-model.md` section 1.3 advises: Kuma allocates them from 241.0.0.0/8 (MeshService),
 *   242.0.0.0/8 (MeshExternalService) and 243.0.0.0/8 (MeshMultiZoneService), in an order the export cannot know, so
 *   the synthetic ones are numbered in input order and listed in an info;
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

  const synthetic = syntheticVips(mesh.destinations);
  const used = new Set<DestinationResource>();
  const vipsOf = (resource: DestinationResource): string[] => {
    if (resource.vips && resource.vips.length > 0) return resource.vips;
    const vip = synthetic.get(resource);
    if (vip) used.add(resource);
    return vip ? [vip] : [];
  };
  const plans: ProxyPlan[] = [];
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
      for (const vip of vipsOf(resource)) add({ kind: 'resource', resource: id, destinationPort: port.port, address: vip, port: port.port, protocol: port.appProtocol, route });
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
  const first = [...used][0];
  if (first) {
    const listed = [...used].map((d) => `${d.kind} ${d.id.name} at ${synthetic.get(d) ?? ''}`).join(', ');
    diagnostics.push({
      ...(first.location ?? fallback),
      severity: 'info',
      code: 'KUMA_EXPORT_SYNTHETIC_VIP',
      message: `no VIP in the status of ${used.size === 1 ? 'a destination' : `${used.size} destinations`}: their outbound listeners use synthetic VIPs (${listed}); Kuma allocates its own (from 241/242/243.0.0.0/8, or the Service's ClusterIP), so the listener addresses will differ`,
    });
  }
  return { plans, diagnostics };
}

const VIP_RANGES: Record<DestinationResource['kind'], number> = { MeshService: 241, MeshExternalService: 242, MeshMultiZoneService: 243 };

/** A synthetic VIP for each destination without one, per kind in input order, avoiding every VIP written. */
function syntheticVips(destinations: readonly DestinationResource[]): Map<DestinationResource, string> {
  const written = new Set(destinations.flatMap((d) => d.vips ?? []));
  const next: Record<string, number> = {};
  const out = new Map<DestinationResource, string>();
  for (const resource of destinations) {
    if ((resource.vips ?? []).length > 0) continue;
    let vip: string;
    do {
      const n = (next[resource.kind] = (next[resource.kind] ?? 0) + 1);
      vip = `${VIP_RANGES[resource.kind]}.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    } while (written.has(vip));
    out.set(resource, vip);
  }
  return out;
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
