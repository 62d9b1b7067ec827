/** Text for the problems header: severity counts and one line per mesh. Pure. */
import type { MeshSummary, Severity } from '../../core';

export type SeverityCounts = Record<Severity, number>;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function severityCountsLabel(counts: SeverityCounts): string {
  return [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info', 'infos')].join(', ');
}

/** `mesh default: 4 proxies, 3 services`, plus `(inferred from policies)` when no Dataplane was given. */
export function meshSummaryLabel(mesh: MeshSummary): string {
  const what = mesh.family === 'kuma' ? 'mesh' : 'workspace';
  const base = `${what} ${mesh.mesh}: ${plural(mesh.proxies, 'proxy', 'proxies')}, ${plural(mesh.services, 'service')}`;
  return mesh.inferred ? `${base} (inferred from policies)` : base;
}
