/**
 * Kuma resolution, mesh by mesh in the model chosen for it: the meshes of the 2.6 model through the inventory and
 * route index of 2.6 (unchanged), those of the current model through `resolve/kuma/current/`. One info per mesh says
 * which model and why.
 */
import type { Diagnostic } from '../diagnostics';
import type { FamilyResolution, MeshSummary } from '../family';
import { inferMeshServices, type Inference } from '../model/kuma/current/inference';
import { FORCED, MODEL_LABELS, type ModelChoice } from '../model/kuma/current/modelChoice';
import { buildInventory } from '../model/kuma/inventory';
import type { Proxy, RoutePolicy } from '../model/kuma/types';
import { invalidKumaRoutes } from '../resolve/kuma/invalidRoutes';
import { buildKumaRouteIndex } from '../resolve/kuma/kumaRouteIndex';
import { buildCurrentIndex, targetedEntries, type CurrentMesh } from '../resolve/kuma/current/currentIndex';
import { currentMeshDiagnostics } from '../resolve/kuma/current/currentDiagnostics';
import { combineIndexes } from '../resolve/routeIndex';
import type { KumaModel } from './kuma';

export function resolveKuma(model: KumaModel): FamilyResolution {
  const current = (mesh: string) => model.models.get(mesh)?.model === 'kuma-2.14';
  const legacyPolicies: RoutePolicy[] = [...model.policies, ...model.httpPolicies].filter((p) => !current(p.mesh));
  const inventory = buildInventory(
    model.proxies.filter((p) => !current(p.mesh)),
    legacyPolicies,
    model.externalServices.filter((e) => !current(e.mesh)),
  );
  const legacy = buildKumaRouteIndex(inventory.meshes.values(), legacyPolicies);
  const meshes: MeshSummary[] = [...inventory.meshes.values()].map((m) => ({
    family: 'kuma',
    mesh: m.mesh,
    proxies: m.proxies.length,
    services: m.services.size,
    inferred: m.inferred,
    ...modelFields(model.models.get(m.mesh)),
  }));
  const diagnostics: Diagnostic[] = [...inventory.diagnostics, ...legacy.diagnostics];
  for (const inv of inventory.meshes.values()) diagnostics.push(...withoutRoutePolicy(inv.mesh, inv.proxies, model));

  const currentMeshes: CurrentMesh[] = [];
  for (const [mesh, choice] of model.models) {
    if (choice.model !== 'kuma-2.14') continue;
    const { current: currentMesh, inference } = currentMeshOf(model, mesh);
    const { proxies, destinations, policies } = currentMesh;
    currentMeshes.push(currentMesh);
    diagnostics.push(...withoutRoutePolicy(mesh, proxies, model));
    if (inference && inference.resources.length > 0) {
      diagnostics.push({
        ...choice.location,
        severity: 'info',
        code: 'KUMA_MESHSERVICES_INFERRED',
        message: `mesh "${mesh}" declares no MeshService: ${inference.resources.length} inferred from its Dataplanes' inbounds (${inference.resources
          .map((r) => r.id.name + (r.id.namespace ? `.${r.id.namespace}` : ''))
          .join(', ')}), as Kuma's control plane would create them`,
      });
    }
    if (inference && inference.skipped.length > 0) {
      diagnostics.push({
        ...choice.location,
        severity: 'info',
        code: 'KUMA_MESHSERVICE_NOT_INFERRED',
        message: `no MeshService is inferred for ${inference.skipped.map((s) => `"${s}"`).join(', ')}: Kuma generates one only for a kuma.io/service value that is a DNS-1035 label`,
      });
    }
    if (proxies.length === 0 && policies[0]) {
      diagnostics.push({
        ...policies[0].location,
        severity: 'info',
        code: 'KUMA_NO_DATAPLANE',
        message: `mesh "${mesh}" has no Dataplane: under the current model the sources of traffic are Dataplanes, so nothing is drawn; add the Dataplanes that send the traffic`,
      });
    }
    meshes.push({
      family: 'kuma',
      mesh,
      proxies: proxies.length,
      services: destinations.length,
      inferred: inference !== null && inference.resources.length > 0,
      ...modelFields(choice),
    });
  }
  const resolved = buildCurrentIndex(currentMeshes);
  for (const mesh of currentMeshes) diagnostics.push(...currentMeshDiagnostics(mesh, targetedEntries(mesh), resolved.selected));
  // A mesh of the 2.6 model chosen by default says so in the mesh summary only: the info is for a change of model.
  for (const [mesh, choice] of model.models) {
    if (choice.model === 'kuma-2.6' && choice.reason !== FORCED) continue;
    diagnostics.push({ ...choice.location, severity: 'info', code: 'KUMA_MODEL', message: `mesh "${mesh}" resolves by the ${MODEL_LABELS[choice.model]} model: ${choice.reason}` });
  }
  meshes.sort((a, b) => (a.mesh < b.mesh ? -1 : a.mesh > b.mesh ? 1 : 0));
  // Policies with errors are drawn, not applied, in meshes of the 2.6 model (the current model's are only diagnosed).
  const invalid = invalidKumaRoutes(inventory.meshes, model.invalidPolicies.filter((p) => !current(p.mesh)));
  return { index: currentMeshes.length === 0 ? legacy.index : combineIndexes([legacy.index, resolved.index]), diagnostics, meshes, invalid };
}

/** A mesh with Dataplanes and no route policy draws nothing (its routes are all default ones): say so, and how to see them. */
function withoutRoutePolicy(mesh: string, proxies: readonly Proxy[], model: KumaModel): Diagnostic[] {
  const first = proxies.find((p) => p.location)?.location;
  const routed = [...model.policies, ...model.httpPolicies, ...model.invalidPolicies].some((p) => p.mesh === mesh);
  if (!first || routed) return [];
  const count = proxies.filter((p) => p.location).length;
  return [
    {
      ...first,
      severity: 'info',
      code: 'KUMA_NO_ROUTE_POLICY',
      message: `mesh "${mesh}" has ${count === 1 ? 'a Dataplane' : `${count} Dataplanes`} but no MeshTCPRoute or MeshHTTPRoute: every destination takes its default route, which the graph draws with "Show default routes"`,
    },
  ];
}

/**
 * One mesh of the current model as its resolution reads it: its Dataplanes, route policies and destinations (those
 * declared, or, when it declares no MeshService, those inferred from its Dataplanes). The Envoy export reads it too.
 */
export function currentMeshOf(model: KumaModel, mesh: string): { current: CurrentMesh; inference: Inference | null } {
  const proxies = model.proxies.filter((p) => p.mesh === mesh);
  const declared = model.destinations.filter((d) => d.mesh === mesh);
  const policies = [...model.policies, ...model.httpPolicies].filter((p) => p.mesh === mesh);
  const hasMeshServices = declared.some((d) => d.kind === 'MeshService');
  const inference = hasMeshServices ? null : inferMeshServices(mesh, proxies);
  const destinations = inference ? [...declared, ...inference.resources] : declared;
  return { current: { mesh, proxies, destinations, policies }, inference };
}

function modelFields(choice: ModelChoice | undefined): Pick<MeshSummary, 'model' | 'modelReason'> {
  return choice ? { model: choice.model, modelReason: choice.reason } : {};
}


