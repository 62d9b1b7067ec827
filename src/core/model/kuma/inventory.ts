import type { Diagnostic, SourceLocation } from '../../diagnostics';
import type { Protocol } from '../../resolve/routeTable';
import { commonProtocol, parseProtocol } from './protocol';
import { reachabilityDiagnostics } from './reachability';
import { PROTOCOL_TAG, SERVICE_TAG, type BackendRef, type ExternalServiceDef, type Proxy, type RoutePolicy } from './types';

/** What one mesh contains: its proxies (declared or inferred) and its services with their protocols. */
export interface MeshInventory {
  mesh: string;
  proxies: Proxy[];
  /** True when the mesh declares no Dataplane and its proxies were inferred from the policies. */
  inferred: boolean;
  /** Protocol of each known service: the common protocol of its endpoints' `kuma.io/protocol` tags. */
  services: Map<string, Protocol>;
  /** Services that some Dataplane (or ExternalService) provides. */
  provided: Set<string>;
  /** Where each service's protocol comes from, for the destination node: `kuma.io/protocol: http on web-1, web-2`. */
  protocolSources?: Map<string, string>;
  /** ExternalService resources by their `kuma.io/service`. */
  external?: Map<string, ExternalServiceDef>;
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
const servicesOfPolicy = new WeakMap<RoutePolicy, Map<string, SourceLocation>>();

/** The services of a proxy: the `kuma.io/service` tags of its inbounds. */
export function servicesOf(proxy: Proxy): string[] {
  let services = servicesOfProxy.get(proxy);
  if (!services) servicesOfProxy.set(proxy, (services = findServicesOf(proxy)));
  return services;
}

function findServicesOf(proxy: Proxy): string[] {
  const services = proxy.inbounds.map((i) => i.tags[SERVICE_TAG]);
  if (isDelegatedGateway(proxy)) services.push(proxy.gateway?.tags[SERVICE_TAG]); // a source under its gateway service
  return [...new Set(services.filter((s): s is string => !!s))];
}

/** A delegated gateway (Kong, Contour, ...) is a proxy like a sidecar, selected by `networking.gateway.tags`. */
export function isDelegatedGateway(proxy: Proxy): boolean {
  return proxy.gateway !== null && proxy.gateway.type !== 'BUILTIN';
}

/** Services named by a policy (selected, routed to, or sent to), with where each is named first. */
export function servicesNamedBy(policy: RoutePolicy): Map<string, SourceLocation> {
  let named = servicesOfPolicy.get(policy);
  if (!named) servicesOfPolicy.set(policy, (named = findServicesNamedBy(policy)));
  return named;
}

function findServicesNamedBy(policy: RoutePolicy): Map<string, SourceLocation> {
  const named = new Map<string, SourceLocation>();
  const add = (name: string | undefined, at: SourceLocation) => {
    if (name && !named.has(name)) named.set(name, at);
  };
  if (policy.targetRef.kind === 'MeshService' || policy.targetRef.kind === 'MeshServiceSubset') add(policy.targetRef.name, policy.targetRefLocation);
  const subsetService = policy.targetRef.kind === 'MeshSubset' ? policy.targetRef.tags[SERVICE_TAG] : undefined;
  if (subsetService !== '*') add(subsetService, policy.targetRefLocation);
  for (const to of policy.to) {
    add(to.destination.name, to.destinationLocation);
    const refs: BackendRef[] = 'backendRefs' in to ? to.backendRefs : to.rules.flatMap((r) => r.backendRefs ?? []);
    for (const ref of refs) add(ref.name, ref.nameLocation);
  }
  return named;
}

/**
 * Builds each mesh's inventory. A mesh without Dataplanes gets one inferred proxy per service its policies
 * name, tagged only with `kuma.io/service` (Route Studio's rule, said in an info).
 */
export function buildInventory(declared: readonly Proxy[], policies: readonly RoutePolicy[], externalServices: readonly ExternalServiceDef[] = []): Inventory {
  const declaredPart = declaredInventory(declared, externalServices);
  const last = lastInventory;
  if (last && last.declared === declaredPart && sameNaming(last.policies, policies)) {
    lastInventory = { ...last, policies };
    return last.result;
  }
  const result = inventoryOf(declaredPart, policies);
  lastInventory = { declared: declaredPart, policies, result };
  return result;
}

/** The last inventory with what it was made of (the declared part as `declaredInventory` gave it). */
let lastInventory: { declared: Inventory; policies: readonly RoutePolicy[]; result: Inventory } | null = null;

const sameLocation = (a: SourceLocation, b: SourceLocation) =>
  a.file === b.file && a.path === b.path && a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;

/** Whether two policies name the same services in the same mesh, at the same places: what the inventory reads of them. */
function namesAlike(a: RoutePolicy, b: RoutePolicy): boolean {
  if (a === b) return true;
  if (a.mesh !== b.mesh) return false;
  const named = [...servicesNamedBy(a)];
  const other = [...servicesNamedBy(b)];
  return named.length === other.length && named.every(([service, at], i) => other[i]?.[0] === service && sameLocation(at, other[i]?.[1] as SourceLocation));
}

/**
 * True when `policies` are `last` but for policies that name what they named (a keystroke in a weight): the
 * inventory is then the last one. Compares references, and reads only the policies that changed.
 */
function sameNaming(last: readonly RoutePolicy[], policies: readonly RoutePolicy[]): boolean {
  if (last.length !== policies.length) return false;
  for (let i = 0; i < policies.length; i++) if (!namesAlike(policies[i] as RoutePolicy, last[i] as RoutePolicy)) return false;
  return true;
}

function inventoryOf(declaredPart: Inventory, policies: readonly RoutePolicy[]): Inventory {
  const diagnostics: Diagnostic[] = [...declaredPart.diagnostics];
  // Copies of what the policies add to (the proxies of an inferred mesh, its services): the kept part stays as it is.
  const meshes = new Map([...declaredPart.meshes].map(([mesh, inv]) => [mesh, { ...inv, proxies: [...inv.proxies], services: new Map(inv.services), provided: new Set(inv.provided) }]));
  const meshFor = (mesh: string) => {
    let inv = meshes.get(mesh);
    if (!inv) meshes.set(mesh, (inv = emptyMesh(mesh)));
    return inv;
  };
  const policiesByMesh = new Map<string, RoutePolicy[]>();
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
  for (const [mesh, inv] of meshes) {
    const before = lastBuilt.get(mesh);
    if (before && sameInventory(before, inv)) meshes.set(mesh, before);
  }
  lastBuilt = meshes;
  for (const inv of meshes.values()) diagnostics.push(...reachabilityOf(inv));
  return { meshes, diagnostics };
}

/**
 * Each mesh's inventory as last built: a new one equal to it is replaced by it, so that an edit of a policy that
 * names no new service keeps the inventory object, and what is kept with it (reachability, each source's answers).
 */
let lastBuilt = new Map<string, MeshInventory>();

const sameMap = <K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>) => a.size === b.size && [...a].every(([k, v]) => b.has(k) && b.get(k) === v);
const sameSet = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => a.size === b.size && [...a].every((x) => b.has(x));

function sameInventory(a: MeshInventory, b: MeshInventory): boolean {
  return (
    a.inferred === b.inferred &&
    a.protocolSources === b.protocolSources &&
    a.external === b.external &&
    sameItems(a.proxies, b.proxies) &&
    sameMap(a.services, b.services) &&
    sameSet(a.provided, b.provided)
  );
}

const reachability = new WeakMap<MeshInventory, Diagnostic[]>();

function reachabilityOf(inv: MeshInventory): Diagnostic[] {
  let found = reachability.get(inv);
  if (!found) reachability.set(inv, (found = reachabilityDiagnostics(inv)));
  return found;
}

function emptyMesh(mesh: string): MeshInventory {
  return { mesh, proxies: [], inferred: false, services: new Map(), provided: new Set(), protocolSources: new Map(), external: new Map() };
}

/** The last inventory of the declared resources alone, and what it was made of. */
let lastDeclared: { declared: readonly Proxy[]; externalServices: readonly ExternalServiceDef[]; result: Inventory } | null = null;

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What the Dataplanes and ExternalServices alone make of each mesh: proxies, services with their protocols, and where
 * the protocols come from. Kept while the same resources are given (an edit of a policy), since building it for
 * 2,000 proxies took longer than the rest of the edit's inventory. Never changed by its users.
 */
function declaredInventory(declared: readonly Proxy[], externalServices: readonly ExternalServiceDef[]): Inventory {
  if (lastDeclared && sameItems(lastDeclared.declared, declared) && sameItems(lastDeclared.externalServices, externalServices)) return lastDeclared.result;
  const meshes = new Map<string, MeshInventory>();
  const diagnostics: Diagnostic[] = [];
  const meshFor = (mesh: string) => {
    let inv = meshes.get(mesh);
    if (!inv) meshes.set(mesh, (inv = emptyMesh(mesh)));
    return inv;
  };
  const endpoint = (inv: MeshInventory, service: string, tags: Record<string, string>, by: string) => {
    const protocol = parseProtocol(tags[PROTOCOL_TAG]);
    const known = inv.services.get(service);
    inv.services.set(service, known === undefined ? protocol : commonProtocol(known, protocol));
    inv.provided.add(service);
    const byValue = protocolTags.get(inv) ?? protocolTags.set(inv, new Map()).get(inv);
    const values = byValue?.get(service) ?? byValue?.set(service, new Map()).get(service);
    const value = tags[PROTOCOL_TAG] ?? '(none)';
    (values?.get(value) ?? values?.set(value, []).get(value))?.push(by);
  };
  /** Per mesh and service, the endpoints by their `kuma.io/protocol` value: said once all are known. */
  const protocolTags = new Map<MeshInventory, Map<string, Map<string, string[]>>>();
  for (const proxy of declared) {
    const inv = meshFor(proxy.mesh);
    inv.proxies.push(proxy);
    for (const inbound of proxy.inbounds) {
      const service = inbound.tags[SERVICE_TAG];
      if (service) endpoint(inv, service, inbound.tags, `Dataplane ${proxy.name}`);
    }
    const gatewayService = isDelegatedGateway(proxy) ? proxy.gateway?.tags[SERVICE_TAG] : undefined;
    if (gatewayService) endpoint(inv, gatewayService, proxy.gateway?.tags ?? {}, `delegated gateway ${proxy.name}`);
    if (proxy.gateway?.type === 'BUILTIN' && proxy.location) {
      diagnostics.push({
        ...proxy.location,
        severity: 'info',
        code: 'KUMA_BUILTIN_GATEWAY',
        message: `Dataplane "${proxy.name}" is a builtin gateway: it is listed, but its routes (MeshGateway, MeshGatewayRoute) are out of scope`,
      });
    }
  }
  for (const es of externalServices) {
    const inv = meshFor(es.mesh);
    endpoint(inv, es.service, es.tags, `ExternalService ${es.name}`);
    inv.external?.set(es.service, es);
  }
  for (const [inv, services] of protocolTags) {
    for (const [service, values] of services) inv.protocolSources?.set(service, describeProtocolTags(values));
  }
  const result = { meshes, diagnostics };
  lastDeclared = { declared, externalServices, result };
  return result;
}

/** `kuma.io/protocol: http on Dataplane web-1, Dataplane web-2; kuma.io/protocol: (none) on Dataplane web-3 and 4 more` */
function describeProtocolTags(values: Map<string, string[]>): string {
  return [...values]
    .map(([value, endpoints]) => `${PROTOCOL_TAG}: ${value} on ${endpoints.slice(0, 3).join(', ')}${endpoints.length > 3 ? ` and ${endpoints.length - 3} more` : ''}`)
    .join('; ');
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
