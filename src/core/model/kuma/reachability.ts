/**
 * What a proxy reaches, as Kuma 2.6 gives it outbounds:
 * - with transparent proxying: its listed outbounds plus `reachableServices`, or every service of its mesh when
 *   that is unset (Kuma generates a VIP outbound per service);
 * - without: its listed outbounds;
 * - with neither outbounds nor transparent proxying: every service of its mesh but its own. Kuma would give such a
 *   proxy no outbound at all; Route Studio's convention for pasted inbound-only Dataplanes, said in an info.
 * `reachableServices` naming a service that exists nowhere gives a warning and no route.
 */
import type { Diagnostic } from '../../diagnostics';
import { servicesOf, type MeshInventory } from './inventory';
import { SERVICE_TAG, type Outbound, type Proxy } from './types';

/** The outbounds through which `proxy` reaches other services: port null when not listed; tags are the outbound's. */
export function reachableOutbounds(proxy: Proxy, inventory: MeshInventory): Outbound[] {
  const listed = proxy.outbounds ?? [];
  const implicit = (service: string): Outbound => ({ service, port: null, tags: { [SERVICE_TAG]: service } });
  if (proxy.transparentProxying || proxy.reachableServices) {
    const listedServices = new Set(listed.map((o) => o.service));
    const more = proxy.reachableServices ? proxy.reachableServices.filter((s) => inventory.services.has(s)) : [...inventory.services.keys()];
    return [...listed, ...[...new Set(more)].filter((s) => !listedServices.has(s)).map(implicit)];
  }
  if (proxy.outbounds) return listed;
  const own = servicesOf(proxy);
  return [...inventory.services.keys()].filter((s) => !own.includes(s)).map(implicit);
}

/** The warnings and infos of reachability, per mesh: unknown `reachableServices`, and the inbound-only convention. */
export function reachabilityDiagnostics(inventory: MeshInventory): Diagnostic[] {
  const out: Diagnostic[] = [];
  const conventional: Proxy[] = [];
  for (const proxy of inventory.proxies) {
    if (!proxy.location) continue; // inferred proxies are the convention by construction
    (proxy.reachableServices ?? []).forEach((service, i) => {
      if (inventory.services.has(service)) return;
      const at = proxy.reachableLocations?.[i] ?? proxy.location;
      if (at) {
        out.push({ ...at, severity: 'warning', code: 'KUMA_REACHABLE_UNKNOWN_SERVICE', message: `reachableServices: no Dataplane, ExternalService or policy of mesh "${inventory.mesh}" knows service "${service}": no route is drawn to it` });
      }
    });
    if (!proxy.outbounds && !proxy.transparentProxying && servicesOf(proxy).length > 0) conventional.push(proxy);
  }
  const first = conventional[0];
  if (first?.location) {
    const names = conventional.length === 1 ? `Dataplane "${first.name}" has` : `${conventional.length} Dataplanes (the first: "${first.name}") have`;
    out.push({
      ...first.location,
      severity: 'info',
      code: 'KUMA_REACHES_ALL',
      message: `${names} neither outbounds nor transparent proxying: Route Studio assumes ${conventional.length === 1 ? 'it reaches' : 'they reach'} every service of mesh "${inventory.mesh}" but ${conventional.length === 1 ? 'its' : 'their'} own (Kuma would give no outbound)`,
    });
  }
  return out;
}
