import { describe, expect, it } from 'vitest';
import { analyze, routeList } from '../src/core';
import { syntheticTsb } from './syntheticTsb';

describe('syntheticTsb', () => {
  it('is deterministic for a seed', () => {
    expect(syntheticTsb({ routes: 5, seed: 3 }).text).toBe(syntheticTsb({ routes: 5, seed: 3 }).text);
    expect(syntheticTsb({ routes: 5, seed: 3 }).text).not.toBe(syntheticTsb({ routes: 5, seed: 4 }).text);
  });

  it('gives valid ServiceRoutes: per route two explicit HTTP routes on 8080 and the default TCP route on 9000', () => {
    const file = syntheticTsb({ routes: 12, perGroup: 5 });
    const analysis = analyze([file]);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const routes = routeList(analysis.index);
    expect(routes).toHaveLength(36);
    expect(new Set(routes.map((r) => r.source))).toEqual(new Set(['group-0', 'group-1', 'group-2']));
    const svc0 = routes.filter((r) => r.destination === 'svc-0.ns-0.svc.cluster.local');
    expect(svc0.map((r) => `${r.port} ${r.name}`)).toEqual(['8080 beta-users', '8080 api', '9000 default-tcp-route']);
    expect(svc0[2]?.backends.map((b) => b.subset)).toEqual(['v1', 'v2', 'v3']);
    expect(svc0[2]?.backends.reduce((s, b) => s + b.percent, 0)).toBeCloseTo(100);
  });
});
