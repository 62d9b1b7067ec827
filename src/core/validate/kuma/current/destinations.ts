/**
 * Readers of MeshService, MeshExternalService and MeshMultiZoneService in either format, with the messages of Kuma
 * 2.14's validators (`meshservice/api/v1alpha1/validator.go`, `meshexternalservice/...`, `meshmultizoneservice/...`).
 * A Kubernetes resource's namespace becomes its `k8s.kuma.io/namespace` label, as the control plane adds it.
 */
import type { DestinationKind, DestinationPort, DestinationResource, MeshServiceSelector } from '../../../model/kuma/current/types';
import { DISPLAY_NAME_LABEL, metadataNamespace, NAMESPACE_LABEL, ZONE_LABEL } from '../../../model/kuma/current/scope';
import { asArray, asRecord, asString, asTags } from '../../../model/raw';
import type { ResourceHeader } from '../../../model/resource';
import { locate } from '../../../source/document';
import type { NodePath } from '../../../source/path';
import { finding, toDiagnostic, type Finding } from '../../finding';
import { unknownFields, type JsonSchema } from '../../schema';
import type { ReadResult } from '../meshTcpRoute';
import { meshOf, topLevelFindings } from '../resourceShape';

const any: JsonSchema = {};
const portShape: JsonSchema = { type: 'object', properties: { name: any, port: any, targetPort: any, appProtocol: any } };
const SPEC_SHAPES: Record<DestinationKind, JsonSchema> = {
  MeshService: {
    type: 'object',
    properties: {
      selector: { type: 'object', properties: { dataplaneTags: any, dataplaneRef: any, dataplaneLabels: any } },
      ports: { type: 'array', items: portShape },
      identities: any,
      state: any,
    },
  },
  MeshExternalService: { type: 'object', properties: { match: any, endpoints: any, tls: any, extension: any } },
  MeshMultiZoneService: { type: 'object', properties: { selector: any, ports: { type: 'array', items: portShape } } },
};

/** Kuma's known application protocols (`core_meta.SupportedProtocols`). */
const PROTOCOLS = ['http', 'http2', 'grpc', 'kafka', 'tcp', 'tls'];

/** Reads a destination resource; `order` stands in for its age when it has no `creationTime`. */
export function readDestination(header: ResourceHeader, order: number): ReadResult<DestinationResource> {
  const kind = header.kind as DestinationKind;
  // `status` (VIPs, identities) is written by the control plane, in either format.
  const findings: Finding[] = topLevelFindings(header, 'spec').filter((f) => f.path[0] !== 'status');
  const spec = asRecord(header.body.spec);
  if (!spec) {
    findings.push(finding('error', 'KUMA_SCHEMA', ['spec'], 'must be defined'));
    return done(header, findings, null);
  }
  findings.push(...unknownFields(spec, SPEC_SHAPES[kind], ['spec']));
  const labels = { ...header.labels };
  const namespace = metadataNamespace(header);
  if (namespace !== '' && labels[NAMESPACE_LABEL] === undefined) labels[NAMESPACE_LABEL] = namespace;
  const creation = Date.parse(asString(header.body.creationTime) ?? asString(asRecord(header.body.metadata)?.creationTimestamp) ?? '');
  const base = {
    kind,
    name: header.name,
    mesh: meshOf(header),
    labels,
    id: { kind, mesh: meshOf(header), zone: labels[ZONE_LABEL] ?? '', namespace: labels[NAMESPACE_LABEL] ?? '', name: labels[DISPLAY_NAME_LABEL] ?? header.name, sectionName: '' },
    age: Number.isNaN(creation) ? 1e15 + order : creation,
    location: locate(header.source, header.namePath),
    vips: readVips(header.body.status),
  };
  if (kind === 'MeshExternalService') {
    const match = asRecord(spec.match);
    const port = match?.port;
    if (!match) findings.push(finding('error', 'KUMA_SCHEMA', ['spec', 'match'], 'must be defined'));
    else if (typeof port !== 'number' || port < 1 || port > 65535) findings.push(finding('error', 'KUMA_MES', ['spec', 'match', 'port'], 'port must be a valid (1-65535)'));
    const type = asString(match?.type);
    if (type !== undefined && type !== 'HostnameGenerator') findings.push(finding('error', 'KUMA_MES', ['spec', 'match', 'type'], `unrecognized type '${type}' - only 'HostnameGenerator' is supported`));
    const ports: DestinationPort[] = typeof port === 'number' ? [{ name: null, port, targetPort: null, appProtocol: asString(match?.protocol) ?? 'tcp' }] : [];
    return done(header, findings, { ...base, ports, selector: { kind: 'none' } });
  }
  const ports = readPorts(spec, findings, kind);
  if (kind === 'MeshMultiZoneService') {
    const matchLabels = asTags(asRecord(asRecord(asRecord(spec.selector)?.meshService))?.matchLabels);
    if (Object.keys(matchLabels).length === 0) findings.push(finding('error', 'KUMA_MMZS', ['spec', 'selector', 'meshService', 'matchLabels'], 'cannot be empty'));
    if (ports.length === 0) findings.push(finding('error', 'KUMA_MMZS', ['spec', 'ports'], 'cannot be empty'));
    return done(header, findings, { ...base, ports, selector: { kind: 'none' }, meshServiceLabels: matchLabels });
  }
  return done(header, findings, { ...base, ports, selector: readSelector(spec, findings) });
}

function readPorts(spec: Record<string, unknown>, findings: Finding[], kind: DestinationKind): DestinationPort[] {
  const out: DestinationPort[] = [];
  (asArray(spec.ports) ?? []).forEach((raw, i) => {
    const port = asRecord(raw) ?? {};
    const at: NodePath = ['spec', 'ports', i];
    if (typeof port.port !== 'number') {
      findings.push(finding('error', 'KUMA_SCHEMA', [...at, 'port'], 'must be defined'));
      return;
    }
    const name = port.name === undefined || port.name === null ? null : String(port.name as string);
    if (name === '') findings.push(finding('error', 'KUMA_SCHEMA', [...at, 'name'], 'must not be empty'));
    const appProtocol = asString(port.appProtocol) ?? 'tcp';
    if (kind === 'MeshMultiZoneService' && !PROTOCOLS.includes(appProtocol)) {
      findings.push(finding('error', 'KUMA_MMZS', [...at, 'appProtocol'], `appProtocol must be one of: ${PROTOCOLS.join(', ')}`));
    }
    const targetPort = typeof port.targetPort === 'number' || typeof port.targetPort === 'string' ? port.targetPort : null;
    out.push({ name: name || null, port: port.port, targetPort: kind === 'MeshService' ? targetPort : null, appProtocol });
  });
  return out;
}

/** The VIPs the control plane wrote in `status`: `vips[].ip` (MeshService, MeshMultiZoneService) or `vip.ip` (MeshExternalService). */
function readVips(rawStatus: unknown): string[] {
  const status = asRecord(rawStatus);
  if (!status) return [];
  const single = asString(asRecord(status.vip)?.ip);
  const listed = (asArray(status.vips) ?? []).flatMap((v) => asString(asRecord(v)?.ip) ?? []);
  return single ? [single, ...listed] : listed;
}

function readSelector(spec: Record<string, unknown>, findings: Finding[]): MeshServiceSelector {
  const selector = asRecord(spec.selector) ?? {};
  const set = ['dataplaneTags', 'dataplaneRef', 'dataplaneLabels'].filter((k) => selector[k] !== undefined && selector[k] !== null);
  if (set.length > 1) findings.push(finding('error', 'KUMA_MESHSERVICE', ['spec', 'selector'], 'must specify only one of: dataplaneTags, dataplaneRef, or dataplaneLabels'));
  if (selector.dataplaneTags) return { kind: 'dataplaneTags', tags: asTags(selector.dataplaneTags) };
  const ref = asRecord(selector.dataplaneRef);
  if (ref) return { kind: 'dataplaneRef', name: asString(ref.name) ?? '' };
  const labels = asRecord(selector.dataplaneLabels);
  if (labels) return { kind: 'dataplaneLabels', labels: asTags(labels.matchLabels) };
  return { kind: 'none' };
}

function done(header: ResourceHeader, findings: Finding[], value: DestinationResource | null): ReadResult<DestinationResource> {
  const diagnostics = findings.map((f) => toDiagnostic(header.source, f));
  return { value: findings.some((f) => f.severity === 'error') ? null : value, diagnostics };
}
