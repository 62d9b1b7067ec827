import type { Diagnostic } from '../diagnostics';
import type { FamilyOptions, PolicyFamily } from '../family';
import { chooseModels, type KumaModelName, type ModelChoice } from '../model/kuma/current/modelChoice';
import type { DestinationResource } from '../model/kuma/current/types';
import { readDestination } from '../validate/kuma/current/destinations';
import { resolveKuma } from './kumaResolve';
import type { ExternalServiceDef, MeshHTTPRoutePolicy, MeshTCPRoutePolicy, Proxy, RoutePolicy } from '../model/kuma/types';
import { unsupportedKind, type ResourceHeader } from '../model/resource';
import { locate, type SourceDocument } from '../source/document';
import { foundBeforeMove, shiftLines } from '../source/moves';
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

  read(headers, options: FamilyOptions = {}) {
    const diagnostics: Diagnostic[] = [];
    const model: KumaModel = { policies: [], httpPolicies: [], proxies: [], externalServices: [], destinations: [], models: new Map(), invalidPolicies: [] };
    if (!options.incremental) {
      lastDistinct = null;
      lastReading = null;
    }
    const latest = latestDefinitions(headers, diagnostics, options.incremental === true);
    model.models = chooseModels(latest, meshOf, options.kumaModel);
    const last = lastReading !== null && sameModels(lastReading.models, model.models) ? lastReading : null;
    const reading: Reading = { latest, models: model.models, outcomes: new Array(latest.length) };
    for (let i = 0; i < latest.length; i++) {
      const header = latest[i] as ResourceHeader;
      // Taken over by position: the same header, read in the same model (only a destination's reading depends on where it is).
      const kept = last !== null && last.latest[i] === header ? last.outcomes[i] : undefined;
      const outcome = kept ?? readOne(header, model);
      if (outcome.kept) reading.outcomes[i] = outcome;
      addReading(outcome, model, diagnostics);
    }
    lastReading = options.incremental ? reading : null;
    return { model, diagnostics };
  },

  resolve: resolveKuma,
};

const DESTINATION_KINDS = new Set(['MeshService', 'MeshExternalService', 'MeshMultiZoneService']);

/** Where a resource's reading goes in the model. */
type Slot = 'policies' | 'httpPolicies' | 'proxies' | 'externalServices' | 'destinations' | 'invalidPolicies' | null;

/** One resource read: where its value goes, its problems, and whether the reading can be taken over by position. */
interface Outcome {
  slot: Slot;
  value: unknown;
  diagnostics: readonly Diagnostic[];
  kept: boolean;
}

/**
 * The last reading, by position in the latest definitions: a keystroke leaves every resource but one the same
 * object, and their readings are taken over comparing references only (looking each of 4,000 up took milliseconds).
 */
interface Reading {
  latest: readonly ResourceHeader[];
  models: ReadonlyMap<string, ModelChoice>;
  outcomes: (Outcome | undefined)[];
}

let lastReading: Reading | null = null;

function sameModels(a: ReadonlyMap<string, ModelChoice>, b: ReadonlyMap<string, ModelChoice>): boolean {
  if (a.size !== b.size) return false;
  for (const [mesh, choice] of a) if (b.get(mesh)?.model !== choice.model) return false;
  return true;
}

function readOne(header: ResourceHeader, kuma: KumaModel): Outcome {
  const model: KumaModelName = kuma.models.get(meshOf(header))?.model ?? 'kuma-2.6';
  const of = (read: ReadResult<RoutePolicy | Proxy | ExternalServiceDef>, slot: Slot): Outcome => ({ slot: read.value ? slot : null, value: read.value, diagnostics: read.diagnostics, kept: true });
  if (header.kind === 'MeshTCPRoute') {
    const read = readCached(header, model, (h) => readMeshTcpRoute(h, model));
    return of(read, read.value?.invalid ? 'invalidPolicies' : 'policies');
  }
  if (DESTINATION_KINDS.has(header.kind) && model === 'kuma-2.14') {
    const { value, diagnostics } = readDestination(header, kuma.destinations.length);
    return { slot: value ? 'destinations' : null, value, diagnostics, kept: false };
  }
  if (header.kind === 'MeshHTTPRoute') {
    const read = readCached(header, model, (h) => readMeshHttpRoute(h, model));
    return of(read, read.value?.invalid ? 'invalidPolicies' : 'httpPolicies');
  }
  if (header.kind === 'ExternalService') return of(readCached(header, model, readExternalService), 'externalServices');
  if (header.kind === 'Dataplane') return of(readCached(header, model, readDataplane), 'proxies');
  const message = DESTINATION_KINDS.has(header.kind) ? `${header.kind} is kept but not read: mesh "${meshOf(header)}" resolves by the Kuma 2.6 model (forced by the workspace option)` : NOT_YET[header.kind];
  return { slot: null, value: null, diagnostics: [unsupportedKind(header, message)], kept: true };
}

function addReading(outcome: Outcome, model: KumaModel, diagnostics: Diagnostic[]): void {
  for (const d of outcome.diagnostics) diagnostics.push(d);
  if (outcome.slot !== null) (model[outcome.slot] as unknown[]).push(outcome.value);
}

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
  if (!result) {
    // A document that only moved: its earlier reading, its locations shifted by the lines it moved.
    const moved = foundBeforeMove(header.source, (doc) => readings.get(doc)?.get(model) as ReadResult<T> | undefined);
    result = moved ? shiftLines(moved.found, moved.lines) : withDocsTemplates(header, read(header));
    byModel.set(model, result);
  }
  return result;
}

/** What makes two definitions the same resource. */
function identityKey(header: ResourceHeader): string {
  return `${header.kind}\u0000${meshOf(header)}\u0000${header.name}\u0000${namespaceOf(header)}`;
}

/**
 * The last headers with their keys, when each was named and no two were the same resource: then the latest
 * definitions are the headers themselves, and a keystroke that keeps every changed header's key keeps that so.
 */
let lastDistinct: { headers: readonly ResourceHeader[]; keys: string[] } | null = null;

/** As with `kubectl apply`: when two documents share kind, mesh and name, the later one wins and the earlier gets a warning. */
function latestDefinitions(headers: readonly ResourceHeader[], diagnostics: Diagnostic[], incremental: boolean): ResourceHeader[] {
  const last = lastDistinct;
  if (last !== null && last.headers.length === headers.length) {
    const keys = last.keys.slice();
    let distinct = true;
    for (let i = 0; i < headers.length && distinct; i++) {
      const header = headers[i] as ResourceHeader;
      if (header === last.headers[i]) continue;
      const key = header.name ? identityKey(header) : '';
      distinct = key !== '' && key === keys[i];
    }
    if (distinct) {
      lastDistinct = incremental ? { headers, keys } : null;
      return headers.slice();
    }
  }
  const latest = new Map<string, ResourceHeader>();
  const keys: string[] = [];
  let distinct = true;
  for (const header of headers) {
    if (!header.name) {
      const path = header.format === 'kubernetes' ? ['metadata', 'name'] : ['name'];
      diagnostics.push({ ...locate(header.source, path), severity: 'error', code: 'KUMA_NAME', message: `${path.join('.')}: must be defined: a ${header.kind} without a name is ignored` });
      distinct = false;
      continue;
    }
    const key = identityKey(header);
    keys.push(key);
    const earlier = latest.get(key);
    if (earlier) {
      distinct = false;
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
  lastDistinct = distinct && incremental ? { headers, keys } : null;
  return [...latest.values()];
}
