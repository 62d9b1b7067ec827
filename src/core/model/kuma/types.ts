import type { SourceLocation } from '../../diagnostics';

/** Kuma 2.6 targetRef kinds, in priority order (later is more specific), as `api/common/v1alpha1/ref.go`. */
export const TARGET_REF_KIND_ORDER = ['Mesh', 'MeshSubset', 'MeshGateway', 'MeshService', 'MeshServiceSubset', 'MeshHTTPRoute'] as const;
/** The kinds of Kuma 2.6, and those the current model (2.9+) adds; the 2.6 readers refuse the added ones. */
export type TargetRefKind = (typeof TARGET_REF_KIND_ORDER)[number] | 'Dataplane' | 'MeshExternalService' | 'MeshMultiZoneService';

export const SERVICE_TAG = 'kuma.io/service';
export const PROTOCOL_TAG = 'kuma.io/protocol';

export interface TargetRef {
  kind: TargetRefKind;
  name?: string;
  tags: Record<string, string>;
  proxyTypes?: string[];
  /** Current model: `namespace`, `labels` (null when not written) and `sectionName` of the targetRef. */
  namespace?: string;
  labels?: Record<string, string> | null;
  sectionName?: string;
}

/** One entry of `backendRefs`: where a share of the traffic goes. */
export interface BackendRef {
  kind: 'MeshService' | 'MeshServiceSubset' | 'MeshExternalService' | 'MeshMultiZoneService';
  name: string;
  tags: Record<string, string>;
  /** Current model: as written (`labels` null when not written). */
  namespace?: string;
  labels?: Record<string, string> | null;
  port?: number;
  sectionName?: string;
  /** Set by the current-model resolver on a backendRef it resolved to a real resource's port: that port's KRI. */
  kri?: string;
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

/** Kuma's policy roles (`kuma.io/policy-role`), in ascending priority. */
export const POLICY_ROLES = ['system', 'producer', 'consumer', 'workload-owner'] as const;
export type PolicyRole = (typeof POLICY_ROLES)[number];

/** What the current model needs to know about where a policy lives. */
export interface PolicyScope {
  /** The resource labels as written (universal `labels`, Kubernetes `metadata.labels`). */
  labels: Record<string, string>;
  /** `k8s.kuma.io/namespace` label, else `metadata.namespace`; empty when neither. */
  namespace: string;
  /** `kuma.io/zone` label; empty when not set. */
  zone: string;
  /** From `kuma.io/policy-role`, or computed from the namespace as Kuma's control plane does. */
  role: PolicyRole;
  /** `kuma.io/effect: shadow`: the policy applies to nothing. */
  shadow: boolean;
}

/** A MeshTCPRoute that passed validation. Invalid policies never reach the resolver. */
export interface MeshTCPRoutePolicy {
  kind: 'MeshTCPRoute';
  name: string;
  mesh: string;
  /** `kuma.io/display-name` label, else the name: what Kuma sorts by. */
  displayName: string;
  /** `kuma.io/origin`: global (-1) < none (0) < zone (1). */
  origin: string | null;
  /** Where the policy lives (current model): its labels, namespace and role. */
  scope: PolicyScope;
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
  /** `name` of the inbound (current model: what a MeshService `targetPort` or a `sectionName` may name). */
  name?: string | null;
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
  /** The resource labels (universal `labels`, Kubernetes `metadata.labels`): what a `Dataplane` targetRef selects by. */
  labels?: Record<string, string>;
  /** `transparentProxying.reachableBackends.refs` (current model), null when not set. */
  reachableBackends?: ReachableBackendRef[] | null;
}

/** One `reachableBackends.refs[]` entry. */
export interface ReachableBackendRef {
  kind: string;
  name?: string;
  namespace?: string;
  port?: number;
  labels?: Record<string, string>;
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

/** A MeshHTTPRoute that passed validation. */
export interface MeshHTTPRoutePolicy {
  kind: 'MeshHTTPRoute';
  name: string;
  mesh: string;
  displayName: string;
  origin: string | null;
  scope: PolicyScope;
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
