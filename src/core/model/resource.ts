import type { Diagnostic } from '../diagnostics';
import { suggestionFix } from '../validate/finding';
import { closest } from '../validate/suggest';
import { locate, type SourceDocument } from '../source/document';
import type { NodePath } from '../source/path';
import { asName, asRecord, asString, asTags, type RawRecord } from './raw';

/** Kubernetes (`apiVersion`, `kind`, `metadata`, `spec`) or Kuma universal (`type`, `name`, `mesh`, `spec`). */
export type ResourceFormat = 'kubernetes' | 'universal';

/** What every resource says about itself, whatever its family, plus where it was written. */
export interface ResourceHeader {
  kind: string;
  apiVersion: string | null;
  name: string;
  format: ResourceFormat;
  labels: Record<string, string>;
  /** Top-level `mesh` (universal, and Kubernetes Dataplanes). */
  mesh: string | null;
  body: RawRecord;
  source: SourceDocument;
  /** Path of the node holding the name, for diagnostics about the resource as a whole. */
  namePath: NodePath;
}

/** Reads the header of a parsed document, or null when it is neither a Kubernetes nor a Kuma universal resource. */
export function readResourceHeader(source: SourceDocument): ResourceHeader | null {
  const body = asRecord(source.value);
  if (!body) return null;
  const kind = asString(body.kind);
  const type = asString(body.type);
  const metadata = asRecord(body.metadata);
  if (kind !== undefined) {
    return {
      kind,
      apiVersion: asString(body.apiVersion) ?? null,
      name: asName(metadata?.name) ?? '',
      format: 'kubernetes',
      labels: asTags(metadata?.labels),
      mesh: asString(body.mesh) ?? null,
      body,
      source,
      namePath: metadata?.name !== undefined ? ['metadata', 'name'] : ['kind'],
    };
  }
  if (type !== undefined) {
    return {
      kind: type,
      apiVersion: null,
      name: asName(body.name) ?? '',
      format: 'universal',
      labels: asTags(body.labels),
      mesh: asString(body.mesh) ?? null,
      body,
      source,
      namePath: body.name !== undefined ? ['name'] : ['type'],
    };
  }
  return null;
}

/**
 * The info for a resource Route Studio keeps but does not read yet: it changes no route drawn. A kind one or two
 * edits away from a known one is taken for a typo instead: a warning with a "did you mean" fix.
 */
export function unsupportedKind(header: ResourceHeader, message?: string): Diagnostic {
  const typo = message === undefined ? kindTypo(header) : null;
  if (typo) return typo;
  const kind = `${header.kind}${header.apiVersion ? ` (${header.apiVersion})` : ''}`;
  return {
    ...locate(header.source, [header.format === 'kubernetes' ? 'kind' : 'type']),
    severity: 'info',
    code: 'UNSUPPORTED_KIND',
    message: message ?? `${kind} is kept but not handled yet: it does not change the routes drawn`,
  };
}

/** Kinds of the meshes Route Studio reads (handled or only kept): a kind near one of these is taken for a typo. */
const KNOWN_KINDS = [
  'MeshTCPRoute', 'MeshHTTPRoute', 'Dataplane', 'ServiceRoute', 'Group',
  'Mesh', 'MeshService', 'MeshExternalService', 'MeshMultiZoneService', 'MeshGateway', 'MeshGatewayRoute', 'MeshGatewayInstance',
  'TrafficRoute', 'TrafficPermission', 'MeshTimeout', 'MeshRetry', 'MeshTrafficPermission', 'MeshCircuitBreaker', 'MeshHealthCheck',
  'MeshLoadBalancingStrategy', 'MeshAccessLog', 'MeshFaultInjection', 'MeshRateLimit', 'MeshProxyPatch', 'MeshTrace', 'MeshMetric',
  'MeshPassthrough', 'MeshTLS', 'VirtualService', 'DestinationRule', 'Gateway', 'Workspace', 'Tenant', 'Organization',
];

/** A kind one or two edits away from a known one: a warning with the fix, instead of a silent "kept". */
function kindTypo(header: ResourceHeader): Diagnostic | null {
  if (KNOWN_KINDS.includes(header.kind)) return null;
  const suggestion = closest(header.kind, KNOWN_KINDS);
  if (!suggestion) return null;
  const path = [header.format === 'kubernetes' ? 'kind' : 'type'];
  return {
    ...locate(header.source, path),
    severity: 'warning',
    code: 'UNKNOWN_KIND',
    message: `unknown kind "${header.kind}": did you mean ${suggestion}? The document is kept but changes no route`,
    fixes: [suggestionFix(header.source, path, suggestion, false)],
  };
}
