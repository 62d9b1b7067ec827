/**
 * Which services a proxy reaches, and through which outbound ports, as Kuma 2.6 gives it outbounds:
 * - with transparent proxying: its listed outbounds plus `reachableServices`, or every service of its mesh when
 *   that is unset (Kuma generates a virtual-IP outbound per service);
 * - without: its listed outbounds;
 * - with neither outbounds nor transparent proxying: every service of its mesh but its own. Kuma would give such a
 *   proxy no outbound; it is Route Studio's convention for pasted inbound-only Dataplanes, said in an info.
 * `reachableServices` naming a service that exists nowhere gives a warning and no route.
 * Kept as a rule, not as a list: a proxy that reaches every service of a large mesh would otherwise carry thousands
 * of entries.
 */
import type { Diagnostic } from '../../diagnostics';
import { servicesOf, type MeshInventory } from './inventory';
import { SERVICE_TAG, type Outbound, type Proxy } from './types';

export type Reach =
  /** The listed outbounds, by service (one service may be listed on several ports). */
  | { kind: 'outbounds'; byService: ReadonlyMap<string, readonly Outbound[]> }
  /** Transparent proxying: the listed outbounds, plus `reachableServices` (null: every service of the mesh). */
  | { kind: 'transparent'; byService: ReadonlyMap<string, readonly Outbound[]>; services: ReadonlySet<string> | null }
  /** Every service of the mesh but the proxy's own (Route Studio's convention for inbound-only Dataplanes). */
  | { kind: 'all-but-own'; own: readonly string[] };

const reaches = new WeakMap<Proxy, Reach>();

/** What a proxy reaches (kept with the proxy: it depends on nothing else). */
export function reachOf(proxy: Proxy, own: readonly string[]): Reach {
  let reach = reaches.get(proxy);
  if (!reach) reaches.set(proxy, (reach = findReach(proxy, own)));
  return reach;
}

function findReach(proxy: Proxy, own: readonly string[]): Reach {
  const byService = new Map<string, Outbound[]>();
  for (const outbound of proxy.outbounds ?? []) {
    const list = byService.get(outbound.service);
    if (list) list.push(outbound);
    else byService.set(outbound.service, [outbound]);
  }
  if (proxy.transparentProxying || proxy.reachableServices) {
    return { kind: 'transparent', byService, services: proxy.reachableServices ? new Set(proxy.reachableServices) : null };
  }
  if (proxy.outbounds) return { kind: 'outbounds', byService };
  return { kind: 'all-but-own', own };
}

const NO_PORT: readonly Outbound[] = [];

function implicit(service: string): Outbound {
  return { service, port: null, tags: { [SERVICE_TAG]: service } };
}

/**
 * The outbounds through which a proxy reaches `destination`: those listed for it, or one without a port when it
 * reaches the service without listing ports; none when it does not reach it (or the service exists nowhere).
 */
export function outboundsTo(reach: Reach, destination: string, inventory: MeshInventory): readonly Outbound[] {
  switch (reach.kind) {
    case 'outbounds':
      return reach.byService.get(destination) ?? NO_PORT;
    case 'transparent': {
      const listed = reach.byService.get(destination);
      if (listed) return listed;
      const reached = inventory.services.has(destination) && (reach.services === null || reach.services.has(destination));
      return reached ? [implicit(destination)] : NO_PORT;
    }
    case 'all-but-own':
      return inventory.services.has(destination) && !reach.own.includes(destination) ? [implicit(destination)] : NO_PORT;
  }
}

/** Every outbound of a proxy, for default routes (only asked for when they are shown). */
export function allOutbounds(reach: Reach, inventory: MeshInventory): Outbound[] {
  switch (reach.kind) {
    case 'outbounds':
      return [...reach.byService.values()].flat();
    case 'transparent': {
      const more = reach.services === null ? inventory.services.keys() : reach.services;
      const implicitOnes = [...more].filter((s) => inventory.services.has(s) && !reach.byService.has(s)).map(implicit);
      return [...[...reach.byService.values()].flat(), ...implicitOnes];
    }
    case 'all-but-own':
      return [...inventory.services.keys()].filter((s) => !reach.own.includes(s)).map(implicit);
  }
}

/** The outbounds through which `proxy` reaches other services: port null when not listed; tags are the outbound's. */
export function reachableOutbounds(proxy: Proxy, inventory: MeshInventory): Outbound[] {
  return allOutbounds(reachOf(proxy, servicesOf(proxy)), inventory);
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
    if (!proxy.outbounds && !proxy.transparentProxying && !proxy.reachableServices && servicesOf(proxy).length > 0) conventional.push(proxy);
  }
  const first = conventional[0];
  if (first?.location) {
    const one = conventional.length === 1;
    const names = one ? `Dataplane "${first.name}" has` : `${conventional.length} Dataplanes (the first: "${first.name}") have`;
    out.push({
      ...first.location,
      severity: 'info',
      code: 'KUMA_REACHES_ALL',
      message: `${names} neither outbounds nor transparent proxying: Route Studio assumes ${one ? 'it reaches' : 'they reach'} every service of mesh "${inventory.mesh}" but ${one ? 'its' : 'their'} own (Kuma would give no outbound)`,
    });
  }
  return out;
}
