/**
 * The 'envoy' export of the meshes that resolve by the current Kuma model: each mesh as its resolution reads it
 * (`currentMeshOf`), resolved per proxy (`resolveProxyOutbounds`), turned into plans (`plansFromResolution`) and
 * written by the plan exporter (`exportEnvoyForPlans`), with the Mesh resources' mTLS and zone egress settings.
 */
import type { Diagnostic, SourceLocation } from '../../../diagnostics';
import { currentMeshOf } from '../../../families/kumaResolve';
import type { KumaModel } from '../../../families/kuma';
import type { ResourceHeader } from '../../../model/resource';
import { resolveProxyOutbounds } from '../../../resolve/kuma/current/proxyOutbounds';
import type { ExportOptions, ExportResult } from '../../types';
import { exportEnvoyForPlans } from './exportPlans';
import { plansFromResolution } from './fromResolution';
import { DEFAULT_MESH_SETTINGS, meshSettingsOf } from './meshSettings';
import type { ProxyPlan } from './plan';

export function exportCurrentMeshes(headers: readonly ResourceHeader[], model: KumaModel, meshes: readonly string[], fallback: SourceLocation, options: ExportOptions): ExportResult {
  const settings = meshSettingsOf(headers);
  const plans: ProxyPlan[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const mesh of [...meshes].sort()) {
    const { current } = currentMeshOf(model, mesh);
    const found = plansFromResolution(current, resolveProxyOutbounds(current), settings.get(mesh) ?? DEFAULT_MESH_SETTINGS, fallback);
    plans.push(...found.plans);
    diagnostics.push(...found.diagnostics);
  }
  const written = exportEnvoyForPlans(plans, options);
  return { files: written.files, diagnostics: [...diagnostics, ...written.diagnostics] };
}
