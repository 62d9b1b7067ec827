/**
 * Where a policy lives, for the current model: namespace, zone, and its role (`kuma.io/policy-role`), computed as
 * Kuma's control plane does (`pkg/core/resources/labels/compute.go:ComputePolicyRole`).
 */
import { asArray, asRecord, asString } from '../../raw';
import type { ResourceHeader } from '../../resource';
import { POLICY_ROLES, type PolicyRole, type PolicyScope } from '../types';

export const NAMESPACE_LABEL = 'k8s.kuma.io/namespace';
export const ZONE_LABEL = 'kuma.io/zone';
export const ROLE_LABEL = 'kuma.io/policy-role';
export const DISPLAY_NAME_LABEL = 'kuma.io/display-name';
/** Kuma's default system namespace. */
export const SYSTEM_NAMESPACE = 'kuma-system';

/** `metadata.namespace` of a Kubernetes resource; empty otherwise. */
export function metadataNamespace(header: ResourceHeader): string {
  if (header.format !== 'kubernetes') return '';
  return asString(asRecord(header.body.metadata)?.namespace) ?? '';
}

/** The scope of a policy; `mixed` is set when Kuma would refuse it for mixing producer and consumer `to[]` items. */
export function policyScope(header: ResourceHeader): PolicyScope & { mixed: boolean } {
  const labels = header.labels;
  const k8sNamespace = metadataNamespace(header);
  const namespace = labels[NAMESPACE_LABEL] ?? k8sNamespace;
  let role: PolicyRole = 'system';
  let mixed = false;
  if (k8sNamespace !== '') {
    const computed = computeRole(header, k8sNamespace);
    role = computed.role;
    mixed = computed.mixed;
  } else {
    const written = labels[ROLE_LABEL];
    if (written && (POLICY_ROLES as readonly string[]).includes(written)) role = written as PolicyRole;
  }
  return { labels, namespace, zone: labels[ZONE_LABEL] ?? '', role, shadow: labels['kuma.io/effect'] === 'shadow', mixed };
}

function computeRole(header: ResourceHeader, namespace: string): { role: PolicyRole; mixed: boolean } {
  if (namespace === SYSTEM_NAMESPACE) return { role: 'system', mixed: false };
  const spec = asRecord(header.body.spec);
  const to = asArray(spec?.to) ?? [];
  const hasFrom = (asArray(spec?.from)?.length ?? 0) > 0 || (asArray(spec?.rules)?.length ?? 0) > 0;
  if (hasFrom || to.length === 0) return { role: 'workload-owner', mixed: false };
  const producer = to.filter((raw) => {
    const ref = asRecord(asRecord(raw)?.targetRef);
    const kind = asString(ref?.kind);
    const refNamespace = asString(ref?.namespace) ?? '';
    return (kind === 'MeshService' || kind === 'MeshHTTPRoute') && (asString(ref?.name) ?? '') !== '' && (refNamespace === '' || refNamespace === namespace);
  }).length;
  if (producer === to.length) return { role: 'producer', mixed: false };
  if (producer === 0) return { role: 'consumer', mixed: false };
  return { role: 'consumer', mixed: true };
}
