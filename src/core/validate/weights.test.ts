import { describe, expect, it } from 'vitest';
import { applyChanges } from '../edit/applyChanges';
import { analyze } from '../index';
import { normalisedWeights } from './weights';

describe('normalisedWeights', () => {
  it('gives integer weights summing to exactly 100', () => {
    expect(normalisedWeights([1, 1, 1])).toEqual([34, 33, 33]);
    expect(normalisedWeights([90, 50])).toEqual([64, 36]);
    expect(normalisedWeights([0, 30, 10])).toEqual([0, 75, 25]);
    expect(normalisedWeights([1, 1, 1, 1, 1, 1, 1])?.reduce((a, b) => a + b)).toBe(100);
    expect(normalisedWeights([0, 0])).toBeNull();
  });
});

describe('the "Normalise weights to 100" fix', () => {
  const text = `type: MeshTCPRoute
name: split
mesh: default
spec:
  targetRef:
    kind: Mesh
  to:
    - targetRef:
        kind: MeshService
        name: backend
      rules:
        - default:
            backendRefs:
              - kind: MeshService
                name: backend # stable
                weight: 90
              - kind: MeshService
                name: backend-canary
                weight: 50
`;
  it('sets every weight so they sum to 100, and the info goes away', () => {
    const info = analyze([{ name: 'f.yaml', text }]).diagnostics.find((d) => d.code === 'KUMA_WEIGHTS_NOT_100');
    expect(info).toMatchObject({ severity: 'info', line: 13, message: expect.stringContaining('the weights sum to 140, not 100') as unknown });
    const fix = info?.fixes?.[0];
    expect(fix?.title).toBe('Normalise weights to 100');
    const result = fix ? applyChanges(text, fix.documentIndex, fix.changes) : { error: 'no fix' };
    if ('error' in result) throw new Error(result.error);
    expect(result.text).toBe(text.replace('weight: 90', 'weight: 64').replace('weight: 50', 'weight: 36'));
    expect(analyze([{ name: 'f.yaml', text: result.text }]).diagnostics.map((d) => d.code)).not.toContain('KUMA_WEIGHTS_NOT_100');
  });
});
