/** What the command line prints: pure functions from results to text. */
import type { HttpMatch } from '../core/model/kuma/types';
import { describeHttpMatches } from '../core/resolve/kuma/httpRules';
import { countBySeverity, formatDiagnostic, percentLabel } from '../core';
import type { BackendSplit, Diagnostic, OverriddenPolicy, RouteEntry } from '../core';

export { formatDiagnostic };

/** A proxy list longer than this is cut in the table (the JSON keeps them all). */
export const MAX_PROXIES_SHOWN = 5;

/**
 * `resolve --json`: exactly `{routes, diagnostics}`, every route field kept, 2-space indent; the same text as
 * `JSON.stringify(table, null, 2)`, but in pieces, one per route: a large mesh's table does not fit in one
 * JavaScript string (about 512 MB at most).
 */
export function* routeTableJsonChunks(table: { routes: Iterable<RouteEntry>; diagnostics: readonly Diagnostic[] }): Generator<string> {
  yield '{\n';
  yield* jsonArrayChunks('routes', table.routes, true);
  yield* jsonArrayChunks('diagnostics', table.diagnostics, false);
  yield '}\n';
}

/** The whole `resolve --json` text at once, for small tables and tests. */
export function routeTableJson(table: { routes: Iterable<RouteEntry>; diagnostics: readonly Diagnostic[] }): string {
  return [...routeTableJsonChunks(table)].join('');
}

/** One array of the JSON, an item a chunk; items are read one ahead (to know which is last) and never all held. */
function* jsonArrayChunks(key: string, items: Iterable<unknown>, more: boolean): Generator<string> {
  const end = more ? ',' : '';
  const it = items[Symbol.iterator]();
  let next = it.next();
  if (next.done) {
    yield `  ${JSON.stringify(key)}: []${end}\n`;
    return;
  }
  yield `  ${JSON.stringify(key)}: [\n`;
  while (!next.done) {
    const item: unknown = next.value;
    next = it.next();
    // Newlines inside JSON strings are escaped, so every newline here is structure: indent it.
    yield `    ${(JSON.stringify(item, null, 2) ?? 'null').replace(/\n/g, '\n    ')}${next.done ? '' : ','}\n`;
  }
  yield `  ]${end}\n`;
}

/** The readable route table: per route a header line, then its backends and the policies it overrode, indented. */
export function* formatRouteTable(routes: Iterable<RouteEntry>): Generator<string> {
  for (const route of routes) {
    yield formatRouteHeader(route);
    if (route.backends.length === 0) yield '  no backend: every weight is 0, so the traffic fails';
    for (const backend of route.backends) yield `  ${formatBackend(backend)}`;
    for (const loser of route.overridden) yield `  ${formatOverridden(loser)}`;
  }
}

/** `default  frontend -> backend (tcp)  MeshTCPRoute tcp-route-1  [frontend-1]` */
export function formatRouteHeader(route: RouteEntry): string {
  const scope = route.mesh ?? route.family;
  const destination = `${route.destination}${route.port === null ? '' : `:${route.port}`} (${route.protocol})`;
  const winner = route.kind === 'default' ? (route.name ? `default route / ${route.name}` : 'default route') : `${route.kind} ${route.policy ?? '(unnamed)'}${route.name ? ` / ${route.name}` : ''}`;
  const httpMatches = route.family === 'kuma' && Array.isArray(route.match?.matches) ? describeHttpMatches(route.match.matches as HttpMatch[]) : null;
  const match = httpMatches !== null ? `  match ${httpMatches}` : route.match && Object.keys(route.match).length > 0 ? `  match ${JSON.stringify(route.match)}` : '';
  return `${scope}  ${route.source} -> ${destination}  ${winner}${match}  ${formatProxies(route.proxies)}`;
}

/** `90%  backend {version=v0}  (weight 90)` */
export function formatBackend(backend: BackendSplit): string {
  const target = `${backend.service}${backend.port === undefined ? '' : `:${backend.port}`}`;
  const tags = Object.keys(backend.tags).length > 0 ? formatTags(backend.tags) : backend.subset ? `{${backend.subset}}` : '';
  return `${percentLabel(backend.percent).padStart(4)}  ${target}${tags ? ` ${tags}` : ''}  (weight ${backend.weight})`;
}

/** `overrides b-route (MeshTCPRoute): reason` */
export function formatOverridden(loser: OverriddenPolicy): string {
  return `overrides ${loser.policy} (${loser.kind}): ${loser.reason}`;
}

/** `{a=1,version=v0}`: keys sorted, as Kuma names a subset. */
export function formatTags(tags: Readonly<Record<string, string>>): string {
  const keys = Object.keys(tags).sort();
  return `{${keys.map((k) => `${k}=${tags[k]}`).join(',')}}`;
}

export function formatProxies(proxies: readonly string[]): string {
  if (proxies.length <= MAX_PROXIES_SHOWN) return `[${proxies.join(', ')}]`;
  return `[${proxies.slice(0, MAX_PROXIES_SHOWN).join(', ')}, +${proxies.length - MAX_PROXIES_SHOWN} more]`;
}

/** `2 errors, 1 warning in 3 files`; `no problems in 1 file`. */
export function formatSummary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const counts = countBySeverity(diagnostics);
  const parts = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  return `${parts.length > 0 ? parts.join(', ') : 'no problems'} in ${plural(fileCount, 'file')}`;
}

/** `3 routes; 1 warning in 2 files`, with a hint when there is nothing to show. */
export function formatResolveSummary(routeCount: number, diagnostics: readonly Diagnostic[], fileCount: number, all: boolean): string {
  const hint = routeCount === 0 && !all ? ' (no policy applies; --all lists the default routes)' : '';
  return `${plural(routeCount, 'route')}${hint}; ${formatSummary(diagnostics, fileCount)}`;
}


function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
