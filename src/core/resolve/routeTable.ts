import type { Diagnostic, SourceLocation } from '../diagnostics';

export type Family = 'kuma' | 'tsb';
export type Protocol = 'tcp' | 'http' | 'http2' | 'grpc' | 'kafka' | 'tls' | 'unknown';
export type RouteKind = 'MeshTCPRoute' | 'MeshHTTPRoute' | 'ServiceRoute' | 'default';

/** One weighted destination of a route. */
export interface BackendSplit {
  service: string;
  tags: Record<string, string>;
  subset?: string;
  port?: number;
  /** As written. */
  weight: number;
  /** 100 × weight / sum of weights, unrounded. */
  percent: number;
  /** The backendRef this share comes from. */
  location?: SourceLocation;
  /** Kuma current model: the KRI of the backend's port (`kri_msvc_default__kuma-demo_backend-v1_http`). */
  kri?: string;
  /** TSB: this subset's own sticky-session key on the port, where its portLevelSettings override the route's. */
  stickySession?: string;
}

/** A policy that also applied to this source and destination but lost, and why. */
export interface OverriddenPolicy {
  policy: string;
  kind: string;
  reason: string;
  location?: SourceLocation;
}

/** The effective route for one source, destination (and port), with its provenance. */
export interface RouteEntry {
  family: Family;
  mesh: string | null;
  source: string;
  proxies: string[];
  destination: string;
  port: number | null;
  /** Kuma current model: the KRI of the destination's port; `destination` is then `name.namespace` (or `name`). */
  destinationKri?: string;
  protocol: Protocol;
  /** Where the protocol comes from (Kuma: the `kuma.io/protocol` tags of the destination's endpoints), when known. */
  protocolSource?: string;
  kind: RouteKind;
  policy: string | null;
  name: string | null;
  match: Record<string, unknown> | null;
  /** HTTP filters of the rule (MeshHTTPRoute `default.filters`), kept as written: shown, not interpreted. */
  filters?: Record<string, unknown>[];
  /** Empty when every weight is zero: the traffic fails. */
  backends: BackendSplit[];
  overridden: OverriddenPolicy[];
  /** The `to[]` entry (or rule) that produced the route; null for a default route. */
  location: SourceLocation | null;
  /** The winning policy's top-level targetRef: why this source is selected. */
  selectorLocation: SourceLocation | null;
  /** The first proxy's own definition (its Dataplane); null for an inferred proxy. */
  sourceLocation: SourceLocation | null;
  /** TSB: the port's traffic type (`HTTP`, `TCP`, `TLS_PASSTHROUGH`). */
  trafficType?: string;
  /** TSB: the port's sticky-session key (`header x-session-hash`, `cookie c`, `source IP`), null when none. */
  stickySession?: string | null;
  /** TSB: a Flagger route hands the traffic to its Canary (no backends of its own). */
  delegate?: { canary: string; namespace: string };
}

export interface RouteTable {
  routes: RouteEntry[];
  diagnostics: Diagnostic[];
}

/** Percent of each weight in the sum; zero weights are left out (Kuma drops them). */
export function toSplits<T extends { weight: number }>(refs: readonly T[]): (T & { percent: number })[] {
  const kept = refs.filter((r) => r.weight > 0);
  const total = kept.reduce((sum, r) => sum + r.weight, 0);
  return kept.map((r) => ({ ...r, percent: (100 * r.weight) / total }));
}
