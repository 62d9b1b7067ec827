import type { Diagnostic } from '../diagnostics';
import type { PolicyFamily } from '../family';
import { buildInventory } from '../model/kuma/inventory';
import type { ExternalServiceDef, MeshHTTPRoutePolicy, MeshTCPRoutePolicy, Proxy, RoutePolicy } from '../model/kuma/types';
import { unsupportedKind, type ResourceHeader } from '../model/resource';
import { locate, type SourceDocument } from '../source/document';
import { invalidKumaRoutes } from '../resolve/kuma/invalidRoutes';
import { buildKumaRouteIndex } from '../resolve/kuma/kumaRouteIndex';
import { readDataplane } from '../validate/kuma/dataplane';
import { readExternalService } from '../validate/kuma/externalService';
import { readMeshHttpRoute } from '../validate/kuma/meshHttpRoute';
import { readMeshTcpRoute, type ReadResult } from '../validate/kuma/meshTcpRoute';
import { meshOf } from '../validate/kuma/resourceShape';

export interface KumaModel {
  policies: MeshTCPRoutePolicy[];
  /** The MeshHTTPRoutes that passed validation. */
  httpPolicies: MeshHTTPRoutePolicy[];
  proxies: Proxy[];
  /** ExternalService resources: destinations with their protocol from their tags. */
  externalServices: ExternalServiceDef[];
  /** Route policies with errors, as far as they can be read: drawn as invalid, never resolved. */
  invalidPolicies: RoutePolicy[];
}

/** Kinds of Kuma's own API group, recognised even without `apiVersion` (partial documents). */
const KUMA_KINDS = new Set([
  'Dataplane', 'Mesh', 'MeshTCPRoute', 'MeshHTTPRoute', 'MeshGateway', 'MeshGatewayRoute', 'MeshGatewayInstance', 'MeshService',
  'MeshExternalService', 'MeshMultiZoneService', 'MeshTimeout', 'MeshRetry', 'MeshCircuitBreaker', 'MeshHealthCheck',
  'MeshLoadBalancingStrategy', 'MeshAccessLog', 'MeshTrace', 'MeshTrafficPermission', 'MeshRateLimit', 'MeshFaultInjection',
  'MeshProxyPatch', 'MeshMetric', 'MeshTLS', 'TrafficRoute', 'TrafficPermission', 'ExternalService', 'ZoneIngress', 'ZoneEgress',
]);

const NOT_YET: Record<string, string> = {
  TrafficRoute: 'TrafficRoute (the legacy policy) is kept but not resolved: Route Studio models the new MeshTCPRoute matching',
};

export const kumaFamily: PolicyFamily<KumaModel> = {
  id: 'kuma',
  claims: (header) => (header.apiVersion ? header.apiVersion.startsWith('kuma.io/') : header.format === 'universal' || KUMA_KINDS.has(header.kind)),

  read(headers) {
    const diagnostics: Diagnostic[] = [];
    const policies: MeshTCPRoutePolicy[] = [];
    const httpPolicies: MeshHTTPRoutePolicy[] = [];
    const proxies: Proxy[] = [];
    const externalServices: ExternalServiceDef[] = [];
    const invalidPolicies: RoutePolicy[] = [];
    for (const header of latestDefinitions(headers, diagnostics)) {
      if (header.kind === 'MeshTCPRoute') {
        const { value, diagnostics: found } = readCached(header, readMeshTcpRoute);
        diagnostics.push(...found);
        if (value?.invalid) invalidPolicies.push(value);
        else if (value) policies.push(value);
      } else if (header.kind === 'MeshHTTPRoute') {
        const { value, diagnostics: found } = readCached(header, readMeshHttpRoute);
        diagnostics.push(...found);
        if (value?.invalid) invalidPolicies.push(value);
        else if (value) httpPolicies.push(value);
      } else if (header.kind === 'ExternalService') {
        const { value, diagnostics: found } = readCached(header, readExternalService);
        diagnostics.push(...found);
        if (value) externalServices.push(value);
      } else if (header.kind === 'Dataplane') {
        const { value, diagnostics: found } = readCached(header, readDataplane);
        diagnostics.push(...found);
        if (value) proxies.push(value);
      } else {
        diagnostics.push(unsupportedKind(header, NOT_YET[header.kind]));
      }
    }
    return { model: { policies, httpPolicies, proxies, externalServices, invalidPolicies }, diagnostics };
  },

  resolve(model) {
    const inventory = buildInventory(model.proxies, [...model.policies, ...model.httpPolicies], model.externalServices);
    const resolved = buildKumaRouteIndex(inventory.meshes.values(), [...model.policies, ...model.httpPolicies]);
    const meshes = [...inventory.meshes.values()].map((m) => ({ family: 'kuma' as const, mesh: m.mesh, proxies: m.proxies.length, services: m.services.size, inferred: m.inferred }));
    const invalid = invalidKumaRoutes(inventory.meshes, model.invalidPolicies);
    return { index: resolved.index, diagnostics: [...inventory.diagnostics, ...resolved.diagnostics], meshes, invalid };
  },
};

/** Kubernetes resources are identified by namespace too: namesakes in two namespaces are two resources. */
function namespaceOf(header: ResourceHeader): string {
  if (header.format !== 'kubernetes') return '';
  const metadata = header.body.metadata;
  const namespace = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>).namespace : undefined;
  return typeof namespace === 'string' ? namespace : '';
}

/**
 * A document's reading depends on that document alone: kept while the parse hands out the same document object
 * (an edit elsewhere), dropped with it.
 */
const readings = new WeakMap<SourceDocument, ReadResult<unknown>>();

function readCached<T>(header: ResourceHeader, read: (header: ResourceHeader) => ReadResult<T>): ReadResult<T> {
  let result = readings.get(header.source) as ReadResult<T> | undefined;
  if (!result) readings.set(header.source, (result = read(header)));
  return result;
}

/** As with `kubectl apply`: when two documents share kind, mesh and name, the later one wins and the earlier gets a warning. */
function latestDefinitions(headers: readonly ResourceHeader[], diagnostics: Diagnostic[]): ResourceHeader[] {
  const latest = new Map<string, ResourceHeader>();
  for (const header of headers) {
    if (!header.name) {
      const path = header.format === 'kubernetes' ? ['metadata', 'name'] : ['name'];
      diagnostics.push({ ...locate(header.source, path), severity: 'error', code: 'KUMA_NAME', message: `${path.join('.')}: must be defined: a ${header.kind} without a name is ignored` });
      continue;
    }
    const key = `${header.kind}\u0000${meshOf(header)}\u0000${header.name}\u0000${namespaceOf(header)}`;
    const earlier = latest.get(key);
    if (earlier) {
      const later = locate(header.source, header.namePath);
      diagnostics.push({
        ...locate(earlier.source, earlier.namePath),
        severity: 'warning',
        code: 'DUPLICATE_RESOURCE',
        message: `${header.kind} "${header.name}" of mesh "${meshOf(header)}"${namespaceOf(header) ? ` in namespace "${namespaceOf(header)}"` : ''} is defined again at ${later.file}:${later.line}; the later definition wins and this one is ignored`,
      });
      latest.delete(key); // keep document order: re-insert at the later position
    }
    latest.set(key, header);
  }
  return [...latest.values()];
}
