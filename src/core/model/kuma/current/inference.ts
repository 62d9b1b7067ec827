/**
 * MeshServices inferred from Dataplanes when a mesh of the current model declares none (`reference/kuma/current-model.md`
 * section 1.3, Route Studio's guidance, said in an info):
 * - a Kubernetes Dataplane's inbound tags `k8s.kuma.io/service-name`, `k8s.kuma.io/namespace`,
 *   `k8s.kuma.io/service-port` and `kuma.io/protocol` give the Service, its namespace, port and protocol; the port's
 *   name is unknown (the inbound's name is the container's port name), so a `sectionName` cannot be checked;
 * - otherwise, as Kuma's universal generator: one MeshService per `kuma.io/service` value that is a DNS-1035 label,
 *   one port per inbound (name = inbound name or none, port = targetPort = inbound port, protocol from the tag).
 * On a port number two Dataplanes disagree about, the first one read wins (Kuma: the oldest).
 */
import { DISPLAY_NAME_LABEL, NAMESPACE_LABEL } from './scope';
import type { DestinationPort, DestinationResource } from './types';
import { PROTOCOL_TAG, SERVICE_TAG, type Proxy } from '../types';

const DNS_1035 = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface Inference {
  resources: DestinationResource[];
  /** `kuma.io/service` values that are not DNS-1035 labels: Kuma's generator makes no MeshService for them. */
  skipped: string[];
}

export function inferMeshServices(mesh: string, proxies: readonly Proxy[]): Inference {
  const byKey = new Map<string, DestinationResource>();
  const skipped = new Set<string>();
  for (const proxy of proxies) {
    for (const inbound of proxy.inbounds) {
      const service = inbound.tags[SERVICE_TAG] ?? '';
      const k8sName = inbound.tags['k8s.kuma.io/service-name'];
      const namespace = k8sName ? (inbound.tags[NAMESPACE_LABEL] ?? proxy.namespace ?? '') : '';
      const name = k8sName ?? service;
      if (!k8sName && !DNS_1035.test(service)) {
        skipped.add(service);
        continue;
      }
      const portNumber = k8sName ? Number(inbound.tags['k8s.kuma.io/service-port'] ?? inbound.port) : inbound.port;
      if (portNumber === null || !Number.isFinite(portNumber)) continue;
      const key = `${name}\u0000${namespace}`;
      let resource = byKey.get(key);
      if (!resource) {
        const labels: Record<string, string> = { [DISPLAY_NAME_LABEL]: name, ...(namespace ? { [NAMESPACE_LABEL]: namespace } : {}) };
        resource = {
          kind: 'MeshService',
          name,
          mesh,
          labels,
          id: { kind: 'MeshService', mesh, zone: '', namespace, name, sectionName: '' },
          ports: [],
          selector: { kind: 'dataplaneTags', tags: { [SERVICE_TAG]: service } },
          age: byKey.size,
          location: null,
          inferredFrom: `Dataplane ${proxy.name}`,
          ...(k8sName ? { portNamesUnknown: true } : {}),
        };
        byKey.set(key, resource);
      }
      if (resource.ports.some((p) => p.port === portNumber)) continue;
      const port: DestinationPort = {
        name: k8sName ? null : (inbound.name ?? null),
        port: portNumber,
        targetPort: inbound.port,
        appProtocol: inbound.tags[PROTOCOL_TAG] ?? 'tcp',
      };
      resource.ports.push(port);
    }
  }
  return { resources: [...byKey.values()], skipped: [...skipped] };
}
