import { describe, expect, it } from 'vitest';
import type { TargetRefKind } from '../../model/kuma/types';
import { comparePriority, overrideReason } from './priority';

const policy = (kind: TargetRefKind, displayName: string, origin: string | null = null) => ({ targetRef: { kind, tags: {} }, displayName, origin });

describe('comparePriority (ascending: the last one wins)', () => {
  it('orders kinds Mesh < MeshSubset < MeshService < MeshServiceSubset', () => {
    const sorted = [policy('MeshServiceSubset', 'd'), policy('Mesh', 'a'), policy('MeshService', 'c'), policy('MeshSubset', 'b')].sort(comparePriority);
    expect(sorted.map((p) => p.targetRef.kind)).toEqual(['Mesh', 'MeshSubset', 'MeshService', 'MeshServiceSubset']);
  });

  it('puts zone origin above none above global for the same kind', () => {
    const sorted = [policy('Mesh', 'a', 'zone'), policy('Mesh', 'a', 'global'), policy('Mesh', 'a')].sort(comparePriority);
    expect(sorted.map((p) => p.origin)).toEqual(['global', null, 'zone']);
  });

  it('sorts names descending, so the alphabetically smallest wins a tie', () => {
    const sorted = [policy('MeshService', 'a-route'), policy('MeshService', 'b-route')].sort(comparePriority);
    expect(sorted.at(-1)?.displayName).toBe('a-route');
    expect(overrideReason(policy('MeshService', 'a-route'), policy('MeshService', 'b-route'))).toContain('"a-route" sorts before "b-route"');
  });
});
