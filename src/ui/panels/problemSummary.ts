/** Text for the problems header: severity counts and one line per mesh. Pure. */
import type { MeshSummary, Severity } from '../../core';

export type SeverityCounts = Record<Severity, number>;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function severityCountsLabel(counts: SeverityCounts): string {
  return [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info', 'infos')].join(', ');
}

/**
 * `mesh default: 4 proxies, 3 services`, plus `(inferred from policies)` when no Dataplane was given. A mesh of the
 * current Kuma model (or of a forced model) names it: `mesh default: 1 proxy, 2 MeshServices (inferred from
 * Dataplanes), Kuma 2.14 model`; the 2.6 model chosen by default says so in `meshModelTitle` only.
 */
export function meshSummaryLabel(mesh: MeshSummary): string {
  const what = mesh.family === 'kuma' ? 'mesh' : 'workspace';
  if (mesh.model === 'kuma-2.14') {
    const services = `${plural(mesh.services, 'MeshService')}${mesh.inferred ? ' (inferred from Dataplanes)' : ''}`;
    return `${what} ${mesh.mesh}: ${plural(mesh.proxies, 'proxy', 'proxies')}, ${services}, Kuma 2.14 model`;
  }
  const base = `${what} ${mesh.mesh}: ${plural(mesh.proxies, 'proxy', 'proxies')}, ${plural(mesh.services, 'service')}`;
  const label = mesh.inferred ? `${base} (inferred from policies)` : base;
  return mesh.model === 'kuma-2.6' && mesh.modelReason === FORCED_REASON ? `${label}, Kuma 2.6 model` : label;
}

const FORCED_REASON = 'forced by the workspace option';

/** The tooltip of a mesh's summary: which Kuma model, and why. */
export function meshModelTitle(mesh: MeshSummary): string | undefined {
  if (!mesh.model) return undefined;
  return `${mesh.model === 'kuma-2.14' ? 'Kuma 2.14 (MeshService) model' : 'Kuma 2.6 (kuma.io/service) model'}: ${mesh.modelReason ?? ''}`;
}
