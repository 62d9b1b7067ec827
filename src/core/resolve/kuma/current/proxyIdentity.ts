/** A Dataplane as the current model identifies it: its KRI fields and its resource labels. */
import { DISPLAY_NAME_LABEL, NAMESPACE_LABEL, ZONE_LABEL } from '../../../model/kuma/current/scope';
import type { Proxy } from '../../../model/kuma/types';

export interface ProxyIdentity {
  mesh: string;
  zone: string;
  namespace: string;
  /** `kuma.io/display-name`, else the Dataplane's name (Kubernetes: without its `.namespace`). */
  name: string;
  labels: Record<string, string>;
}

export function proxyIdentity(proxy: Proxy): ProxyIdentity {
  const labels = { ...(proxy.labels ?? {}) };
  const namespace = labels[NAMESPACE_LABEL] ?? proxy.namespace ?? '';
  if (namespace !== '' && labels[NAMESPACE_LABEL] === undefined) labels[NAMESPACE_LABEL] = namespace;
  const written = proxy.namespace && proxy.name.endsWith(`.${proxy.namespace}`) ? proxy.name.slice(0, -proxy.namespace.length - 1) : proxy.name;
  return { mesh: proxy.mesh, zone: labels[ZONE_LABEL] ?? '', namespace, name: labels[DISPLAY_NAME_LABEL] ?? written, labels };
}

/** Every label of `selector` is on `labels` with the same value. */
export function labelsMatch(selector: Record<string, string>, labels: Record<string, string>): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}
