import type { Diagnostic } from '../diagnostics';
import type { FamilyOptions, PolicyFamily } from '../family';
import { chooseModels, type KumaModelName, type ModelChoice } from '../model/kuma/current/modelChoice';
import type { DestinationResource } from '../model/kuma/current/types';
import { readDestination } from '../validate/kuma/current/destinations';
import { resolveKuma } from './kumaResolve';
import type { ExternalServiceDef, MeshHTTPRoutePolicy, MeshTCPRoutePolicy, Proxy } from '../model/kuma/types';
import { unsupportedKind, type ResourceHeader } from '../model/resource';
import { locate, type SourceDocument } from '../source/document';
import { readDataplane } from '../validate/kuma/dataplane';
import { readExternalService } from '../validate/kuma/externalService';
import { readMeshHttpRoute } from '../validate/kuma/meshHttpRoute';
import { readMeshTcpRoute, type ReadResult } from '../validate/kuma/meshTcpRoute';
import { meshOf } from '../validate/kuma/resourceShape';
import { withDocsTemplates } from '../validate/kuma/templates';

export interface KumaModel {
  policies: MeshTCPRoutePolicy[];
  /** The MeshHTTPRoutes that passed validation. */
  httpPolicies: MeshHTTPRoutePolicy[];
  proxies: Proxy[];
  /** ExternalService resources: destinations with their protocol from their tags. */
  externalServices: ExternalServiceDef[];
  /** MeshService, MeshExternalService and MeshMultiZoneService resources (current model). */
  destinations: DestinationResource[];
  /** The model of each mesh, and why. */
  models: Map<string, ModelChoice>;
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

  read(headers, options: FamilyOptions = {}) {
    const diagnostics: Diagnostic[] = [];
    const policies: MeshTCPRoutePolicy[] = [];
    const httpPolicies: MeshHTTPRoutePolicy[] = [];
    const proxies: Proxy[] = [];
    const externalServices: ExternalServiceDef[] = [];
    const destinations: DestinationResource[] = [];
    const latest = latestDefinitions(headers, diagnostics);
    const models = chooseModels(latest, meshOf, options.kumaModel);
    for (const header of latest) {
      const model: KumaModelName = models.get(meshOf(header))?.model ?? 'kuma-2.6';
      if (header.kind === 'MeshTCPRoute') {
        const { value, diagnostics: found } = readCached(header, model, (h) => readMeshTcpRoute(h, model));
        diagnostics.push(...found);
        if (value) policies.push(value);
      } else if (DESTINATION_KINDS.has(header.kind) && model === 'kuma-2.14') {
        const { value, diagnostics: found } = readDestination(header, destinations.length);
        diagnostics.push(...found);
        if (value) destinations.push(value);
      } else if (header.kind === 'MeshHTTPRoute') {
        const { value, diagnostics: found } = readCached(header, model, (h) => readMeshHttpRoute(h, model));
        diagnostics.push(...found);
        if (value) httpPolicies.push(value);
      } else if (header.kind === 'ExternalService') {
        const { value, diagnostics: found } = readCached(header, model, readExternalService);
        diagnostics.push(...found);
        if (value) externalServices.push(value);
      } else if (header.kind === 'Dataplane') {
        const { value, diagnostics: found } = readCached(header, model, readDataplane);
        diagnostics.push(...found);
        if (value) proxies.push(value);
      } else if (DESTINATION_KINDS.has(header.kind)) {
        diagnostics.push(unsupportedKind(header, `${header.kind} is kept but not read: mesh "${meshOf(header)}" resolves by the Kuma 2.6 model (forced by the workspace option)`));
      } else {
        diagnostics.push(unsupportedKind(header, NOT_YET[header.kind]));
      }
    }
    return { model: { policies, httpPolicies, proxies, externalServices, destinations, models }, diagnostics };
  },

  resolve: resolveKuma,
};

const DESTINATION_KINDS = new Set(['MeshService', 'MeshExternalService', 'MeshMultiZoneService']);

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
const readings = new WeakMap<SourceDocument, Map<KumaModelName, ReadResult<unknown>>>();

/** Per document and model: a mesh that changes model reads its documents again. */
function readCached<T>(header: ResourceHeader, model: KumaModelName, read: (header: ResourceHeader) => ReadResult<T>): ReadResult<T> {
  let byModel = readings.get(header.source);
  if (!byModel) readings.set(header.source, (byModel = new Map()));
  let result = byModel.get(model) as ReadResult<T> | undefined;
  if (!result) byModel.set(model, (result = withDocsTemplates(header, read(header))));
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
