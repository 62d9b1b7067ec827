/**
 * What Kuma route policies with errors would have done, for the graph to draw as "invalid: not applied": each one
 * read alone (no priority, no merging with other policies), from the sources its targetRef selects to the backends
 * it names. These never enter the route index, so no valid route changes because of them.
 */
import type { MeshInventory } from '../../model/kuma/inventory';
import { servicesOf } from '../../model/kuma/inventory';
import type { BackendRef, RoutePolicy } from '../../model/kuma/types';
import { compareText } from '../routeIndex';
import { invalidMark, invalidSplits, type BackendSplit, type InvalidRoute } from '../routeTable';
import { backendSplit, type RouteTemplate } from './protocolPrecedence';
import { selects } from './selection';

export function invalidKumaRoutes(meshes: ReadonlyMap<string, MeshInventory>, policies: readonly RoutePolicy[]): InvalidRoute[] {
  const out: InvalidRoute[] = [];
  for (const policy of policies) {
    if (!policy.invalid) continue;
    const inventory = meshes.get(policy.mesh);
    const sources = selectedSources(inventory, policy);
    const mark = invalidMark(policy.invalid);
    for (const { destination, template } of templatesOf(policy)) {
      const base = {
        family: 'kuma' as const,
        mesh: policy.mesh,
        destination,
        port: null,
        protocol: inventory?.services.get(destination) ?? ('unknown' as const),
        ...template,
        sourceLocation: null,
        invalid: mark,
      };
      if (sources.size === 0) out.push({ ...base, source: '', proxies: [] });
      for (const [source, proxies] of sources) out.push({ ...base, source, proxies });
    }
  }
  return out;
}

/** Source services of the proxies the policy's targetRef selects, each with its proxies' names (sorted). */
function selectedSources(inventory: MeshInventory | undefined, policy: RoutePolicy): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  for (const proxy of inventory?.proxies ?? []) {
    if (!selects(policy, proxy)) continue;
    for (const service of servicesOf(proxy)) sources.set(service, [...(sources.get(service) ?? []), proxy.name]);
  }
  return new Map([...sources].sort(([a], [b]) => compareText(a, b)).map(([s, proxies]) => [s, [...proxies].sort(compareText)]));
}

/** One route per `to[]` entry of a MeshTCPRoute, per rule of a MeshHTTPRoute. */
function templatesOf(policy: RoutePolicy): { destination: string; template: RouteTemplate }[] {
  const common = { kind: policy.kind, policy: policy.name, name: null, overridden: [], selectorLocation: policy.targetRefLocation };
  if (policy.kind === 'MeshTCPRoute') {
    return policy.to.map((to) => ({
      destination: to.destination.name ?? '',
      template: { ...common, match: null, backends: splits(to.backendRefs), location: to.location },
    }));
  }
  return policy.to.flatMap((to) => {
    const destination = to.destination.name ?? '';
    const itself: BackendSplit[] = [{ service: destination, tags: {}, weight: 1, percent: 100 }];
    return to.rules.map((rule) => ({
      destination,
      template: { ...common, match: { matches: rule.matches }, backends: rule.backendRefs ? splits(rule.backendRefs) : itself, location: rule.location, ...(rule.filters ? { filters: rule.filters } : {}) },
    }));
  });
}

function splits(refs: readonly BackendRef[]): BackendSplit[] {
  return invalidSplits(refs).map(backendSplit);
}
