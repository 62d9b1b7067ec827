import type { Diagnostic, SourceLocation } from '../../diagnostics';
import type { Protocol } from '../../resolve/routeTable';
import { commonProtocol, parseProtocol } from './protocol';
import { PROTOCOL_TAG, SERVICE_TAG, type MeshTCPRoutePolicy, type Proxy } from './types';

/** What one mesh contains: its proxies (declared or inferred) and its services with their protocols. */
export interface MeshInventory {
  mesh: string;
  proxies: Proxy[];
  /** True when the mesh declares no Dataplane and its proxies were inferred from the policies. */
  inferred: boolean;
  /** Protocol of each known service: the common protocol of its endpoints' `kuma.io/protocol` tags. */
  services: Map<string, Protocol>;
  /** Services that some Dataplane provides. */
  provided: Set<string>;
}

export interface Inventory {
  meshes: Map<string, MeshInventory>;
  diagnostics: Diagnostic[];
}

/**
 * What is computed from one proxy or policy alone is kept with it: an edit hands out the same objects for the
 * documents it did not touch, so the next analysis finds these ready.
 */
const servicesOfProxy = new WeakMap<Proxy, string[]>();
const servicesOfPolicy = new WeakMap<MeshTCPRoutePolicy, Map<string, SourceLocation>>();

/** The services of a proxy: the `kuma.io/service` tags of its inbounds. */
export function servicesOf(proxy: Proxy): string[] {
  let services = servicesOfProxy.get(proxy);
  if (!services) servicesOfProxy.set(proxy, (services = [...new Set(proxy.inbounds.map((i) => i.tags[SERVICE_TAG]).filter((s): s is string => !!s))]));
  return services;
}

/** Services named by a policy (selected, routed to, or sent to), with where each is named first. */
export function servicesNamedBy(policy: MeshTCPRoutePolicy): Map<string, SourceLocation> {
  let named = servicesOfPolicy.get(policy);
  if (!named) servicesOfPolicy.set(policy, (named = findServicesNamedBy(policy)));
  return named;
}

function findServicesNamedBy(policy: MeshTCPRoutePolicy): Map<string, SourceLocation> {
  const named = new Map<string, SourceLocation>();
  const add = (name: string | undefined, at: SourceLocation) => {
    if (name && !named.has(name)) named.set(name, at);
  };
  if (policy.targetRef.kind === 'MeshService' || policy.targetRef.kind === 'MeshServiceSubset') add(policy.targetRef.name, policy.targetRefLocation);
  const subsetService = policy.targetRef.kind === 'MeshSubset' ? policy.targetRef.tags[SERVICE_TAG] : undefined;
  if (subsetService !== '*') add(subsetService, policy.targetRefLocation);
  for (const to of policy.to) {
    add(to.destination.name, to.destinationLocation);
    for (const ref of to.backendRefs) add(ref.name, ref.nameLocation);
  }
  return named;
}

/**
 * Builds each mesh's inventory. A mesh without Dataplanes gets one inferred proxy per service its policies
 * name, tagged only with `kuma.io/service` (Route Studio's rule, said in an info).
 */
export function buildInventory(declared: readonly Proxy[], policies: readonly MeshTCPRoutePolicy[]): Inventory {
  const meshes = new Map<string, MeshInventory>();
  const diagnostics: Diagnostic[] = [];
  const meshFor = (mesh: string) => {
    let inv = meshes.get(mesh);
    if (!inv) meshes.set(mesh, (inv = { mesh, proxies: [], inferred: false, services: new Map(), provided: new Set() }));
    return inv;
  };
  for (const proxy of declared) {
    const inv = meshFor(proxy.mesh);
    inv.proxies.push(proxy);
    for (const inbound of proxy.inbounds) {
      const service = inbound.tags[SERVICE_TAG];
      if (!service) continue;
      const protocol = parseProtocol(inbound.tags[PROTOCOL_TAG]);
      const known = inv.services.get(service);
      inv.services.set(service, known === undefined ? protocol : commonProtocol(known, protocol));
      inv.provided.add(service);
    }
  }
  const policiesByMesh = new Map<string, MeshTCPRoutePolicy[]>();
  for (const policy of policies) {
    meshFor(policy.mesh);
    const list = policiesByMesh.get(policy.mesh) ?? [];
    list.push(policy);
    policiesByMesh.set(policy.mesh, list);
  }
  for (const [mesh, meshPolicies] of policiesByMesh) {
    const inv = meshFor(mesh);
    inv.inferred = inv.proxies.length === 0;
    for (const policy of meshPolicies) {
      for (const [service, at] of servicesNamedBy(policy)) {
        if (!inv.services.has(service)) inv.services.set(service, 'unknown');
        if (inv.inferred) {
          if (!inv.provided.has(service)) inv.proxies.push(inferredProxy(service, mesh));
          inv.provided.add(service);
        } else if (!inv.provided.has(service)) {
          diagnostics.push({
            ...at,
            severity: 'warning',
            code: 'KUMA_SERVICE_WITHOUT_DATAPLANE',
            message: `no Dataplane of mesh "${mesh}" provides service "${service}": no proxy runs it, so traffic sent to it has nowhere to go, and no traffic comes from it`,
          });
        }
      }
    }
    if (inv.inferred && meshPolicies[0]) {
      diagnostics.push({
        ...meshPolicies[0].location,
        severity: 'info',
        code: 'KUMA_INVENTORY_INFERRED',
        message: `mesh "${mesh}" has no Dataplane: one proxy per service named in its policies was inferred (${inv.proxies.length} services), tagged only with ${SERVICE_TAG}`,
      });
    }
  }
  return { meshes, diagnostics };
}

function inferredProxy(service: string, mesh: string): Proxy {
  return {
    name: service,
    mesh,
    inbounds: [{ tags: { [SERVICE_TAG]: service }, port: null }],
    outbounds: null,
    reachableServices: null,
    gateway: null,
    location: null,
  };
}
