import type { Diagnostic } from '../diagnostics';
import type { MeshSummary, PolicyFamily } from '../family';
import type { ServiceRoute, TrafficGroup } from '../model/tsb/types';
import { unsupportedKind, type ResourceHeader } from '../model/resource';
import { findGroup, resolveServiceRoutes } from '../resolve/tsb/resolveServiceRoutes';
import { listIndex } from '../resolve/routeIndex';
import { invalidMark } from '../resolve/routeTable';
import { tsbDiagnostic } from '../validate/tsb/diagnostic';
import { readGroup } from '../validate/tsb/group';
import { groupPathOf } from '../validate/tsb/scope';
import { readServiceRoute, TSB_TRAFFIC_API, XCP_TRAFFIC_API } from '../validate/tsb/serviceRoute';

export interface TsbModel {
  routes: ServiceRoute[];
  /** ServiceRoutes with errors, as far as they can be read: drawn as invalid, never resolved nor exported. */
  invalidRoutes: ServiceRoute[];
  groups: TrafficGroup[];
}

/** Istio resources pasted beside TSB ones (DIRECT-mode groups carry them): kept and reported, not resolved. */
const ISTIO_NOTE: Record<string, string> = {
  VirtualService: 'an Istio VirtualService (DIRECT mode) is kept but not resolved: Route Studio draws the routes of ServiceRoutes, whose VirtualService it generates on export',
  DestinationRule: 'an Istio DestinationRule (DIRECT mode) is kept but not resolved: Route Studio draws the routes of ServiceRoutes, whose DestinationRule it generates on export',
};

function isTrafficApi(apiVersion: string | null): boolean {
  return apiVersion === TSB_TRAFFIC_API || apiVersion === XCP_TRAFFIC_API;
}

export const tsbFamily: PolicyFamily<TsbModel> = {
  id: 'tsb',
  claims: (header) =>
    header.apiVersion
      ? /(^|\.)tetrate\.io\//.test(header.apiVersion) || (header.apiVersion.startsWith('networking.istio.io/') && header.kind in ISTIO_NOTE)
      : header.format === 'kubernetes' && header.kind === 'ServiceRoute',

  read(headers) {
    const diagnostics: Diagnostic[] = [];
    const routes: ServiceRoute[] = [];
    const invalidRoutes: ServiceRoute[] = [];
    const groups: TrafficGroup[] = [];
    const groupHeaders: ResourceHeader[] = [];
    for (const header of headers) {
      if (header.kind === 'ServiceRoute' && (header.apiVersion === null || isTrafficApi(header.apiVersion))) {
        const { value, diagnostics: found } = readServiceRoute(header);
        diagnostics.push(...found);
        if (value?.invalid) invalidRoutes.push(value);
        else if (value) routes.push(value);
      } else if (header.kind === 'Group' && isTrafficApi(header.apiVersion)) {
        const { value, diagnostics: found } = readGroup(header);
        diagnostics.push(...found);
        if (value) groups.push(value);
        groupHeaders.push(header);
      } else {
        diagnostics.push(unsupportedKind(header, ISTIO_NOTE[header.kind] && header.apiVersion?.startsWith('networking.istio.io/') ? ISTIO_NOTE[header.kind] : undefined));
      }
    }
    if (groupHeaders.length > 0) diagnostics.push(...missingGroups(routes, groups));
    return { model: { routes, invalidRoutes, groups }, diagnostics };
  },

  resolve(model) {
    const resolved = resolveServiceRoutes(model.routes, model.groups);
    // Each read alone, as if it were applied: what it would have done.
    const invalid = model.invalidRoutes.flatMap((sr) => resolveServiceRoutes([sr], model.groups).routes.map((route) => ({ ...route, invalid: invalidMark(sr.invalid ?? []) })));
    return { index: listIndex(resolved.routes), diagnostics: [...resolved.diagnostics, ...groupsWithoutRoutes(model)], meshes: workspaces(model), invalid };
  },
};

/** "a ServiceRoute's group must exist when Groups are given". */
function missingGroups(routes: readonly ServiceRoute[], groups: readonly TrafficGroup[]): Diagnostic[] {
  return routes.flatMap((sr) => {
    if (!sr.scope.group || findGroup(groups, sr)) return [];
    const known = groups.map((g) => g.name).join(', ');
    return [tsbDiagnostic(sr.source, 'error', 'TSB_GROUP_NOT_FOUND', groupPathOf(sr.source), `traffic group "${sr.scope.group}" is not among the Groups given (${known}): fix the name, or add its Group`)];
  });
}

/** Why a Group draws nothing: no ServiceRoute of it was given (in DIRECT mode its routing is Istio's own resources). */
function groupsWithoutRoutes(model: TsbModel): Diagnostic[] {
  return model.groups.flatMap((g) => {
    if (model.routes.some((sr) => findGroup([g], sr))) return [];
    const direct = g.configMode === 'DIRECT' ? ' In DIRECT mode its routing is written as Istio VirtualServices and DestinationRules, which are kept but not drawn.' : '';
    return [tsbDiagnostic(g.source, 'info', 'TSB_GROUP_WITHOUT_ROUTES', g.namePath, `traffic group "${g.name}" has no ServiceRoute here, so no route is drawn for it: its services keep Istio's default routing.${direct}`)];
  });
}

/** One summary per workspace: its groups' namespaces stand for the proxies, the ServiceRoutes' hosts for the services. */
function workspaces(model: TsbModel): MeshSummary[] {
  const byWorkspace = new Map<string, { namespaces: Set<string>; hosts: Set<string> }>();
  const of = (workspace: string | null) => {
    const key = workspace ?? '(none)';
    let w = byWorkspace.get(key);
    if (!w) byWorkspace.set(key, (w = { namespaces: new Set(), hosts: new Set() }));
    return w;
  };
  for (const g of model.groups) g.namespaces.forEach((n) => of(g.scope.workspace).namespaces.add(n));
  for (const sr of model.routes) of(sr.scope.workspace).hosts.add(sr.host);
  return [...byWorkspace].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([mesh, w]) => ({ family: 'tsb', mesh, proxies: w.namespaces.size, services: w.hosts.size, inferred: false }));
}

