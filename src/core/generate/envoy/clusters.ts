/**
 * Clusters and their load assignments as Kuma 2.6 generates them (`meshroute.GenerateClusters`/`GenerateEndpoints`):
 * a mesh service is an EDS cluster (always with HTTP/2 options), a subset is a cluster of its own whose endpoints
 * are those carrying the subset's tags; an ExternalService is a STATIC (or STRICT_DNS) cluster with its endpoint inline.
 */
import type { MeshInventory } from '../../model/kuma/inventory';
import { SERVICE_TAG, type ExternalServiceDef } from '../../model/kuma/types';
import type { Json } from './listeners';

/** A cluster a route sends to: the service and the subset tags (without `kuma.io/service`). */
export interface ClusterRef {
  name: string;
  service: string;
  tags: Record<string, string>;
}

const HTTP_OPTIONS = 'envoy.extensions.upstreams.http.v3.HttpProtocolOptions';

function protocolOptions(explicitHttpConfig: Json): Json {
  return { typedExtensionProtocolOptions: { [HTTP_OPTIONS]: { '@type': `type.googleapis.com/${HTTP_OPTIONS}`, explicitHttpConfig } } };
}

/** `envoy_clusters.Http()` for http, `Http2()` for http2 and grpc, nothing for other protocols: an external cluster's options. */
export function httpOptionsFor(protocol: string | undefined): Json {
  if (protocol === 'http') return protocolOptions({ httpProtocolOptions: {} });
  return protocol === 'http2' || protocol === 'grpc' ? protocolOptions({ http2ProtocolOptions: {} }) : {};
}

/** An EDS cluster (`envoy_clusters.EdsCluster()`), with its transport socket and HTTP options when given. */
export function edsCluster(name: string, options: { transportSocket?: Json; http?: Json } = {}): Json {
  return {
    '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
    edsClusterConfig: { edsConfig: { ads: {}, resourceApiVersion: 'V3' } },
    name,
    ...(options.transportSocket ? { transportSocket: options.transportSocket } : {}),
    type: 'EDS',
    ...options.http,
  };
}

/** A mesh service's cluster: EDS, always with HTTP/2 options (`EdsCluster()` + `Http2()`). */
export function meshServiceCluster(name: string, transportSocket?: Json): Json {
  return edsCluster(name, { transportSocket, http: protocolOptions({ http2ProtocolOptions: {} }) });
}

export function cluster(ref: ClusterRef, inventory: MeshInventory): Json {
  const external = inventory.external?.get(ref.service);
  if (external) return externalCluster(ref, external, inventory);
  return meshServiceCluster(ref.name);
}

function externalCluster(ref: ClusterRef, es: ExternalServiceDef, inventory: MeshInventory): Json {
  const protocol = inventory.services.get(ref.service);
  const [host = '', port = '0'] = splitHostPort(es.address ?? '');
  return {
    '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
    loadAssignment: { clusterName: ref.name, endpoints: [{ lbEndpoints: [lbEndpoint(host, Number(port), es.tags)] }] },
    name: ref.name,
    type: /^[\d.]+$/.test(host) ? 'STATIC' : 'STRICT_DNS',
    ...httpOptionsFor(protocol),
  };
}

/**
 * The ClusterLoadAssignment of a mesh-service cluster (null for an ExternalService: its endpoint is inline).
 * `skipped` receives the Dataplanes whose matching inbound has no address or no port.
 */
export function loadAssignment(ref: ClusterRef, inventory: MeshInventory, skipped: (proxy: string) => void = () => {}): Json | null {
  if (inventory.external?.has(ref.service)) return null;
  const lbEndpoints: Json[] = [];
  for (const proxy of inventory.proxies) {
    for (const inbound of proxy.inbounds) {
      if (inbound.tags[SERVICE_TAG] !== ref.service) continue;
      if (!Object.entries(ref.tags).every(([k, v]) => inbound.tags[k] === v)) continue;
      if (!inbound.address || inbound.port === null) skipped(proxy.name);
      else lbEndpoints.push(lbEndpoint(inbound.address, inbound.port, inbound.tags));
    }
  }
  return {
    '@type': 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
    clusterName: ref.name,
    ...(lbEndpoints.length > 0 ? { endpoints: [{ lbEndpoints }] } : {}),
  };
}

function lbEndpoint(address: string, port: number, tags: Record<string, string>): Json {
  const { [SERVICE_TAG]: _service, ...metadata } = tags;
  return {
    endpoint: { address: { socketAddress: { address, portValue: port } } },
    loadBalancingWeight: 1,
    metadata: { filterMetadata: { 'envoy.lb': metadata, 'envoy.transport_socket_match': metadata } },
  };
}

function splitHostPort(address: string): [string, string] {
  const at = address.lastIndexOf(':');
  return at < 0 ? [address, '0'] : [address.slice(0, at), address.slice(at + 1)];
}
