/**
 * A route policy with errors is not applied, but what can be read of it is still drawn (marked invalid), so that a
 * person sees what it would have done. Only the readable part is kept: a top-level targetRef of a known kind (or
 * none, which Kuma 2.9+ reads as Mesh), and the `to[]` entries that name their destination.
 */
import type { Diagnostic } from '../../diagnostics';
import { TARGET_REF_KIND_ORDER, type MeshHTTPRoutePolicy, type MeshTCPRoutePolicy } from '../../model/kuma/types';
import { asRecord, asString } from '../../model/raw';
import type { ReadResult } from './meshTcpRoute';

const KNOWN_KINDS: readonly string[] = TARGET_REF_KIND_ORDER;

/** The reading of a policy whose findings include errors: its readable part marked invalid, or no value. */
export function invalidReading<P extends MeshTCPRoutePolicy | MeshHTTPRoutePolicy>(policy: P, rawSpec: unknown, diagnostics: Diagnostic[]): ReadResult<P> {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const readable = readablePart(policy, asRecord(rawSpec)?.targetRef) as P | null;
  return { value: readable ? { ...readable, invalid: errors } : null, diagnostics };
}

function readablePart(policy: MeshTCPRoutePolicy | MeshHTTPRoutePolicy, rawTargetRef: unknown): MeshTCPRoutePolicy | MeshHTTPRoutePolicy | null {
  if (rawTargetRef !== undefined && rawTargetRef !== null) {
    const kind = asString(asRecord(rawTargetRef)?.kind);
    if (kind === undefined || !KNOWN_KINDS.includes(kind)) return null;
  }
  if (policy.kind === 'MeshTCPRoute') {
    const to = policy.to
      .filter((t) => !!t.destination.name)
      .map((t) => ({ ...t, backendRefs: t.backendRefs.filter((ref) => ref.name !== '') }))
      .filter((t) => t.backendRefs.length > 0);
    return to.length > 0 ? { ...policy, to } : null;
  }
  const to = policy.to
    .filter((t) => !!t.destination.name)
    .map((t) => ({ ...t, rules: t.rules.map((rule) => ({ ...rule, backendRefs: rule.backendRefs?.filter((ref) => ref.name !== '') ?? null })) }));
  return to.length > 0 ? { ...policy, to } : null;
}
