/**
 * The resolver shares work across proxies at several levels (see destinations.ts). This test checks it against
 * the plain reading of Kuma's algorithm, proxy by proxy, on random meshes: every selected policy in priority
 * order, and per destination the last matching `to[]` entry wins.
 */
import { describe, expect, it } from 'vitest';
import { syntheticMesh } from '../../../../bench/syntheticMesh';
import { kumaFamily } from '../../families/kuma';
import { buildInventory, servicesOf } from '../../model/kuma/inventory';
import type { MeshTCPRoutePolicy } from '../../model/kuma/types';
import { readResourceHeader } from '../../model/resource';
import { parseSources } from '../../source/parse';
import { comparePriority } from './priority';
import { resolveKumaRoutes } from './resolveKumaRoutes';
import { selects } from './selection';

function model(seed: number) {
  const { documents } = parseSources(syntheticMesh({ services: 40, seed }).files);
  const headers = documents.map(readResourceHeader).filter((h) => h !== null);
  return kumaFamily.read(headers).model;
}

/** `proxy|destination` -> `policy#to-index`, by the book. */
function byTheBook(policies: MeshTCPRoutePolicy[], proxies: ReturnType<typeof model>['proxies']): Map<string, string> {
  const sorted = [...policies].sort(comparePriority);
  const out = new Map<string, string>();
  for (const proxy of proxies) {
    const own = servicesOf(proxy);
    for (const policy of sorted.filter((p) => selects(p, proxy))) {
      for (const to of policy.to) {
        const destination = to.destination.name ?? '';
        if (!own.includes(destination)) out.set(`${proxy.name}|${destination}`, `${policy.name}#${to.index}`);
      }
    }
  }
  return out;
}

describe('resolveKumaRoutes against the plain algorithm', () => {
  for (const seed of [1, 2, 3]) {
    it(`agrees on every proxy and destination of a random 40-service mesh (seed ${seed})`, () => {
      const { policies, proxies } = model(seed);
      const { meshes } = buildInventory(proxies, policies);
      const { routes } = resolveKumaRoutes(meshes.values(), policies, { includeDefaults: false });
      const actual = new Map<string, string>();
      for (const route of routes) {
        const policy = policies.find((p) => p.name === route.policy);
        const to = policy?.to.find((t) => t.location === route.location);
        for (const proxy of route.proxies) actual.set(`${proxy}|${route.destination}`, `${route.policy}#${to?.index}`);
      }
      const expected = byTheBook(policies, proxies);
      expect(expected.size).toBeGreaterThan(500);
      expect(actual).toEqual(expected);
    });
  }
});
