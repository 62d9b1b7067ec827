/**
 * Validates a TSB ServiceRoute (schema, then TSB's and Istio's cross-field rules); returns it typed, marked `invalid`
 * when it has errors (as far as it can be read: nothing when it names no service).
 */
import type { Diagnostic } from '../../diagnostics';
import { asRecord, asString, asTags } from '../../model/raw';
import type { ResourceHeader } from '../../model/resource';
import type { ServiceRoute } from '../../model/tsb/types';
import { toDiagnostic } from '../finding';
import { tsbDiagnostic } from './diagnostic';
import { readHttpRoutes, readPortSettings, readSticky, readSubsets, readTcpRoutes } from './readModel';
import { serviceRouteRules } from './rules';
import { resourceSchema, serviceRouteSpecSchema } from './schemas';
import { tsbSchemaCheck } from './schemaCheck';
import { groupPathOf, readScope } from './scope';

export const TSB_TRAFFIC_API = 'traffic.tsb.tetrate.io/v2';
/** The XCP-internal group some TSB doc examples use by mistake. */
export const XCP_TRAFFIC_API = 'traffic.xcp.tetrate.io/v2';

const checkSpec = tsbSchemaCheck(serviceRouteSpecSchema);
const checkTop = tsbSchemaCheck(resourceSchema);

export interface ReadResult<T> {
  value: T | null;
  diagnostics: Diagnostic[];
}

export function readServiceRoute(header: ResourceHeader): ReadResult<ServiceRoute> {
  const source = header.source;
  const diagnostics: Diagnostic[] = [...headerDiagnostics(header), ...checkTop(header.body, []).map((f) => toDiagnostic(source, f))];
  const spec = asRecord(header.body.spec);
  if (!spec) {
    diagnostics.push(tsbDiagnostic(source, 'error', 'TSB_REQUIRED', ['spec'], 'must be defined: a ServiceRoute needs at least spec.service (namespace/FQDN)'));
    return { value: null, diagnostics };
  }
  diagnostics.push(...checkSpec(spec, ['spec']).map((f) => toDiagnostic(source, f)));
  const service = asString(spec.service) ?? '';
  const slash = service.indexOf('/');
  const metadata = asRecord(header.body.metadata) ?? {};
  const generation = asRecord(spec.configGenerationMetadata) ?? {};
  const route: ServiceRoute = {
    name: header.name,
    scope: readScope(header),
    service,
    namespace: slash > 0 ? service.slice(0, slash) : '',
    host: slash > 0 ? service.slice(slash + 1) : service,
    subsets: readSubsets(spec.subsets),
    sticky: readSticky(spec.stickySession),
    portLevelSettings: readPortSettings(spec.portLevelSettings, ['spec', 'portLevelSettings']),
    httpRoutes: readHttpRoutes(spec.httpRoutes),
    tcpRoutes: readTcpRoutes(spec.tcpRoutes),
    labels: { ...asTags(metadata.labels), ...asTags(generation.labels) },
    annotations: { ...asTags(metadata.annotations), ...asTags(generation.annotations) },
    source,
  };
  diagnostics.push(...serviceRouteRules(route));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return { value: route, diagnostics };
  // With errors it is not applied, but drawn as invalid when it names its service.
  return { value: route.host !== '' ? { ...route, invalid: errors } : null, diagnostics };
}

/** The resource's name, its API group (the doc examples' XCP group), and its group in the hierarchy. */
function headerDiagnostics(header: ResourceHeader): Diagnostic[] {
  const source = header.source;
  const out: Diagnostic[] = [];
  if (!header.name) out.push(tsbDiagnostic(source, 'error', 'TSB_REQUIRED', ['metadata', 'name'], 'must be defined: every TSB resource has a name'));
  if (header.apiVersion === XCP_TRAFFIC_API) {
    out.push(
      tsbDiagnostic(source, 'warning', 'TSB_XCP_API_GROUP', ['apiVersion'], `${XCP_TRAFFIC_API} is XCP's internal API group (a mistake of the TSB docs' examples 4 and 5): tctl and GitOps take ${TSB_TRAFFIC_API}; read as such`, [
        { title: `Change to ${TSB_TRAFFIC_API}`, changes: [{ op: 'set', path: ['apiVersion'], value: TSB_TRAFFIC_API }] },
      ]),
    );
  }
  if (!readScope(header).group) {
    out.push(tsbDiagnostic(source, 'warning', 'TSB_NO_GROUP', groupPathOf(source), 'names no traffic group (metadata.group, or the annotation tsb.tetrate.io/trafficGroup): TSB places every ServiceRoute in a Group; add it'));
  }
  return out;
}
