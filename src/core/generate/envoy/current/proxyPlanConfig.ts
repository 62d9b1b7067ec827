/**
 * A proxy's MeshTCPRoute listeners and clusters as Kuma 2.14 generates them from its outbounds and their resolved
 * splits (`reference/kuma/current-model.md` section 4; `meshtcproute/plugin/v1alpha1/listeners.go`,
 * `meshroute/listeners.go:makeSplits`, `meshroute/clusters.go:GenerateClusters`):
 * - listener `outbound:<address>:<port>` (127.0.0.1 without an address); a real resource's port has the stat prefix
 *   of its own legacy name even when redirected, and `io.kuma.tags: {kuma.io/unified-name: <outbound KRI>}`;
 * - one split gives `tcp_proxy.cluster`, several `weighted_clusters` with the raw weights; weight 0 drops a ref;
 * - a real resource's cluster is named `<mesh>_<name>_<namespace>_<zone>_<short>_<port>`, one per distinct ref;
 *   a MeshExternalService's goes through the zone egress (EDS, mTLS with the resource's SNI).
 */
import type { Diagnostic, SourceLocation } from '../../../diagnostics';
import { formatKri, legacyDestinationName } from '../../../model/kuma/kri';
import { SERVICE_TAG } from '../../../model/kuma/types';
import type { Protocol } from '../../../resolve/routeTable';
import { edsCluster, httpOptionsFor, meshServiceCluster } from '../clusters';
import { listenerName, outboundTags, tcpListener, type Json, type OutboundListenerInput, type Split } from '../listeners';
import { clusterName } from '../names';
import type { BackendRefPlan, OutboundPlan, ProxyPlan } from './plan';
import { clientMtlsSocket, sniForResource, sniFromTags, ZONE_EGRESS_SERVICE } from './tls';

export interface PlanEnvoyConfig {
  mesh: string;
  proxy: string;
  listeners: Json[];
  clusters: Json[];
}

/** Kuma's default outbound address when none is given. */
const LOCALHOST = '127.0.0.1';
const HTTP_BASED = new Set(['http', 'http2', 'grpc']);
/** appProtocols a MeshTCPRoute split keeps (`handleRealResources`); empty is tcp. */
const TCP_SPLIT_PROTOCOLS = new Set(['', 'unknown', 'tcp', 'kafka', 'http', 'http2', 'grpc']);

const NOWHERE: SourceLocation = { file: '', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' };

export function planEnvoyConfig(plan: ProxyPlan): { config: PlanEnvoyConfig; diagnostics: Diagnostic[] } {
  const at = plan.location ?? NOWHERE;
  const diagnostics: Diagnostic[] = [];
  const say = (code: string, message: string, severity: Diagnostic['severity'] = 'info') => diagnostics.push({ ...at, severity, code, message: `${plan.name}: ${message}` });
  const listeners: Json[] = [];
  const clusters = new Map<string, Json>();

  const clusterOf = (ref: BackendRefPlan): string => {
    const name = ref.kind === 'legacy' ? clusterName(ref.service, ref.tags) : legacyDestinationName(ref.resource, ref.port);
    if (!clusters.has(name)) clusters.set(name, buildCluster(plan, ref, name, say));
    return name;
  };

  for (const outbound of plan.outbounds) {
    const input = listenerInput(outbound);
    const where = `${listenerName(input.address, input.port)} (${outbound.kind === 'legacy' ? outbound.service : formatKri(outbound.resource)})`;
    const protocol = (outbound.protocol ?? '') || 'tcp';
    if (outbound.route.kind === 'default' && HTTP_BASED.has(protocol)) {
      say('KUMA_EXPORT_HTTP_OUTBOUND', `${where} is not written: its protocol is ${protocol} and no MeshTCPRoute takes it, so Kuma's MeshHTTPRoute plugin generates it, which this export does not`);
      continue;
    }
    const refs = outbound.route.kind === 'split' ? outbound.route.backendRefs : [defaultRef(outbound)];
    const splits: Split[] = [];
    for (const ref of refs) {
      if (ref.weight === 0) continue;
      if (ref.kind === 'resource' && !TCP_SPLIT_PROTOCOLS.has(ref.protocol ?? '')) {
        say('KUMA_EXPORT_REF_DROPPED', `${where}: backendRef ${formatKri(ref.resource)} is dropped, as Kuma does: a TCP route takes tcp, kafka, http, http2 or grpc ports, not ${ref.protocol}`, 'warning');
        continue;
      }
      splits.push({ cluster: clusterOf(ref), weight: ref.weight });
    }
    if (splits.length === 0) say('KUMA_EXPORT_NO_SPLIT', `${where} gets no tcp_proxy: no backendRef is left (weight 0 or dropped)`, 'warning');
    listeners.push(tcpListener(input, splits));
  }
  const byName = (a: Json, b: Json) => (String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : 0);
  return { config: { mesh: plan.mesh, proxy: plan.name, listeners: listeners.sort(byName), clusters: [...clusters.values()].sort(byName) }, diagnostics };
}

function listenerInput(outbound: OutboundPlan): OutboundListenerInput {
  const address = outbound.address || LOCALHOST;
  const protocol = asProtocol(outbound.protocol);
  if (outbound.kind === 'legacy') {
    return { address, port: outbound.port, service: outbound.service, protocol, tags: outboundTags(outbound.service, outbound.tags) };
  }
  const statName = legacyDestinationName(outbound.resource, outbound.destinationPort);
  return { address, port: outbound.port, service: statName, protocol, tags: { 'kuma.io/unified-name': formatKri(outbound.resource) } };
}

/** The default route: the outbound itself, weight 100 (a legacy one with the outbound's tags). */
function defaultRef(outbound: OutboundPlan): BackendRefPlan {
  if (outbound.kind === 'legacy') {
    const { [SERVICE_TAG]: _service, ...tags } = outbound.tags;
    return { kind: 'legacy', service: outbound.service, tags, weight: 100 };
  }
  return { kind: 'resource', resource: outbound.resource, port: outbound.destinationPort, weight: 100, protocol: outbound.protocol };
}

function asProtocol(protocol: string | undefined): Protocol {
  return (['tcp', 'http', 'http2', 'grpc', 'kafka', 'tls'] as const).find((p) => p === protocol) ?? 'unknown';
}

function buildCluster(plan: ProxyPlan, ref: BackendRefPlan, name: string, say: (code: string, message: string, severity?: Diagnostic['severity']) => void): Json {
  const { mtls, zoneEgress } = plan.meshSettings;
  if (ref.kind === 'legacy') {
    // ClientSideMTLS(mesh, service, tags): SNI from the cluster's tags plus the mesh, SAN the service's SPIFFE ID.
    const socket = mtls ? clientMtlsSocket(plan.mesh, ref.service, sniFromTags(ref.service, { ...ref.tags, mesh: plan.mesh })) : undefined;
    return meshServiceCluster(name, socket);
  }
  const kri = formatKri(ref.resource);
  if (ref.resource.kind === 'MeshExternalService') {
    if (!mtls || !zoneEgress) {
      say('KUMA_EXPORT_MES_NEEDS_EGRESS', `cluster ${name} of MeshExternalService ${kri}: Kuma sends it through the zone egress, which needs mTLS and routing.zoneEgress on the mesh (${[!mtls && 'mTLS is off', !zoneEgress && 'zoneEgress is off'].filter(Boolean).join(', ')})`, 'warning');
    }
    // ClientSideMTLSCustomSNI(mesh, "zone-egress", sni): the egress's SPIFFE ID, the resource's SNI.
    const socket = mtls ? clientMtlsSocket(plan.mesh, ZONE_EGRESS_SERVICE, sniForResource(ref.resource.name, ref.resource.mesh, 'MeshExternalService', ref.port)) : undefined;
    return edsCluster(name, { transportSocket: socket, http: httpOptionsFor(ref.protocol) });
  }
  if (mtls) {
    say('KUMA_EXPORT_MTLS_NOT_WRITTEN', `cluster ${name} of ${kri}: its mTLS transport socket is not written (its SNI and identities come from the ${ref.resource.kind}'s status, which the control plane computes)`, 'warning');
  }
  return meshServiceCluster(name);
}
