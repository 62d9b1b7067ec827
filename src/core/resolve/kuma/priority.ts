import type { MeshTCPRoutePolicy } from '../../model/kuma/types';
import { TARGET_REF_KIND_ORDER } from '../../model/kuma/types';

/** The policy attributes Kuma sorts by (`ByTargetRef.Less`, 2.6). */
type Ranked = Pick<MeshTCPRoutePolicy, 'targetRef' | 'origin' | 'displayName'>;

function kindRank(p: Ranked): number {
  return (TARGET_REF_KIND_ORDER as readonly string[]).indexOf(p.targetRef.kind);
}

function originRank(p: Ranked): number {
  if (p.origin === 'global') return -1;
  if (p.origin === 'zone') return 1;
  return 0;
}

/**
 * Ascending priority, so the last policy wins: kind (Mesh < MeshSubset < MeshGateway < MeshService <
 * MeshServiceSubset), then origin (global < none < zone), then display name descending (the
 * alphabetically smallest name is applied last and wins).
 */
export function comparePriority(a: Ranked, b: Ranked): number {
  return kindRank(a) - kindRank(b) || originRank(a) - originRank(b) || (a.displayName > b.displayName ? -1 : a.displayName < b.displayName ? 1 : 0);
}

/** Why `winner` beat `loser`, in the words a user needs to fix their policy set. */
export function overrideReason(winner: Ranked, loser: Ranked): string {
  if (kindRank(winner) !== kindRank(loser)) {
    return `top-level targetRef ${winner.targetRef.kind} is more specific than ${loser.targetRef.kind}`;
  }
  if (originRank(winner) !== originRank(loser)) {
    return `origin ${winner.origin ?? '(none)'} beats origin ${loser.origin ?? '(none)'}`;
  }
  return `same targetRef kind (${winner.targetRef.kind}) and origin: "${winner.displayName}" sorts before "${loser.displayName}" and wins`;
}

/**
 * The policies in ascending priority (as `comparePriority`, stable), each one's kind and origin ranked once rather
 * than at every comparison: a mesh of 2,000 policies sorted in 11 ms before, most of it in those lookups.
 */
export function sortByPriority<T extends Ranked>(policies: readonly T[]): T[] {
  const keyed = policies.map((policy, index) => ({ policy, index, kind: kindRank(policy), origin: originRank(policy) }));
  keyed.sort(
    (a, b) =>
      a.kind - b.kind ||
      a.origin - b.origin ||
      (a.policy.displayName > b.policy.displayName ? -1 : a.policy.displayName < b.policy.displayName ? 1 : 0) ||
      a.index - b.index,
  );
  return keyed.map((k) => k.policy);
}

/** A sort by priority with what it was made of: `sorted[k]` is `policies[order[k]]`. */
export interface PrioritySort<T> {
  policies: readonly T[];
  sorted: T[];
  order: Int32Array;
}

const sameRank = (a: Ranked, b: Ranked) => a === b || (kindRank(a) === kindRank(b) && originRank(a) === originRank(b) && a.displayName === b.displayName);

/**
 * `sortByPriority`, taking the last sort's order over when every policy that changed kept what it sorts by (a
 * keystroke in a weight): the policies are then placed by position, without comparing any.
 */
export function resortByPriority<T extends Ranked>(policies: readonly T[], last: PrioritySort<T> | undefined): PrioritySort<T> {
  if (last && last.policies.length === policies.length && policies.every((policy, i) => sameRank(policy, last.policies[i] as T))) {
    const sorted = new Array<T>(policies.length);
    for (let k = 0; k < sorted.length; k++) sorted[k] = policies[last.order[k] as number] as T;
    return { policies, sorted, order: last.order };
  }
  const index = new Map(policies.map((policy, i) => [policy, i]));
  const sorted = sortByPriority(policies);
  return { policies, sorted, order: Int32Array.from(sorted, (policy) => index.get(policy) ?? -1) };
}
