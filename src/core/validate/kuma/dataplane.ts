import type { Inbound, Outbound, Proxy, ReachableBackendRef } from '../../model/kuma/types';
import { SERVICE_TAG } from '../../model/kuma/types';
import { asArray, asRecord, asString, asTags } from '../../model/raw';
import type { ResourceHeader } from '../../model/resource';
import { spanAt } from '../../source/document';
import type { NodePath } from '../../source/path';
import { finding, toDiagnostic, type Finding } from '../finding';
import { unknownFields } from '../schema';
import { networkingShape } from './dataplaneShape';
import type { ReadResult } from './meshTcpRoute';
import { meshOf, topLevelFindings } from './resourceShape';

/**
 * Reads a Dataplane in either format: its inbound tags make it a source, its outbounds say what it reaches. A
 * Kubernetes Dataplane is named `name.namespace`, as Kuma names it, so that namesakes in two namespaces stay two.
 */
export function readDataplane(header: ResourceHeader): ReadResult<Proxy> {
  const at: NodePath = header.format === 'kubernetes' ? ['spec', 'networking'] : ['networking'];
  const networking = asRecord(header.format === 'kubernetes' ? asRecord(header.body.spec)?.networking : header.body.networking);
  const findings: Finding[] = [...topLevelFindings(header, 'networking')];
  if (!networking) {
    findings.push(finding('error', 'KUMA_DATAPLANE', at, 'must be defined'));
    return done(header, findings, null);
  }
  findings.push(...unknownFields(networking, networkingShape, at));

  const inbounds: Inbound[] = [];
  let ignored = 0;
  (asArray(networking.inbound) ?? []).forEach((raw, i) => {
    const inbound = asRecord(raw) ?? {};
    const tags = asTags(inbound.tags);
    if (!tags[SERVICE_TAG]) {
      findings.push(finding('error', 'KUMA_DATAPLANE', [...at, 'inbound', i, 'tags'], `tag "${SERVICE_TAG}" has to exist`));
      return;
    }
    if (asString(inbound.state) === 'Ignored') {
      ignored++; // valid, but selected by nothing and the source of nothing
      return;
    }
    const name = asString(inbound.name);
    inbounds.push({ tags, port: typeof inbound.port === 'number' ? inbound.port : null, address: asString(inbound.address) ?? asString(networking.address) ?? null, ...(name ? { name } : {}) });
  });

  const gatewayRaw = asRecord(networking.gateway);
  const gateway = gatewayRaw ? { type: asString(gatewayRaw.type) ?? 'DELEGATED', tags: asTags(gatewayRaw.tags) } : null;
  if (inbounds.length === 0 && ignored === 0 && !gateway && !findings.some((f) => f.severity === 'error')) {
    findings.push(finding('error', 'KUMA_DATAPLANE', at, 'has to contain at least one inbound interface or gateway'));
  }

  const outboundList = asArray(networking.outbound);
  const outbounds = outboundList?.flatMap((raw): Outbound[] => {
    const outbound = asRecord(raw) ?? {};
    const tags = asTags(outbound.tags);
    const service = tags[SERVICE_TAG] ?? asString(outbound.service);
    if (!service) return [];
    const address = asString(outbound.address) ?? null;
    return [{ service, port: typeof outbound.port === 'number' ? outbound.port : null, tags: { ...tags, [SERVICE_TAG]: service }, address }];
  });
  const transparentProxying = asRecord(networking.transparentProxying);
  const reachableRaw = asArray(transparentProxying?.reachableServices) ?? [];
  const reachableAt = reachableRaw.flatMap((s, i) => (typeof s === 'string' ? [{ service: s, at: spanAt(header.source, [...at, 'transparentProxying', 'reachableServices', i]) }] : []));
  const reachable = reachableAt.map((r) => r.service);
  const namespace = header.format === 'kubernetes' ? (asString(asRecord(header.body.metadata)?.namespace) ?? null) : null;

  return done(header, findings, {
    name: namespace ? `${header.name}.${namespace}` : header.name,
    mesh: meshOf(header),
    inbounds,
    outbounds: outbounds ?? null,
    reachableServices: reachable.length > 0 ? reachable : null,
    gateway,
    location: spanAt(header.source, []),
    namespace,
    address: asString(networking.address) ?? null,
    transparentProxying: transparentProxying !== undefined,
    reachableLocations: reachableAt.map((r) => r.at),
    labels: header.labels,
    reachableBackends: readReachableBackends(transparentProxying?.reachableBackends),
  });
}

/** `transparentProxying.reachableBackends.refs` (current model); null when not set. */
function readReachableBackends(raw: unknown): ReachableBackendRef[] | null {
  const refs = asArray(asRecord(raw)?.refs);
  if (!refs) return null;
  return refs.flatMap((item) => {
    const ref = asRecord(item);
    if (!ref) return [];
    const name = asString(ref.name);
    const namespace = asString(ref.namespace);
    return [{ kind: asString(ref.kind) ?? 'MeshService', ...(name ? { name } : {}), ...(namespace ? { namespace } : {}), ...(typeof ref.port === 'number' ? { port: ref.port } : {}), ...(asRecord(ref.labels) ? { labels: asTags(ref.labels) } : {}) }];
  });
}

function done(header: ResourceHeader, findings: Finding[], proxy: Proxy | null): ReadResult<Proxy> {
  const diagnostics = findings.map((f) => toDiagnostic(header.source, f));
  return { value: findings.some((f) => f.severity === 'error') ? null : proxy, diagnostics };
}
