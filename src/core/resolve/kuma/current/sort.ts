/**
 * The order of `(policy, to[i])` entries under the current model (`rules/outbound/sort.go:Sort`), ascending: the
 * last one wins. `reference/kuma/current-model.md` section 3.4.
 */
import { POLICY_ROLES, type HttpRouteTo, type RoutePolicy, type TargetRef, type TcpRouteTo } from '../../../model/kuma/types';

/** One `to[]` entry of one policy, with the policy's place in the input (for stable ties). */
export interface CurrentEntry {
  policy: RoutePolicy;
  to: TcpRouteTo | HttpRouteTo;
  /** The policy's position in the input, then the entry's in `to[]`. */
  order: number;
}

/** `api/common/v1alpha1/targetref.go` `order`. */
const KIND_ORDER: Record<string, number> = {
  Mesh: 1,
  Dataplane: 2,
  MeshSubset: 3,
  MeshGateway: 4,
  MeshService: 5,
  MeshExternalService: 6,
  MeshMultiZoneService: 7,
  MeshServiceSubset: 8,
  MeshHTTPRoute: 9,
};

const TO_KIND_ORDER: Record<string, number> = { Mesh: 0, MeshService: 1, MeshExternalService: 2, MeshMultiZoneService: 3 };

function originRank(origin: string | null): number {
  return origin === 'global' ? -1 : origin === 'zone' ? 1 : 0;
}

/** `TargetRef.CompareDataplaneKind`: labels < name, then without < with sectionName; "all" ties with both. */
function compareDataplaneKind(a: TargetRef, b: TargetRef): number {
  if (a.kind !== 'Dataplane' || b.kind !== 'Dataplane') return 0;
  if (a.name && b.labels) return 1;
  if (a.labels && b.name) return -1;
  if (a.sectionName && !b.sectionName) return 1;
  if (!a.sectionName && b.sectionName) return -1;
  return 0;
}

function toRank(ref: TargetRef): number {
  return (TO_KIND_ORDER[ref.kind] ?? 0) * 2 + (ref.kind === 'MeshService' && ref.sectionName ? 1 : 0);
}

/** The keys in order, each with the words that explain it when it decides. */
const KEYS: { compare: (a: CurrentEntry, b: CurrentEntry) => number; why: (w: CurrentEntry, l: CurrentEntry) => string }[] = [
  {
    compare: (a, b) => (KIND_ORDER[a.policy.targetRef.kind] ?? 0) - (KIND_ORDER[b.policy.targetRef.kind] ?? 0),
    why: (w, l) => `top-level targetRef ${w.policy.targetRef.kind} is more specific than ${l.policy.targetRef.kind}`,
  },
  {
    compare: (a, b) => compareDataplaneKind(a.policy.targetRef, b.policy.targetRef),
    why: (w) => (w.policy.targetRef.sectionName ? 'its Dataplane targetRef names a sectionName' : 'its Dataplane targetRef selects by name, which beats labels'),
  },
  {
    compare: (a, b) => originRank(a.policy.origin) - originRank(b.policy.origin),
    why: (w, l) => `origin ${w.policy.origin ?? '(none)'} beats origin ${l.policy.origin ?? '(none)'}`,
  },
  {
    compare: (a, b) => POLICY_ROLES.indexOf(a.policy.scope.role) - POLICY_ROLES.indexOf(b.policy.scope.role),
    why: (w, l) => `role ${w.policy.scope.role} beats role ${l.policy.scope.role}`,
  },
  {
    compare: (a, b) => toRank(a.to.destination) - toRank(b.to.destination),
    why: (w, l) =>
      w.to.destination.kind === l.to.destination.kind ? `its to[].targetRef names a sectionName` : `to[].targetRef ${w.to.destination.kind} is more specific than ${l.to.destination.kind}`,
  },
  {
    compare: (a, b) => (a.policy.displayName > b.policy.displayName ? -1 : a.policy.displayName < b.policy.displayName ? 1 : 0),
    why: (w, l) => `same kind, origin, role and to[] kind: "${w.policy.displayName}" sorts before "${l.policy.displayName}" and wins`,
  },
];

export function compareEntries(a: CurrentEntry, b: CurrentEntry): number {
  for (const key of KEYS) {
    const c = key.compare(a, b);
    if (c !== 0) return c;
  }
  return a.order - b.order;
}

/** Why `winner` (later in the sort) beat `loser`. */
export function entryOverrideReason(winner: CurrentEntry, loser: CurrentEntry): string {
  for (const key of KEYS) if (key.compare(winner, loser) !== 0) return key.why(winner, loser);
  return winner.policy === loser.policy ? 'a later to[] entry of the same policy wins' : 'same priority: the later definition wins';
}
