import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyze, routeList } from '../src/core';
import { mulberry32, syntheticMesh, TOP_LEVEL_MIX, type TopLevelKind } from './syntheticMesh';

interface RouteDoc {
  type?: string;
  kind?: string;
  spec: {
    targetRef: { kind: TopLevelKind; name?: string; tags?: Record<string, string> };
    to: { targetRef: { kind: string; name: string }; rules: { default: { backendRefs: { kind: string; name: string; weight: number; tags?: Record<string, string> }[] } }[] }[];
  };
}

function documents(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text).flatMap((d) => ('errors' in d && d.errors.length === 0 ? [d.toJS() as Record<string, unknown>] : []));
}

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('syntheticMesh', () => {
  it('gives the same text for the same seed, and another text for another seed', () => {
    const a = syntheticMesh({ services: 200, seed: 1 });
    const b = syntheticMesh({ services: 200, seed: 1 });
    expect(b.files).toEqual(a.files);
    expect(syntheticMesh({ services: 200, seed: 2 }).files).not.toEqual(a.files);
  });

  it('has N services with two Dataplanes (v1, v2) and 2N routes in a mix of the two formats', () => {
    const mesh = syntheticMesh({ services: 50 });
    const all = mesh.files.flatMap((f) => documents(f.text));
    expect(all).toHaveLength(mesh.documents);
    expect(mesh.documents).toBe(50 * 2 + 100);
    const dataplanes = all.filter((d) => d.type === 'Dataplane');
    expect(dataplanes).toHaveLength(100);
    expect(dataplanes[1]).toMatchObject({ mesh: 'default', name: 'svc-0-v2', networking: { inbound: [{ tags: { 'kuma.io/service': 'svc-0', 'kuma.io/protocol': 'tcp', version: 'v2' } }] } });
    const routes = all.filter((d) => d.type === 'MeshTCPRoute' || d.kind === 'MeshTCPRoute');
    expect(routes).toHaveLength(100);
    expect(mesh.formatCounts.universal + mesh.formatCounts.kubernetes).toBe(100);
    expect(mesh.formatCounts.universal).toBeGreaterThan(30);
    expect(mesh.formatCounts.kubernetes).toBeGreaterThan(30);
    expect(mesh.bytes).toBe(mesh.files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0));
  });

  it('mixes the top-level kinds within a few percent of the target for N=1000, with well-formed to[] entries', () => {
    const mesh = syntheticMesh({ services: 1000 });
    const routes = mesh.files.flatMap((f) => documents(f.text)).filter((d) => d.type === 'MeshTCPRoute' || d.kind === 'MeshTCPRoute') as unknown as RouteDoc[];
    expect(routes).toHaveLength(2000);
    const counts: Record<string, number> = {};
    for (const route of routes) counts[route.spec.targetRef.kind] = (counts[route.spec.targetRef.kind] ?? 0) + 1;
    expect(counts).toEqual(mesh.kindCounts);
    for (const [kind, share] of Object.entries(TOP_LEVEL_MIX)) expect(Math.abs((counts[kind] ?? 0) / routes.length - share)).toBeLessThan(0.03);

    for (const route of routes) {
      const selected = route.spec.targetRef.name ?? route.spec.targetRef.tags?.['kuma.io/service'];
      expect(route.spec.to.length).toBeGreaterThanOrEqual(1);
      expect(route.spec.to.length).toBeLessThanOrEqual(3);
      for (const to of route.spec.to) {
        expect(to.targetRef.kind).toBe('MeshService');
        expect(to.targetRef.name).not.toBe(selected);
        const refs = to.rules[0]?.default.backendRefs ?? [];
        expect(refs.length).toBeGreaterThanOrEqual(1);
        expect(refs.length).toBeLessThanOrEqual(3);
        expect(refs.some((r) => r.weight > 0)).toBe(true);
        for (const ref of refs) {
          expect(ref.weight).toBeGreaterThanOrEqual(0);
          expect(ref.weight).toBeLessThanOrEqual(100);
          expect(['MeshService', 'MeshServiceSubset']).toContain(ref.kind);
          if (ref.kind === 'MeshServiceSubset') expect(ref.tags?.version).toMatch(/^v[12]$/);
        }
      }
    }
  });

  it('works for the smallest mesh (two services)', () => {
    const mesh = syntheticMesh({ services: 2 });
    expect(mesh.routes).toBe(4);
  });

  it('analyses N=100 without a single error, and every route resolves', () => {
    const mesh = syntheticMesh({ services: 100 });
    const analysis = analyze(mesh.files, {});
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(routeList(analysis.index).length).toBeGreaterThan(0);
    expect(analysis.meshes).toEqual([expect.objectContaining({ mesh: 'default', proxies: 200, services: 100, inferred: false })]);
  });
});
