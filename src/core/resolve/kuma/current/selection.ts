/**
 * Which proxies a policy selects under the current model (`matchers/dataplane.go:DppSelectedByPolicy`): shadow
 * policies none; the zone and namespace filters of its role; then its top-level targetRef (the old kinds by inbound
 * tags, as 2.6; `Dataplane` by name and namespace, or by resource labels).
 */
import type { Proxy, RoutePolicy } from '../../../model/kuma/types';
import { selects } from '../selection';
import { labelsMatch, proxyIdentity } from './proxyIdentity';

export function selectsProxy(policy: RoutePolicy, proxy: Proxy): boolean {
  const { scope } = policy;
  if (scope.shadow) return false;
  const dp = proxyIdentity(proxy);
  if (!selectedByZone(policy, dp.labels)) return false;
  if ((scope.role === 'consumer' || scope.role === 'workload-owner') && (scope.namespace === '' || scope.namespace !== dp.namespace)) return false;
  const ref = policy.targetRef;
  if (ref.kind !== 'Dataplane') return selects(policy, proxy);
  if (proxy.gateway?.type === 'BUILTIN') return false;
  const all = !ref.name && !ref.namespace && !ref.labels;
  if (all) return true;
  if (ref.name && ref.name === dp.name && (ref.namespace ?? scope.namespace) === dp.namespace && scope.zone === dp.zone && policy.mesh === dp.mesh) return true;
  return ref.labels ? labelsMatch(ref.labels, dp.labels) : false;
}

/** `dppSelectedByZone`: a zone-origin policy acts only on the Dataplanes of its zone (producers everywhere). */
function selectedByZone(policy: RoutePolicy, dpLabels: Record<string, string>): boolean {
  if (policy.scope.role === 'producer') return true;
  const dpOrigin = dpLabels['kuma.io/origin'];
  if (dpOrigin === undefined || dpOrigin === 'global') return true;
  if (policy.scope.labels['kuma.io/origin'] !== 'zone') return true;
  const zone = policy.scope.labels['kuma.io/zone'];
  return zone === undefined || dpLabels['kuma.io/zone'] === zone;
}
