/**
 * Which services a proxy reaches, and through which outbound ports. Kept as a rule, not as a list: a proxy that
 * reaches every service of a large mesh would otherwise carry thousands of entries.
 */
import type { MeshInventory } from './inventory';
import type { Outbound, Proxy } from './types';

export type Reach =
  /** The listed outbounds, by service (one service may be listed on several ports). */
  | { kind: 'outbounds'; byService: ReadonlyMap<string, readonly Outbound[]> }
  /** `transparentProxying.reachableServices`. */
  | { kind: 'services'; services: ReadonlySet<string> }
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
  if (proxy.outbounds) {
    const byService = new Map<string, Outbound[]>();
    for (const outbound of proxy.outbounds) {
      const list = byService.get(outbound.service);
      if (list) list.push(outbound);
      else byService.set(outbound.service, [outbound]);
    }
    return { kind: 'outbounds', byService };
  }
  if (proxy.reachableServices) return { kind: 'services', services: new Set(proxy.reachableServices) };
  return { kind: 'all-but-own', own };
}

const NO_PORT: readonly Outbound[] = [];

/**
 * The outbounds through which a proxy reaches `destination`: those listed for it, or one without a port when it
 * reaches the service without listing ports; none when it does not reach it.
 */
export function outboundsTo(reach: Reach, destination: string, inventory: MeshInventory): readonly Outbound[] {
  switch (reach.kind) {
    case 'outbounds':
      return reach.byService.get(destination) ?? NO_PORT;
    case 'services':
      return reach.services.has(destination) ? [{ service: destination, port: null, tags: {} }] : NO_PORT;
    case 'all-but-own':
      return inventory.services.has(destination) && !reach.own.includes(destination) ? [{ service: destination, port: null, tags: {} }] : NO_PORT;
  }
}

/** Every outbound of a proxy, for default routes (only asked for when they are shown). */
export function allOutbounds(reach: Reach, inventory: MeshInventory): Outbound[] {
  switch (reach.kind) {
    case 'outbounds':
      return [...reach.byService.values()].flat();
    case 'services':
      return [...reach.services].map((service) => ({ service, port: null, tags: {} }));
    case 'all-but-own':
      return [...inventory.services.keys()].filter((s) => !reach.own.includes(s)).map((service) => ({ service, port: null, tags: {} }));
  }
}
