import type { Diagnostic, SourceLocation } from '../../diagnostics';

/** Kuma 2.6 targetRef kinds, in priority order (later is more specific), as `api/common/v1alpha1/ref.go`. */
export const TARGET_REF_KIND_ORDER = ['Mesh', 'MeshSubset', 'MeshGateway', 'MeshService', 'MeshServiceSubset', 'MeshHTTPRoute'] as const;
export type TargetRefKind = (typeof TARGET_REF_KIND_ORDER)[number];

export const SERVICE_TAG = 'kuma.io/service';
export const PROTOCOL_TAG = 'kuma.io/protocol';

export interface TargetRef {
  kind: TargetRefKind;
  name?: string;
  tags: Record<string, string>;
  proxyTypes?: string[];
}

/** One entry of `backendRefs`: where a share of the traffic goes. */
export interface BackendRef {
  kind: 'MeshService' | 'MeshServiceSubset';
  name: string;
  tags: Record<string, string>;
  /** As written; Kuma's default is 1. */
  weight: number;
  location: SourceLocation;
  nameLocation: SourceLocation;
}

/** One `to[]` entry of a MeshTCPRoute after validation: the destination and the split it asks for. */
export interface TcpRouteTo {
  index: number;
  destination: TargetRef;
  /** The effective backendRefs: the rule's, or "itself, weight 1" for an entry without rules. */
  backendRefs: BackendRef[];
  location: SourceLocation;
  destinationLocation: SourceLocation;
}

/**
 * A MeshTCPRoute that passed validation, or (with `invalid` set) the readable part of one that did not: that one is
 * drawn as "invalid: not applied" and never reaches the resolver.
 */
export interface MeshTCPRoutePolicy {
  kind: 'MeshTCPRoute';
  /** The errors that keep the policy from being applied; set only on a policy read in spite of them. */
  invalid?: Diagnostic[];
  name: string;
  mesh: string;
  /** `kuma.io/display-name` label, else the name: what Kuma sorts by. */
  displayName: string;
  /** `kuma.io/origin`: global (-1) < none (0) < zone (1). */
  origin: string | null;
  targetRef: TargetRef;
  to: TcpRouteTo[];
  location: SourceLocation;
  /** The whole top-level targetRef, for selection in the editor. */
  targetRefLocation: SourceLocation;
  /** The `targetRef` key alone, for diagnostics about the selection. */
  targetRefKeyLocation: SourceLocation;
}

export interface Inbound {
  tags: Record<string, string>;
  port: number | null;
  /** `address` of the inbound, else the Dataplane's `networking.address`: where its endpoint is reached. */
  address?: string | null;
}

export interface Outbound {
  service: string;
  port: number | null;
  tags: Record<string, string>;
  /** `address` of the outbound, when written (Kuma's default is 127.0.0.1). */
  address?: string | null;
}

/** A data plane proxy: declared by a Dataplane resource, or inferred for a mesh that declares none. */
export interface Proxy {
  name: string;
  mesh: string;
  inbounds: Inbound[];
  /** `networking.outbound`, when listed. */
  outbounds: Outbound[] | null;
  /** `transparentProxying.reachableServices`, when set. */
  reachableServices: string[] | null;
  gateway: { type: string; tags: Record<string, string> } | null;
  /** The Dataplane document; null for a proxy inferred from the policies. */
  location: SourceLocation | null;
  /** `metadata.namespace` of a Kubernetes Dataplane: part of its identity (`name.namespace`, as Kuma names it). */
  namespace?: string | null;
  /** `networking.address`. */
  address?: string | null;
  /** True when `networking.transparentProxying` is set: the proxy then reaches services without listing outbounds. */
  transparentProxying?: boolean;
  /** Where each of `reachableServices` is written, in the same order. */
  reachableLocations?: SourceLocation[];
}

/** `matches[].path` of a MeshHTTPRoute rule. */
export interface HttpPathMatch {
  type: 'Exact' | 'PathPrefix' | 'RegularExpression';
  value: string;
}

/** `matches[].headers[]`: type Exact (Kuma's default), Present, RegularExpression, Absent or Prefix. */
export interface HttpHeaderMatch {
  /** As written; Kuma reads a missing type as Exact. */
  type?: string;
  name: string;
  value?: string;
}

export interface HttpQueryParamMatch {
  type: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

/** One `matches[]` item: every field that is set must match. */
export interface HttpMatch {
  path?: HttpPathMatch;
  method?: string;
  headers?: HttpHeaderMatch[];
  queryParams?: HttpQueryParamMatch[];
}

/** A `default.filters[]` item, kept as written (shown, not interpreted). */
export interface HttpFilter {
  type: string;
  [field: string]: unknown;
}

/** One `rules[]` item of a MeshHTTPRoute `to[]` entry. */
export interface HttpRule {
  matches: HttpMatch[];
  /** `default.backendRefs`; null when not set (the rule then sends to the destination itself). */
  backendRefs: BackendRef[] | null;
  /** `default.filters`; null when not set. */
  filters: HttpFilter[] | null;
  location: SourceLocation;
}

export interface HttpRouteTo {
  index: number;
  destination: TargetRef;
  rules: HttpRule[];
  location: SourceLocation;
  destinationLocation: SourceLocation;
}

/** A MeshHTTPRoute that passed validation, or (with `invalid` set) the readable part of one that did not. */
export interface MeshHTTPRoutePolicy {
  kind: 'MeshHTTPRoute';
  /** The errors that keep the policy from being applied; set only on a policy read in spite of them. */
  invalid?: Diagnostic[];
  name: string;
  mesh: string;
  displayName: string;
  origin: string | null;
  targetRef: TargetRef;
  to: HttpRouteTo[];
  location: SourceLocation;
  targetRefLocation: SourceLocation;
  targetRefKeyLocation: SourceLocation;
}

/** Either route policy kind: what priority sorting and selection work on. */
export type RoutePolicy = MeshTCPRoutePolicy | MeshHTTPRoutePolicy;

/** An ExternalService resource: a destination outside the mesh, with its protocol from its tags. */
export interface ExternalServiceDef {
  name: string;
  mesh: string;
  /** Its `kuma.io/service` tag. */
  service: string;
  tags: Record<string, string>;
  /** `networking.address` (`host:port`). */
  address: string | null;
  location: SourceLocation;
}
