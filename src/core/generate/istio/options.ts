/**
 * The choices TSB's (closed-source) translation makes that no public page shows (`[UNC]` in
 * reference/tsb/istio-mapping.md): each is an option, its default the mapping's.
 */
export interface IstioExportOptions {
  /** `networking.istio.io/v1beta1` is served by every Istio since 1.5; `v1` only since 1.22. */
  apiVersion: 'networking.istio.io/v1beta1' | 'networking.istio.io/v1';
  /** The VirtualService and DestinationRule take the ServiceRoute's name, or that name with `-vs` / `-dr`. */
  names: 'serviceRoute' | 'suffixed';
  /**
   * Where a TCP port's `useSourceIp` goes: the DestinationRule's per-port settings (as for HTTP ports), or the
   * (subset's) `loadBalancer`, which is what Istio's TCP proxy reads (`maybeSetHashPolicy`), or both.
   */
  tcpSourceIp: 'portLevelSettings' | 'loadBalancer' | 'both';
  /** Adds `tsb.tetrate.io/fqn` (the ServiceRoute's place in the hierarchy), as TSB does on the gateways it generates. */
  fqnAnnotation: boolean;
}

export const DEFAULT_ISTIO_OPTIONS: IstioExportOptions = {
  apiVersion: 'networking.istio.io/v1beta1',
  names: 'serviceRoute',
  tcpSourceIp: 'portLevelSettings',
  fqnAnnotation: true,
};

/** Said with every export: the UI and the files repeat it. */
export const TRANSLATION_CAVEAT =
  "TSB's own translation is closed source and may differ: resource names, apiVersion, metadata and where a TCP port's source-IP hash goes are export options";
