/**
 * Kuma's client-side mTLS on outbound clusters (`pkg/xds/envoy/clusters/v3/client_side_mtls_configurer.go`,
 * `pkg/xds/envoy/tls/v3/tls.go:CreateUpstreamTlsContext`) and the SNIs it sets (`pkg/xds/envoy/tls/sni.go`).
 */
import { SERVICE_TAG } from '../../../model/kuma/types';
import type { Json } from '../listeners';

/** FNV-1a, 64 bits (Go's `hash/fnv.New64a`), in hex. */
function fnv64a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

const DNS_LABEL_LIMIT = 63;
const SNI_TYPES = { MeshService: 'ms', MeshExternalService: 'mes', MeshMultiZoneService: 'mzms' } as const;

/** `SNIForResource(name, mesh, type, port, nil)`: `a<fnv64a("<name>;<mesh>;")>.<name>.<port>.<mesh>.<type>`. */
export function sniForResource(name: string, mesh: string, kind: keyof typeof SNI_TYPES, port: number): string {
  const hash = fnv64a(`${name};${mesh};`);
  const label = (s: string) => (s.length > DNS_LABEL_LIMIT - 1 ? `${s.slice(0, DNS_LABEL_LIMIT - 1)}x` : s);
  return `a${hash}.${label(name)}.${port}.${label(mesh)}.${SNI_TYPES[kind]}`;
}

/** `SNIFromTags`: `<service>{k1=v1,k2=v2}` over the other tags sorted by key (`mesh` included), or `<service>`. */
export function sniFromTags(service: string, tags: Record<string, string>): string {
  const extra = Object.keys(tags)
    .filter((k) => k !== SERVICE_TAG)
    .sort()
    .map((k) => `${k}=${tags[k]}`)
    .join(',');
  return extra ? `${service}{${extra}}` : service;
}

function sdsSecret(name: string): Json {
  return { name, sdsConfig: { ads: {}, resourceApiVersion: 'V3' } };
}

/**
 * The `envoy.transport_sockets.tls` of a cluster to `upstreamService` of `mesh` (its SPIFFE ID is the one SAN checked),
 * with the mesh CA and the proxy's identity certificate from SDS, ALPN `kuma`.
 */
export function clientMtlsSocket(mesh: string, upstreamService: string, sni: string): Json {
  return {
    name: 'envoy.transport_sockets.tls',
    typedConfig: {
      '@type': 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext',
      commonTlsContext: {
        alpnProtocols: ['kuma'],
        combinedValidationContext: {
          defaultValidationContext: { matchTypedSubjectAltNames: [{ matcher: { exact: `spiffe://${mesh}/${upstreamService}` }, sanType: 'URI' }] },
          validationContextSdsSecretConfig: sdsSecret(`mesh_ca:secret:${mesh}`),
        },
        tlsCertificateSdsSecretConfigs: [sdsSecret(`identity_cert:secret:${mesh}`)],
      },
      sni,
    },
  };
}

/** Kuma's service name of the zone egress (`mesh_proto.ZoneEgressServiceName`). */
export const ZONE_EGRESS_SERVICE = 'zone-egress';
