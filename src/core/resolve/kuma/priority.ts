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
