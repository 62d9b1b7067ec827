/**
 * What the Envoy export of the current Kuma model (2.14, `reference/kuma/current-model.md` sections 4-5) reads: per
 * proxy, its outbounds and the MeshTCPRoute split each one resolved to. The resolver hands these over; matching,
 * priority and merging have already happened, as in Kuma's own plugin tests, which inject `proxy.Outbounds` and the
 * computed `ToRules` (`conformance/kuma/meshtcproute-plugin-current/README.md`).
 *
 * The export writes what Kuma's MeshTCPRoute plugin emits: one `tcp_proxy` listener per outbound that MeshTCPRoute
 * owns and the clusters its split uses. An outbound whose protocol is HTTP-based and that no MeshTCPRoute takes
 * belongs to the MeshHTTPRoute plugin (`listeners_backendrefs.go:getBackendRefs`): give it `route: {kind: 'default'}`
 * and the export says it is not written, rather than guessing.
 */
import type { SourceLocation } from '../../../diagnostics';
import type { ResourceIdentifier } from '../../../model/kuma/kri';

/** One proxy (Dataplane) of a mesh and everything the export needs to write its MeshTCPRoute listeners and clusters. */
export interface ProxyPlan {
  /** The Dataplane's name: the exported files are `<mesh>/<name>.{listeners,clusters}.<format>`. */
  name: string;
  mesh: string;
  /** Mesh settings that change the clusters. */
  meshSettings: MeshSettings;
  /** `networking.address` of the Dataplane. */
  address: string;
  /** The Dataplane's inbounds, as declared (the source's identity; the TCP listeners do not read them). */
  inbounds: InboundPlan[];
  outbounds: OutboundPlan[];
  /** Where the Dataplane is written, for the export's diagnostics (else the first line of no file). */
  location?: SourceLocation;
}

export interface MeshSettings {
  /** The Mesh has an enabled mTLS backend: clusters get Kuma's client-side mTLS transport socket. */
  mtls: boolean;
  /** `routing.zoneEgress` of the Mesh: MeshExternalService traffic leaves through the zone egress. */
  zoneEgress: boolean;
}

export interface InboundPlan {
  port: number;
  servicePort?: number;
  /** The inbound's name (a MeshService `targetPort` may name it). */
  name?: string;
  tags: Record<string, string>;
}

export type OutboundPlan = LegacyOutboundPlan | ResourceOutboundPlan;

/** A `kuma.io/service` outbound, as in Kuma 2.6 (`ToRules.Rules` of the legacy name). */
export interface LegacyOutboundPlan {
  kind: 'legacy';
  /** Listener address; `127.0.0.1` when absent (Kuma's default). */
  address?: string;
  /** Listener port. */
  port: number;
  /** `kuma.io/service` of the destination: the cluster and stat prefix of its default route. */
  service: string;
  /** The outbound's tags (listener metadata `io.kuma.tags`; `kuma.io/service` is set from `service`). */
  tags: Record<string, string>;
  /** The destination's `kuma.io/protocol` (`unknown` when not tagged: Kuma treats it as tcp). */
  protocol: string;
  route: TcpRoutePlan;
}

/** An outbound of a real resource's port: a MeshService, MeshExternalService or MeshMultiZoneService. */
export interface ResourceOutboundPlan {
  kind: 'resource';
  /** The outbound's KRI: the resource, with `sectionName` = the port's section (its name, else `"<port>"`; `""` for a MeshExternalService). */
  resource: ResourceIdentifier;
  /** The number of the port the section names (`FindPortByName`): it names the cluster and stat prefix (`..._msvc_80`). */
  destinationPort: number;
  /** Listener address: the resource's VIP; `127.0.0.1` when absent. */
  address?: string;
  /** Listener port: the VIP's port (the resource port), or the Dataplane's own `outbound[].port`. */
  port: number;
  /** The port's `appProtocol` (a MeshExternalService's `match.protocol`); empty or absent means tcp. */
  protocol?: string;
  route: TcpRoutePlan;
}

/**
 * The MeshTCPRoute conf the outbound resolved to: the winning `default.backendRefs` (merged as Kuma does), or no
 * MeshTCPRoute at all, which is the default route to the outbound itself with weight 100
 * (`DestinationService.DefaultBackendRef`).
 */
export type TcpRoutePlan = { kind: 'split'; backendRefs: BackendRefPlan[] } | { kind: 'default' };

export type BackendRefPlan = ResourceBackendRefPlan | LegacyBackendRefPlan;

/**
 * A backendRef that references a real resource (`BackendRef.ReferencesRealObject`: a MeshService with `port` or
 * `sectionName`, a MeshExternalService, a MeshMultiZoneService), resolved relative to the winning policy
 * (`rules/resolve/backendref.go`). Unresolved refs are dropped by the resolver, as Kuma does.
 */
export interface ResourceBackendRefPlan {
  kind: 'resource';
  /** The referenced resource; `sectionName` as written (`sectionName`, else `"<port>"`). */
  resource: ResourceIdentifier;
  /** The number of the referenced port. */
  port: number;
  /** `weight` as written, else 1. Weight 0 drops the ref. */
  weight: number;
  /**
   * The referenced port's `appProtocol` (a MeshExternalService's `match.protocol`), when known: a MeshTCPRoute split
   * keeps only tcp, kafka, http, http2, grpc or unknown ones; it sets a MeshExternalService cluster's HTTP options.
   */
  protocol?: string;
}

/** A `kuma.io/service` backendRef (MeshServiceSubset, or MeshService without `port`/`sectionName`), as in Kuma 2.6. */
export interface LegacyBackendRefPlan {
  kind: 'legacy';
  service: string;
  /** Subset tags, without `kuma.io/service`. */
  tags: Record<string, string>;
  weight: number;
}
