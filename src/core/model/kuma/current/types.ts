/**
 * Resources of the current Kuma model (2.9+, as Kuma 2.14 reads them; `reference/kuma/current-model.md` section 1):
 * MeshService, MeshExternalService and MeshMultiZoneService are destinations with ports.
 */
import type { SourceLocation } from '../../../diagnostics';
import type { ResourceIdentifier } from '../kri';

export type DestinationKind = 'MeshService' | 'MeshExternalService' | 'MeshMultiZoneService';

/** One port of a destination. Its section name is `name`, or `"<port>"` when unnamed (`helpers.go:Port.GetName`). */
export interface DestinationPort {
  name: string | null;
  port: number;
  /** MeshService: the inbound port (number) or name (string) its endpoints listen on. */
  targetPort: number | string | null;
  /** `appProtocol`, default `tcp`. */
  appProtocol: string;
}

/** MeshService `spec.selector`: exactly one of the three. */
export type MeshServiceSelector =
  | { kind: 'dataplaneTags'; tags: Record<string, string> }
  | { kind: 'dataplaneRef'; name: string }
  | { kind: 'dataplaneLabels'; labels: Record<string, string> }
  | { kind: 'none' };

/** A MeshService, MeshExternalService or MeshMultiZoneService, declared or inferred. */
export interface DestinationResource {
  kind: DestinationKind;
  /** The resource name as written (Kubernetes: `metadata.name`). */
  name: string;
  mesh: string;
  /** Labels as written, plus those the control plane would add (`k8s.kuma.io/namespace` from `metadata.namespace`). */
  labels: Record<string, string>;
  /** Its KRI without section: zone, namespace and display name from the labels. */
  id: ResourceIdentifier;
  ports: DestinationPort[];
  /** MeshService only. */
  selector: MeshServiceSelector;
  /** MeshMultiZoneService: `spec.selector.meshService.matchLabels`. */
  meshServiceLabels?: Record<string, string>;
  /** `creationTime` when written (universal), else the order it was read in: backendRef labels pick the oldest. */
  age: number;
  /** The VIPs of its `status` (`vips[].ip`, a MeshExternalService's `vip.ip`): its outbounds' addresses. Empty or absent when none is written (inferred resources). */
  vips?: string[];
  /** Where it is declared; null when inferred. */
  location: SourceLocation | null;
  /** Set when Route Studio inferred it (from Dataplanes): says from what. */
  inferredFrom?: string;
  /** Kubernetes inference: the port names are unknown, so a `sectionName` naming a port cannot be checked. */
  portNamesUnknown?: boolean;
}

/** A port's section name, as Kuma writes it in a KRI. */
export function sectionOf(port: DestinationPort): string {
  return port.name ?? String(port.port);
}

/** `FindPortByName`: a port whose name or number is `section` (a MeshExternalService has one port). */
export function findPortByName(resource: DestinationResource, section: string): DestinationPort | undefined {
  return resource.ports.find((p) => p.name === section || String(p.port) === section);
}
