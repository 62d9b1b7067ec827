/**
 * Kuma's resource identifiers (Kuma 2.9+ model). A KRI names one resource, or one port ("section") of it:
 * `kri_<short>_<mesh>_<zone>_<namespace>_<name>_<section>` (`pkg/core/kri/kri.go:Identifier.String`). Fields that are
 * unknown stay empty: `kri_msvc_default___backend_http`.
 */

/** The resource kinds a KRI names, with their short forms. */
export const KRI_SHORT_NAMES = {
  Mesh: 'm',
  MeshService: 'msvc',
  MeshExternalService: 'extsvc',
  MeshMultiZoneService: 'mzsvc',
  Dataplane: 'dp',
  MeshTCPRoute: 'mtcpr',
  MeshHTTPRoute: 'mhttpr',
} as const;

export type KriKind = keyof typeof KRI_SHORT_NAMES;

export interface ResourceIdentifier {
  kind: KriKind;
  mesh: string;
  /** Label `kuma.io/zone`; empty when not set. */
  zone: string;
  /** Label `k8s.kuma.io/namespace`; empty when not set. */
  namespace: string;
  /** Label `kuma.io/display-name`, else the resource name. */
  name: string;
  /** A port's name (or `"<port>"` when unnamed); empty for the whole resource. */
  sectionName: string;
}

/** `kri_msvc_default_zone-1_kuma-demo_backend_http`. */
export function formatKri(id: ResourceIdentifier): string {
  return ['kri', KRI_SHORT_NAMES[id.kind], id.mesh, id.zone, id.namespace, id.name, id.sectionName].join('_');
}

/** The same resource without its section: the key of the whole resource. */
export function withoutSection(id: ResourceIdentifier): ResourceIdentifier {
  return { ...id, sectionName: '' };
}

/**
 * The legacy destination name Kuma 2.14 gives clusters and stat prefixes of a real resource's port:
 * `<mesh>_<name>_<namespace>_<zone>_<short>_<port>` (`destinationname.go:ResolveLegacyFromKRI`), e.g.
 * `default_backend___msvc_80`.
 */
export function legacyDestinationName(id: Omit<ResourceIdentifier, 'sectionName'>, port: number): string {
  return [id.mesh, id.name, id.namespace, id.zone, KRI_SHORT_NAMES[id.kind], String(port)].join('_');
}

/** How the RouteTable names a resource: `name.namespace`, or `name` when it has no namespace. */
export function displayResourceName(id: Pick<ResourceIdentifier, 'name' | 'namespace'>): string {
  return id.namespace ? `${id.name}.${id.namespace}` : id.name;
}
