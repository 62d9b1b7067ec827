/**
 * The real outbounds (destination ports) a proxy reaches under the current model. Kuma gives one per VIP and port;
 * Route Studio assumes every destination has its VIP (Kuma allocates them), so: `reachableBackends.refs` when set
 * (`destination_index.go:GetReachableBackends`); with transparent proxying every port of the mesh; without it,
 * every port but those of the proxy's own MeshServices (the convention for pasted inbound-only Dataplanes, as in the
 * 2.6 model).
 */
import { tagsMatch } from '../selection';
import { sectionOf, type DestinationResource } from '../../../model/kuma/current/types';
import type { Proxy } from '../../../model/kuma/types';
import { labelsMatch, proxyIdentity } from './proxyIdentity';
import type { Outbound } from './outboundRoutes';

/** Whether a MeshService selects this proxy (one of its inbounds, its name, or its labels). */
export function selectsOwnProxy(resource: DestinationResource, proxy: Proxy): boolean {
  const selector = resource.selector;
  switch (selector.kind) {
    case 'dataplaneTags':
      return proxy.inbounds.some((i) => tagsMatch(selector.tags, i.tags));
    case 'dataplaneRef':
      return selector.name === proxy.name;
    case 'dataplaneLabels':
      return labelsMatch(selector.labels, proxyIdentity(proxy).labels);
    default:
      return false;
  }
}

export function reachableOutbounds(proxy: Proxy, all: readonly DestinationResource[]): Outbound[] {
  const out: Outbound[] = [];
  if (proxy.reachableBackends) {
    const namespace = proxyIdentity(proxy).namespace;
    for (const ref of proxy.reachableBackends) {
      for (const resource of all) {
        if (resource.kind !== ref.kind) continue;
        if (ref.labels ? !labelsMatch(ref.labels, resource.labels) : resource.id.name !== ref.name || resource.id.namespace !== (ref.namespace ?? namespace)) continue;
        for (const port of resource.ports) if (ref.port === undefined || ref.port === port.port) out.push({ resource, port });
      }
    }
    return dedupe(out);
  }
  for (const resource of all) {
    if (!proxy.transparentProxying && resource.kind === 'MeshService' && selectsOwnProxy(resource, proxy)) continue;
    for (const port of resource.ports) out.push({ resource, port });
  }
  return out;
}

function dedupe(list: Outbound[]): Outbound[] {
  const seen = new Set<string>();
  return list.filter((o) => {
    const key = `${o.resource.kind}|${o.resource.name}|${o.resource.id.namespace}|${sectionOf(o.port)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
