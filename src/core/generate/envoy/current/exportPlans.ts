/**
 * The 'envoy' export of meshes in the current Kuma model: from the proxies' plans (outbounds and resolved MeshTCPRoute
 * splits, `plan.ts`), per proxy the listeners and clusters Kuma 2.14's MeshTCPRoute plugin writes, as
 * `<mesh>/<proxy>.{listeners,clusters}.<format>` in Kuma's golden-file shape.
 */
import type { ExportOptions, ExportResult } from '../../types';
import { envoyFiles } from '../exportEnvoy';
import type { ProxyPlan } from './plan';
import { planEnvoyConfig } from './proxyPlanConfig';

export function exportEnvoyForPlans(plans: readonly ProxyPlan[], options: ExportOptions = {}): ExportResult {
  const results = plans.map(planEnvoyConfig);
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const first = plans[0];
  if (first) {
    const at = first.location ?? { file: '', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' };
    diagnostics.push({
      ...at,
      severity: 'info',
      code: 'KUMA_EXPORT_NO_ENDPOINTS',
      message: 'endpoints are not exported for meshes of the current Kuma model: a MeshService\'s endpoints are the inbounds its selector matches on healthy Dataplanes, which the export is not given',
    });
  }
  return { files: envoyFiles(results.map((r) => r.config), options, ['listeners', 'clusters']), diagnostics };
}
