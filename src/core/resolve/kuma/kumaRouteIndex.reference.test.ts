/**
 * The route index shares work across proxies (classes, lazily built resolutions). This test checks it against a
 * plain reading of Kuma 2.6's algorithm, written here again without the resolver's selection and priority
 * helpers: proxy by proxy, every selecting policy in priority order, and per reachable destination and port the
 * last matching `to[]` entry wins. The random meshes have listed outbounds (a service on two ports),
 * `reachableServices`, Dataplanes with several inbounds, `kuma.io/origin` and display-name labels,
 * `proxyTypes`, rule-less `to[]` entries and a destination repeated in one policy's `to[]`.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../bench/syntheticMesh';
import { analyze, createParseCache, routeList, type Analysis } from '../../index';
import { kumaIndexBuilds } from './kumaRouteIndex';

const SERVICES = ['api', 'auth', 'billing', 'cart', 'db', 'edge', 'feed', 'geo', 'hub', 'ivy'];

interface PlainProxy {
  name: string;
  inbounds: Record<string, string>[];
  outbounds: { service: string; port: number }[] | null;
  reachable: string[] | null;
}

interface PlainPolicy {
  name: string;
  kind: 'Mesh' | 'MeshSubset' | 'MeshService' | 'MeshServiceSubset';
  targetName?: string;
  tags: Record<string, string>;
  proxyTypes?: string[];
  origin?: 'global' | 'zone';
  displayName?: string;
  to: string[];
}

function randomMesh(seed: number): { proxies: PlainProxy[]; policies: PlainPolicy[] } {
  const random = mulberry32(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const proxies: PlainProxy[] = [];
  SERVICES.forEach((service, i) => {
    for (const version of ['v1', 'v2']) {
      const inbounds = [{ 'kuma.io/service': service, version, zone: pick(['eu', 'us']) }];
      if (chance(0.2)) inbounds.push({ 'kuma.io/service': pick(SERVICES), version: 'v3', zone: 'eu' });
      const shape = random();
      const outbounds = shape < 0.35 ? [0, 1, 2].map(() => ({ service: pick(SERVICES), port: 9000 + Math.floor(random() * 3) })) : null;
      const reachable = shape >= 0.35 && shape < 0.6 ? SERVICES.filter(() => chance(0.4)) : null;
      proxies.push({ name: `${service}-${version}-${i}`, inbounds, outbounds, reachable: reachable && reachable.length > 0 ? reachable : null });
    }
  });
  const policies: PlainPolicy[] = [];
  for (let r = 0; r < 30; r++) {
    const kind = pick(['Mesh', 'MeshSubset', 'MeshService', 'MeshServiceSubset'] as const);
    const policy: PlainPolicy = { name: `route-${String.fromCharCode(97 + (r % 7))}${r}`, kind, tags: {}, to: [] };
    if (kind === 'MeshSubset') policy.tags = chance(0.5) ? { version: pick(['v1', 'v2', 'v3']) } : { zone: pick(['eu', 'us']), 'kuma.io/service': pick(SERVICES) };
    if (kind === 'MeshService' || kind === 'MeshServiceSubset') policy.targetName = pick(SERVICES);
    if (kind === 'MeshServiceSubset') policy.tags = { version: pick(['v1', 'v2', 'v3']) };
    if ((kind === 'Mesh' || kind === 'MeshSubset') && chance(0.2)) policy.proxyTypes = [pick(['Sidecar', 'Gateway'])];
    if (chance(0.3)) policy.origin = pick(['global', 'zone']);
    if (chance(0.3)) policy.displayName = `shown-${pick(['a', 'b', 'c'])}`;
    const count = 1 + Math.floor(random() * 3);
    for (let t = 0; t < count; t++) policy.to.push(pick(SERVICES));
    if (chance(0.2)) policy.to.push(policy.to[0] as string); // the same destination twice: the later entry wins
    policies.push(policy);
  }
  return { proxies, policies };
}

function yamlOf({ proxies, policies }: ReturnType<typeof randomMesh>): string {
  const docs: string[] = [];
  for (const p of proxies) {
    const lines = ['type: Dataplane', 'mesh: default', `name: ${p.name}`, 'networking:', '  address: 10.0.0.1'];
    lines.push('  inbound:');
    p.inbounds.forEach((tags, i) => {
      lines.push(`    - port: ${8080 + i}`, '      tags:');
      for (const [k, v] of Object.entries(tags)) lines.push(`        ${k}: ${v}`);
    });
    if (p.outbounds) {
      lines.push('  outbound:');
      for (const o of p.outbounds) lines.push(`    - port: ${o.port}`, '      tags:', `        kuma.io/service: ${o.service}`);
    }
    if (p.reachable) lines.push('  transparentProxying:', '    redirectPortInbound: 15006', '    redirectPortOutbound: 15001', `    reachableServices: [${p.reachable.join(', ')}]`);
    docs.push(lines.join('\n'));
  }
  for (const p of policies) {
    const lines = ['type: MeshTCPRoute', 'mesh: default', `name: ${p.name}`];
    const labels = { ...(p.origin ? { 'kuma.io/origin': p.origin } : {}), ...(p.displayName ? { 'kuma.io/display-name': p.displayName } : {}) };
    if (Object.keys(labels).length > 0) lines.push('labels:', ...Object.entries(labels).map(([k, v]) => `  ${k}: ${v}`));
    lines.push('spec:', '  targetRef:', `    kind: ${p.kind}`);
    if (p.targetName) lines.push(`    name: ${p.targetName}`);
    if (Object.keys(p.tags).length > 0) lines.push('    tags:', ...Object.entries(p.tags).map(([k, v]) => `      ${k}: '${v}'`));
    if (p.proxyTypes) lines.push(`    proxyTypes: [${p.proxyTypes.join(', ')}]`);
    lines.push('  to:');
    p.to.forEach((destination, i) => {
      lines.push('    - targetRef:', '        kind: MeshService', `        name: ${destination}`);
      if (i % 2 === 0) lines.push('      rules:', '        - default:', '            backendRefs:', '              - kind: MeshService', `                name: ${destination}`, `                weight: ${i + 1}`);
    });
    docs.push(lines.join('\n'));
  }
  return docs.join('\n---\n');
}

/** `proxy|source|destination|port` -> `policy#to-index`, by the book. */
function byTheBook({ proxies, policies }: ReturnType<typeof randomMesh>): Map<string, string> {
  const kindOrder = ['Mesh', 'MeshSubset', 'MeshGateway', 'MeshService', 'MeshServiceSubset'];
  const originOrder = (p: PlainPolicy) => (p.origin === 'global' ? -1 : p.origin === 'zone' ? 1 : 0);
  const shown = (p: PlainPolicy) => p.displayName ?? p.name;
  const sorted = [...policies].sort(
    (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || originOrder(a) - originOrder(b) || (shown(a) < shown(b) ? 1 : shown(a) > shown(b) ? -1 : 0),
  );
  const meshServices = new Set<string>();
  for (const p of proxies) for (const inbound of p.inbounds) meshServices.add(inbound['kuma.io/service'] as string);
  for (const p of policies) {
    if (p.targetName) meshServices.add(p.targetName);
    for (const d of p.to) meshServices.add(d);
  }
  const inboundMatches = (selector: Record<string, string>, inbound: Record<string, string>) =>
    Object.entries(selector).every(([k, v]) => inbound[k] !== undefined && inbound[k] === v);
  const out = new Map<string, string>();
  for (const proxy of proxies) {
    const own = [...new Set(proxy.inbounds.map((i) => i['kuma.io/service'] as string))];
    const selecting = sorted.filter((p) => {
      if (p.proxyTypes && !p.proxyTypes.includes('Sidecar')) return false;
      const selector = p.kind === 'MeshService' || p.kind === 'MeshServiceSubset' ? { ...p.tags, 'kuma.io/service': p.targetName as string } : p.tags;
      return proxy.inbounds.some((inbound) => inboundMatches(selector, inbound));
    });
    const winners = new Map<string, string>();
    for (const p of selecting) p.to.forEach((destination, i) => winners.set(destination, `${p.name}#${i}`));
    const ports = (destination: string): (number | null)[] => {
      if (proxy.outbounds) return [...new Set(proxy.outbounds.filter((o) => o.service === destination).map((o) => o.port))];
      if (proxy.reachable) return proxy.reachable.includes(destination) ? [null] : [];
      return meshServices.has(destination) && !own.includes(destination) ? [null] : [];
    };
    for (const [destination, winner] of winners) {
      for (const port of ports(destination)) for (const source of own) out.set(`${proxy.name}|${source}|${destination}|${port}`, winner);
    }
  }
  return out;
}

/** The index's answers, as `byTheBook` keys them. */
function routesOf(analysis: Analysis, mesh: ReturnType<typeof randomMesh>): Map<string, string> {
  const actual = new Map<string, string>();
  for (const route of routeList(analysis.index)) {
    const policy = mesh.policies.find((p) => p.name === route.policy);
    const toIndex = Number(/to\[(\d+)\]/.exec(route.location?.path ?? '')?.[1]);
    expect(policy?.to[toIndex]).toBe(route.destination);
    for (const proxy of route.proxies) actual.set(`${proxy}|${route.source}|${route.destination}|${route.port}`, `${route.policy}#${toIndex}`);
  }
  return actual;
}

describe('the Kuma route index against the plain algorithm', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`agrees on every proxy, source, destination and port of a random mesh (seed ${seed})`, () => {
      const mesh = randomMesh(seed);
      const text = yamlOf(mesh);
      const analysis = analyze([{ name: 'mesh.yaml', text }]);
      expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const expected = byTheBook(mesh);
      expect(expected.size).toBeGreaterThan(40);
      expect(routesOf(analysis, mesh)).toEqual(expected);
      // The index answers a source's and a destination's questions with the same entries as the whole table.
      const all = routeList(analysis.index);
      for (const source of analysis.index.sources()) expect(routeList(analysis.index, { from: source })).toEqual(all.filter((r) => r.source === source));
      for (const destination of analysis.index.destinations()) {
        expect(routeList(analysis.index, { to: destination })).toEqual(all.filter((r) => r.destination === destination));
      }
      expect(analysis.index.sources()).toEqual([...new Set(all.map((r) => r.source))].sort());
      expect(analysis.index.destinations()).toEqual([...new Set(all.map((r) => r.destination))].sort());
    });

    it(`agrees after an edit that keeps every selection, with the classes kept (seed ${seed})`, () => {
      const mesh = randomMesh(seed);
      const parseCache = createParseCache();
      const before = analyze([{ name: 'mesh.yaml', text: yamlOf(mesh) }], { parseCache });
      // Every policy routes elsewhere (destinations rotated, one dropped or added), whom it selects unchanged.
      const edited = {
        ...mesh,
        policies: mesh.policies.map((p, i) => ({ ...p, to: i % 3 === 0 ? [...p.to.slice(1), SERVICES[(i + seed) % SERVICES.length] as string] : p.to.map((d) => SERVICES[(SERVICES.indexOf(d) + 1) % SERVICES.length] as string) })),
      };
      const kept = kumaIndexBuilds.kept;
      const after = analyze([{ name: 'mesh.yaml', text: yamlOf(edited) }], { parseCache });
      expect(kumaIndexBuilds.kept).toBe(kept + 1);
      expect(routesOf(after, edited)).toEqual(byTheBook(edited));
      // The earlier analysis still answers for the text it was made of.
      expect(routesOf(before, mesh)).toEqual(byTheBook(mesh));
      // A policy that selects differently is matched again: the classes are built anew.
      const reselected = { ...edited, policies: edited.policies.map((p, i) => (i === 0 ? { ...p, kind: 'Mesh' as const, targetName: undefined, tags: {} } : p)) };
      const built = kumaIndexBuilds.built;
      const third = analyze([{ name: 'mesh.yaml', text: yamlOf(reselected) }], { parseCache });
      expect(kumaIndexBuilds.built).toBe(built + 1);
      expect(routesOf(third, reselected)).toEqual(byTheBook(reselected));
    });

    it(`agrees after edits of one policy at a time, the classes of the others taken over (seed ${seed})`, () => {
      let mesh = randomMesh(seed);
      const parseCache = createParseCache();
      let previous = analyze([{ name: 'mesh.yaml', text: yamlOf(mesh) }], { parseCache });
      routesOf(previous, mesh); // every class resolved, so that there is something to take over
      for (const [i, policy] of mesh.policies.entries()) {
        if (i > 6) break;
        const before = mesh;
        mesh = { ...mesh, policies: mesh.policies.map((p, j) => (j === i ? { ...p, to: p.to.map((d) => SERVICES[(SERVICES.indexOf(d) + 1) % SERVICES.length] as string) } : p)) };
        const analysis = analyze([{ name: 'mesh.yaml', text: yamlOf(mesh) }], { parseCache });
        expect(routesOf(analysis, mesh), `after editing ${policy.name}`).toEqual(byTheBook(mesh));
        // The analysis before the edit still answers for its own text, sharing the classes it lent.
        expect(routesOf(previous, before)).toEqual(byTheBook(before));
        previous = analysis;
      }
    });
  }
});
