import type { Diagnostic } from '../../diagnostics';
import type { BackendRef, MeshTCPRoutePolicy, TargetRef, TargetRefKind, TcpRouteTo } from '../../model/kuma/types';
import { asArray, asRecord, asString, asTags } from '../../model/raw';
import type { ResourceHeader } from '../../model/resource';
import { locate, spanAt } from '../../source/document';
import type { NodePath } from '../../source/path';
import { finding, toDiagnostic, type Finding } from '../finding';
import { kumaWeight, weightsNotHundred } from '../weights';
import { schemaCheck, type JsonSchema } from '../schema';
import { meshOf, topLevelFindings } from './resourceShape';
import tcpRouteSchema from './schemas/meshtcproute-2.6.0.schema.json';
import { proxyTypesOf, validateTargetRef, warnSubsetWithoutTags } from './targetRef';
import type { KumaModelName } from '../../model/kuma/current/modelChoice';
import { policyScope } from '../../model/kuma/current/scope';
import { currentModelFindings, validateCurrentRoute } from './current/routeSpec';

const TOP_LEVEL_KINDS = ['Mesh', 'MeshSubset', 'MeshGateway', 'MeshService', 'MeshServiceSubset'];
const BACKEND_KINDS = ['MeshService', 'MeshServiceSubset'];

const LATER = 'Route Studio follows Kuma 2.6, where targetRefs name services by their kuma.io/service tag';
/** Fields that later Kuma versions added to targetRefs: say so, instead of a bare "unknown field". */
export const NEWER_FIELDS = {
  labels: `a field of Kuma 2.9+ (selecting real MeshService resources); ${LATER}`,
  namespace: `a field of Kuma 2.8+; ${LATER}`,
  sectionName: `a field of Kuma 2.8+; ${LATER}`,
  port: `a field of Kuma 2.7+ (real MeshService ports); ${LATER}`,
};

/** Kind enums are reported by the targetRef rules, with Kuma's message and the kinds allowed at that position. */
export const checkSpecSchema = schemaCheck(
  'KUMA_SCHEMA',
  (tcpRouteSchema as JsonSchema).properties?.spec as JsonSchema,
  (e) => e.keyword === 'enum' && e.instancePath.endsWith('/kind'),
  NEWER_FIELDS,
);

export interface ReadResult<T> {
  value: T | null;
  diagnostics: Diagnostic[];
}

/**
 * Validates a MeshTCPRoute as Kuma 2.6 does, or as Kuma 2.14 does under the current model; returns the typed policy
 * only when it has no error.
 */
export function readMeshTcpRoute(header: ResourceHeader, model: KumaModelName = 'kuma-2.6'): ReadResult<MeshTCPRoutePolicy> {
  const source = header.source;
  const specFindings =
    model === 'kuma-2.14' ? currentModelFindings(checkSpecSchema(header.body.spec, ['spec']), header, validateCurrentRoute(header.body.spec, 'MeshTCPRoute')) : validateSpec(header.body.spec);
  const findings = [...topLevelFindings(header, 'spec'), ...specFindings];
  const diagnostics = findings.map((f) => toDiagnostic(source, f));
  if (findings.some((f) => f.severity === 'error')) return { value: null, diagnostics };

  const spec = asRecord(header.body.spec) ?? {};
  const targetRef = readTargetRef(spec.targetRef);
  const policy: MeshTCPRoutePolicy = {
    kind: 'MeshTCPRoute',
    name: header.name,
    mesh: meshOf(header),
    displayName: header.labels['kuma.io/display-name'] ?? header.name,
    origin: header.labels['kuma.io/origin'] ?? null,
    scope: policyScope(header),
    targetRef,
    to: (asArray(spec.to) ?? []).map((raw, index) => readTo(header, raw, index)),
    location: locate(source, header.namePath),
    targetRefLocation: spanAt(source, ['spec', 'targetRef']),
    targetRefKeyLocation: locate(source, ['spec', 'targetRef']),
  };
  if (targetRef.kind === 'MeshGateway') {
    diagnostics.push(
      toDiagnostic(source, finding('info', 'KUMA_GATEWAY_NOT_DRAWN', ['spec', 'targetRef', 'kind'], 'a MeshGateway route is valid, but gateway routes are not drawn yet')),
    );
  }
  return { value: policy, diagnostics };
}

function validateSpec(rawSpec: unknown): Finding[] {
  if (rawSpec === undefined || rawSpec === null) return [finding('error', 'KUMA_SCHEMA', ['spec'], 'must be defined')];
  const out = checkSpecSchema(rawSpec, ['spec']).map((f) =>
    f.code === 'KUMA_SCHEMA' && f.path.length === 2 && f.path[1] === 'targetRef'
      ? { ...f, message: `${f.message} (required in Kuma 2.6; from 2.9 a missing targetRef means kind Mesh)` }
      : f,
  );
  const spec = asRecord(rawSpec);
  if (!spec) return out;
  const top = asRecord(spec.targetRef);
  out.push(...validateTargetRef(top, ['spec', 'targetRef'], TOP_LEVEL_KINDS));
  out.push(...warnSubsetWithoutTags(top, ['spec', 'targetRef']));
  const toKinds = asString(top?.kind) === 'MeshGateway' ? ['Mesh'] : ['MeshService'];
  (asArray(spec.to) ?? []).forEach((rawTo, i) => {
    const to = asRecord(rawTo);
    out.push(...validateTargetRef(to?.targetRef, ['spec', 'to', i, 'targetRef'], toKinds));
    (asArray(to?.rules) ?? []).forEach((rawRule, j) => {
      const refs = asArray(asRecord(asRecord(rawRule)?.default)?.backendRefs) ?? [];
      refs.forEach((ref, k) => {
        const at: NodePath = ['spec', 'to', i, 'rules', j, 'default', 'backendRefs', k];
        out.push(...validateTargetRef(ref, at, BACKEND_KINDS));
        out.push(...warnSubsetWithoutTags(ref, at));
      });
      out.push(...warnAllWeightsZero(refs, ['spec', 'to', i, 'rules', j, 'default', 'backendRefs'], asString(asRecord(to?.targetRef)?.name)));
      const notHundred = weightsNotHundred(refs, ['spec', 'to', i, 'rules', j, 'default', 'backendRefs'], kumaWeight, 'KUMA_WEIGHTS_NOT_100');
      if (notHundred) out.push(notHundred);
    });
  });
  return out;
}

export function readTargetRef(raw: unknown): TargetRef {
  const ref = asRecord(raw) ?? {};
  const target: TargetRef = {
    kind: (asString(ref.kind) ?? 'Mesh') as TargetRefKind,
    name: asString(ref.name),
    tags: asTags(ref.tags),
    proxyTypes: proxyTypesOf(ref),
  };
  return { ...target, ...currentRefFields(ref) };
}

/** The fields of the current model a targetRef or backendRef may carry, only those written. */
function currentRefFields(ref: Record<string, unknown>): Pick<TargetRef, 'namespace' | 'labels' | 'sectionName'> {
  const namespace = asString(ref.namespace);
  const sectionName = ref.sectionName === undefined || ref.sectionName === null ? undefined : String(ref.sectionName as string | number);
  return {
    ...(namespace !== undefined ? { namespace } : {}),
    ...(asRecord(ref.labels) ? { labels: asTags(ref.labels) } : {}),
    ...(sectionName !== undefined ? { sectionName } : {}),
  };
}

function readTo(header: ResourceHeader, raw: unknown, index: number): TcpRouteTo {
  const source = header.source;
  const to = asRecord(raw) ?? {};
  const at: NodePath = ['spec', 'to', index];
  const destination = readTargetRef(to.targetRef);
  const destinationLocation = locate(source, [...at, 'targetRef', 'name']);
  const rule = asRecord(asArray(to.rules)?.[0]);
  if (!rule) {
    const itself: BackendRef = {
      kind: destination.kind === 'MeshExternalService' || destination.kind === 'MeshMultiZoneService' ? destination.kind : 'MeshService',
      name: destination.name ?? '',
      tags: destination.tags,
      ...currentRefFields(asRecord(to.targetRef) ?? {}),
      weight: 1,
      location: spanAt(source, [...at, 'targetRef']),
      nameLocation: destinationLocation,
    };
    return { index, destination, backendRefs: [itself], location: spanAt(source, at), destinationLocation };
  }
  const backendRefs = readBackendRefs(header, asArray(asRecord(rule.default)?.backendRefs) ?? [], [...at, 'rules', 0, 'default', 'backendRefs']);
  return { index, destination, backendRefs, location: spanAt(source, at), destinationLocation };
}

/** `default.backendRefs` of a valid rule, with where each one is written. */
export function readBackendRefs(header: ResourceHeader, raw: unknown[], refsPath: NodePath): BackendRef[] {
  return raw.map((rawRef, k): BackendRef => {
    const ref = asRecord(rawRef) ?? {};
    const kind = asString(ref.kind);
    return {
      kind: kind === 'MeshServiceSubset' || kind === 'MeshExternalService' || kind === 'MeshMultiZoneService' ? kind : 'MeshService',
      name: asString(ref.name) ?? '',
      tags: asTags(ref.tags),
      ...currentRefFields(ref),
      ...(typeof ref.port === 'number' ? { port: ref.port } : {}),
      weight: typeof ref.weight === 'number' ? ref.weight : 1,
      location: spanAt(header.source, [...refsPath, k]),
      nameLocation: locate(header.source, [...refsPath, k, 'name']),
    };
  });
}

/** Kuma drops weight-0 backends; when all are 0 there is no tcp_proxy and the traffic fails. */
export function warnAllWeightsZero(refs: unknown[], at: NodePath, destination: string | undefined): Finding[] {
  if (refs.length === 0 || !refs.every((ref) => asRecord(ref)?.weight === 0)) return [];
  const target = destination ? `"${destination}"` : 'this destination';
  return [finding('warning', 'KUMA_ALL_WEIGHTS_ZERO', at, `every backendRef has weight 0: Kuma generates no route and traffic to ${target} will fail`)];
}
