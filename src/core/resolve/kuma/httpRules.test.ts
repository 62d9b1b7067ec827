import { describe, expect, it } from 'vitest';
import { describeHttpMatches, mergeHttpRules, needsCatchAll, type HttpToItem } from './httpRules';
import { comparePriority } from './priority';
import { readKuma } from './testPolicies';

const route = (name: string, top: string, rules: string) => `
type: MeshHTTPRoute
name: ${name}
mesh: default
spec:
  targetRef: ${top}
  to:
    - targetRef: {kind: MeshService, name: backend}
      rules:
${rules}
---`;

function items(text: string): HttpToItem[] {
  const { httpPolicies } = readKuma(text);
  return [...httpPolicies].sort(comparePriority).flatMap((policy) => policy.to.map((to) => ({ policy, to })));
}

describe('mergeHttpRules (Kuma 2.6 MergeConfs with mergeValuesByKey)', () => {
  it('puts the highest-priority policy first, each policy in declared order, and never re-sorts by specificity', () => {
    const merged = mergeHttpRules(
      items(
        route('mesh-wide', '{kind: Mesh}', `        - matches: [{path: {type: PathPrefix, value: /a}}]
          default: {backendRefs: [{kind: MeshService, name: a}]}
        - matches: [{path: {type: Exact, value: /b}}]
          default: {backendRefs: [{kind: MeshService, name: b}]}`) +
          route('web-only', '{kind: MeshService, name: web}', `        - matches: [{path: {type: PathPrefix, value: /}}]
          default: {backendRefs: [{kind: MeshService, name: c}]}
        - matches: [{path: {type: Exact, value: /d/e}}]
          default: {backendRefs: [{kind: MeshService, name: d}]}`),
      ),
    );
    expect(merged.map((r) => [r.winner.policy.name, describeHttpMatches(r.matches)])).toEqual([
      ['web-only', 'PathPrefix /'],
      ['web-only', 'Exact /d/e'],
      ['mesh-wide', 'PathPrefix /a'],
      ['mesh-wide', 'Exact /b'],
    ]);
  });

  it('collapses identical matches at the higher policy position, merging field by field (basic-kind-specificity)', () => {
    const merged = mergeHttpRules(
      items(
        route('mesh-wide', '{kind: Mesh}', `        - matches: [{path: {type: PathPrefix, value: /v1}}]
          default:
            filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-a, value: b}]}}]`) +
          route('web-only', '{kind: MeshService, name: web}', `        - matches: [{path: {type: PathPrefix, value: /v1}}]
          default: {backendRefs: [{kind: MeshService, name: v1}]}
        - matches: [{path: {type: PathPrefix, value: /v2}}]
          default: {backendRefs: [{kind: MeshService, name: v2}]}`),
      ),
    );
    expect(merged).toHaveLength(2);
    const [v1, v2] = merged;
    expect(describeHttpMatches(v1?.matches ?? [])).toBe('PathPrefix /v1');
    expect(v1?.backendRefs?.map((r) => r.name)).toEqual(['v1']);
    expect(v1?.filters?.[0]?.type).toBe('RequestHeaderModifier');
    expect(v1?.winner.policy.name).toBe('web-only');
    expect(v1?.mergedFrom.map((i) => i.policy.name)).toEqual(['mesh-wide']);
    expect(v2?.backendRefs?.map((r) => r.name)).toEqual(['v2']);
  });

  it('keeps a rule without backendRefs as null (to the destination itself)', () => {
    const [rule] = mergeHttpRules(items(route('r', '{kind: Mesh}', `        - matches: [{headers: [{name: x, type: Present}]}]
          default: {}`)));
    expect(rule?.backendRefs).toBeNull();
    expect(describeHttpMatches(rule?.matches ?? [])).toBe('header x Present');
  });

  it('asks for the catch-all only when no rule matches exactly PathPrefix /', () => {
    expect(needsCatchAll([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }])).toBe(false);
    expect(needsCatchAll([{ matches: [{ path: { type: 'PathPrefix', value: '/' }, method: 'GET' }] }])).toBe(true);
    expect(needsCatchAll([])).toBe(true);
  });

  it('describes a match as the graph shows it', () => {
    expect(describeHttpMatches([{ path: { type: 'PathPrefix', value: '/api' }, headers: [{ type: 'Exact', name: 'x-version', value: 'v2' }] }])).toBe('PathPrefix /api, header x-version: v2');
  });
});
