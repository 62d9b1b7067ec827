/**
 * MeshTCPRoute and MeshHTTPRoute validation under the current model (Kuma 2.14: `meshtcproute/api/v1alpha1/validator.go`,
 * `meshhttproute/api/v1alpha1/validation.go`): every targetRef form by position, the deprecations, and the fields
 * the 2.6 schema calls unknown that the current model defines.
 */
import { policyScope } from '../../../model/kuma/current/scope';
import { asArray, asRecord, asString } from '../../../model/raw';
import type { ResourceHeader } from '../../../model/resource';
import type { NodePath } from '../../../source/path';
import { finding, type Finding } from '../../finding';
import { kumaWeight, weightsNotHundred } from '../../weights';
import { warnAllWeightsZero } from '../meshTcpRoute';
import { warnSubsetWithoutTags } from '../targetRef';
import { CURRENT_TOP_KINDS, currentToKinds, topLevelDeprecation, validateCurrentBackendRef, validateCurrentTargetRef, warnLabelsWithoutPort } from './targetRef';

/** Fields of targetRefs and backendRefs that the 2.6 schema does not know and the current model defines. */
const CURRENT_FIELDS = new Set(['labels', 'namespace', 'sectionName', 'port']);

/**
 * The 2.6 schema's findings as the current model reads them: its newer fields are known, a missing top-level
 * targetRef means Mesh. Then the current rules' findings, and the role check of the control plane.
 */
export function currentModelFindings(schemaFindings: Finding[], header: ResourceHeader, rules: Finding[]): Finding[] {
  const kept = schemaFindings.filter((f) => {
    const last = f.path[f.path.length - 1];
    if (f.code === 'UNKNOWN_FIELD' && typeof last === 'string' && CURRENT_FIELDS.has(last)) return false;
    return !(f.path.length === 2 && f.path[1] === 'targetRef' && f.message === 'must be defined');
  });
  const out = [...kept, ...rules];
  if (policyScope(header).mixed) out.push(finding('error', 'KUMA_POLICY_ROLE', ['spec', 'to'], "it's not allowed to mix producer and consumer items in the same policy"));
  return out;
}

export function validateCurrentRoute(rawSpec: unknown, kind: 'MeshTCPRoute' | 'MeshHTTPRoute'): Finding[] {
  const spec = asRecord(rawSpec);
  if (!spec) return rawSpec === undefined || rawSpec === null ? [finding('error', 'KUMA_SCHEMA', ['spec'], 'must be defined')] : [];
  const out: Finding[] = [];
  const top = asRecord(spec.targetRef);
  const gateway = asString(top?.kind) === 'MeshGateway';
  out.push(...validateCurrentTargetRef(top, ['spec', 'targetRef'], CURRENT_TOP_KINDS, { topLevel: true, gatewayListenerTagsAllowed: kind === 'MeshHTTPRoute' }));
  out.push(...topLevelDeprecation(top, ['spec', 'targetRef']));
  out.push(...warnSubsetWithoutTags(top, ['spec', 'targetRef']));
  (asArray(spec.to) ?? []).forEach((rawTo, i) => {
    const to = asRecord(rawTo);
    const at: NodePath = ['spec', 'to', i];
    out.push(...validateCurrentTargetRef(to?.targetRef, [...at, 'targetRef'], currentToKinds(top)));
    if (kind === 'MeshHTTPRoute' && !gateway && (asArray(to?.hostnames)?.length ?? 0) > 0) out.push(finding('error', 'KUMA_HTTP_ROUTE', [...at, 'hostnames'], 'must not be defined'));
    const destination = asString(asRecord(to?.targetRef)?.name);
    (asArray(to?.rules) ?? []).forEach((rawRule, j) => {
      const def = asRecord(asRecord(rawRule)?.default);
      const refsPath: NodePath = [...at, 'rules', j, 'default', 'backendRefs'];
      const refs = asArray(def?.backendRefs);
      if (kind === 'MeshHTTPRoute') {
        const mirror = (asArray(def?.filters) ?? []).map((f) => asRecord(asRecord(f)?.requestMirror)?.backendRef);
        mirror.forEach((ref, f) => {
          if (ref !== undefined) out.push(...validateCurrentBackendRef(ref, [...at, 'rules', j, 'default', 'filters', f, 'requestMirror', 'backendRef']));
        });
        if ((!refs || refs.length === 0) && gateway) out.push(finding('error', 'KUMA_HTTP_ROUTE', refsPath, 'must not be empty'));
      }
      (refs ?? []).forEach((ref, k) => {
        out.push(...validateCurrentBackendRef(ref, [...refsPath, k]));
        out.push(...warnSubsetWithoutTags(ref, [...refsPath, k]));
        out.push(...warnLabelsWithoutPort(ref, [...refsPath, k]));
      });
      out.push(...warnAllWeightsZero(refs ?? [], refsPath, destination));
      if (kind === 'MeshTCPRoute') {
        const notHundred = weightsNotHundred(refs ?? [], refsPath, kumaWeight, 'KUMA_WEIGHTS_NOT_100');
        if (notHundred) out.push(notHundred);
      }
    });
  });
  return out;
}
