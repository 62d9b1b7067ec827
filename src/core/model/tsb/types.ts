/** Tetrate Service Bridge `traffic.tsb.tetrate.io/v2` resources, as read from YAML (paths kept for diagnostics). */
import type { Diagnostic } from '../../diagnostics';
import type { SourceDocument } from '../../source/document';
import type { NodePath } from '../../source/path';

export type TrafficType = 'HTTP' | 'TCP' | 'TLS_PASSTHROUGH';
export const TRAFFIC_TYPES: readonly TrafficType[] = ['HTTP', 'TCP', 'TLS_PASSTHROUGH'];

/** The hash key of a sticky session (a protobuf oneof: header, cookie or source IP). */
export type StickySession =
  | { kind: 'header'; header: string }
  | { kind: 'cookie'; name: string; path: string; ttl: string }
  | { kind: 'sourceIp' };

/** Organization / tenant / workspace / group of a resource (tctl's metadata fields or GitOps annotations). */
export interface TsbScope {
  organization: string | null;
  tenant: string | null;
  workspace: string | null;
  group: string | null;
}

export interface PortSetting {
  port: number;
  trafficType: TrafficType;
  sticky: StickySession | null;
  path: NodePath;
}

export interface Subset {
  name: string;
  labels: Record<string, string>;
  /** As written; null when missing (0 among several subsets, 1 for a single one). */
  weight: number | null;
  portLevelSettings: PortSetting[];
  path: NodePath;
}

export interface StringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

export interface HttpMatch {
  name: string;
  uri: StringMatch | null;
  headers: Record<string, StringMatch>;
  port: number | null;
  path: NodePath;
}

export interface TcpMatch {
  name: string;
  port: number | null;
  path: NodePath;
}

export interface ServiceDestination {
  subset: string | null;
  /** As written; null when missing. */
  weight: number | null;
  port: number | null;
  /** `destinationHost` as written (FQDN, short name or namespace/FQDN); null: the ServiceRoute's service. */
  host: string | null;
  path: NodePath;
}

export interface FlaggerDestination {
  canary: string;
  namespace: string;
  path: NodePath;
}

export interface HttpRoute {
  name: string;
  matches: HttpMatch[];
  destinations: ServiceDestination[];
  flagger: FlaggerDestination | null;
  path: NodePath;
}

export interface TcpRoute {
  name: string;
  matches: TcpMatch[];
  destinations: ServiceDestination[];
  path: NodePath;
}

export interface ServiceRoute {
  name: string;
  scope: TsbScope;
  /** `spec.service` as written: `namespace/FQDN`. */
  service: string;
  /** The namespace part of `spec.service`. */
  namespace: string;
  /** The FQDN part of `spec.service`. */
  host: string;
  subsets: Subset[];
  sticky: StickySession | null;
  portLevelSettings: PortSetting[];
  httpRoutes: HttpRoute[];
  tcpRoutes: TcpRoute[];
  /** metadata.labels / annotations plus spec.configGenerationMetadata: copied onto the generated Istio objects. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  source: SourceDocument;
  /** The errors that keep it from being applied; set only on a ServiceRoute read in spite of them (drawn as invalid). */
  invalid?: Diagnostic[];
}

export interface TrafficGroup {
  name: string;
  scope: TsbScope;
  /** `cluster/namespace` selectors, `*` for any cluster. */
  namespaces: string[];
  configMode: string | null;
  source: SourceDocument;
  namePath: NodePath;
}
