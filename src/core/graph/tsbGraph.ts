/**
 * TSB entries as a graph: clients (the traffic group) -> service:port (traffic type, sticky key) -> each route
 * (name, matches) -> subsets with their shares; a Flagger route -> its Canary, labelled "delegated".
 */
import type { InvalidRoute, RouteEntry } from '../resolve/routeTable';
import type { GraphEdge, GraphNode } from './routeGraph';

export function addTsbRoutes(routes: readonly (RouteEntry | InvalidRoute)[], nodes: Map<string, GraphNode>, edges: Map<string, GraphEdge>, percentLabel: (p: number) => string): void {
  const link = (edge: GraphEdge) => {
    if (!edges.has(edge.id)) edges.set(edge.id, edge);
  };
  for (const route of routes) {
    const clientId = `source:tsb:${route.source}`;
    if (!nodes.has(clientId)) {
      const detail = route.proxies.length > 0 ? route.proxies.join(', ') : 'traffic group';
      nodes.set(clientId, { id: clientId, kind: 'source', label: route.source, detail, mesh: null, location: route.sourceLocation });
    }
    const portId = `port:tsb:${route.destination}:${route.port ?? '*'}`;
    if (!nodes.has(portId)) {
      const sticky = route.stickySession ? ` · sticky: ${route.stickySession}` : '';
      const label = route.port === null ? `${route.destination} (any port)` : `${route.destination}:${route.port}`;
      nodes.set(portId, { id: portId, kind: 'port', label, detail: `${route.trafficType ?? route.protocol.toUpperCase()}${sticky}`, mesh: null, location: null });
    }
    link({ id: `${clientId}->${portId}`, source: clientId, target: portId, label: '', percent: null, location: null });

    const mark = 'invalid' in route ? route.invalid : undefined;
    const routeId = `route:tsb:${route.policy ?? ''}:${route.destination}:${route.port ?? '*'}:${route.name ?? ''}${mark ? ':invalid' : ''}`;
    nodes.set(routeId, {
      id: routeId,
      kind: 'route',
      label: route.name ?? route.policy ?? 'route',
      detail: `${route.policy ?? ''}: ${matchSummary(route.match)}`,
      mesh: null,
      routeKind: route.kind,
      overridden: [],
      failing: !mark && route.backends.length === 0 && !route.delegate,
      ...(mark ? { invalid: mark } : {}),
      location: route.location,
    });
    const invalid = mark ? { invalid: true } : {};
    link({ id: `${portId}->${routeId}`, source: portId, target: routeId, label: '', percent: null, location: route.location, ...invalid });

    if (route.delegate) {
      const canaryId = `backend:tsb:canary:${route.delegate.namespace}/${route.delegate.canary}`;
      nodes.set(canaryId, { id: canaryId, kind: 'backend', label: `Canary ${route.delegate.canary}`, detail: `Flagger, namespace ${route.delegate.namespace}`, mesh: null, location: route.location });
      link({ id: `${routeId}->${canaryId}`, source: routeId, target: canaryId, label: 'delegated', percent: null, location: route.location, ...invalid });
      continue;
    }
    for (const backend of route.backends) {
      const backendId = `backend:tsb:${backend.service}:${backend.port ?? '*'}:${backend.subset ?? ''}`;
      if (!nodes.has(backendId)) {
        const parts = [backend.subset ? `subset ${backend.subset}` : 'all endpoints', backend.port !== undefined ? `port ${backend.port}` : ''];
        if (backend.stickySession) parts.push(`sticky: ${backend.stickySession}`);
        nodes.set(backendId, { id: backendId, kind: 'backend', label: backend.service, detail: parts.filter(Boolean).join(' · '), mesh: null, location: backend.location ?? null });
      }
      const edgeId = `${routeId}->${backendId}`;
      const existing = edges.get(edgeId);
      if (existing) {
        existing.percent = (existing.percent ?? 0) + backend.percent;
        existing.label = percentLabel(existing.percent);
      } else {
        edges.set(edgeId, { id: edgeId, source: routeId, target: backendId, label: percentLabel(backend.percent), percent: backend.percent, location: backend.location ?? null, ...invalid });
      }
    }
  }
}

/** `uri prefix /productpage, end-user exact jason` per condition, conditions joined by "or". */
export function matchSummary(match: Record<string, unknown> | null): string {
  if (!match) return 'any request';
  const conditions = Array.isArray(match.conditions) ? (match.conditions as Record<string, unknown>[]) : [];
  const parts = conditions.map((c) => {
    const out: string[] = [];
    const uri = c.uri as Record<string, string> | undefined;
    if (uri) out.push(...Object.entries(uri).map(([how, value]) => `uri ${how} ${value}`));
    const headers = (c.headers ?? {}) as Record<string, Record<string, string>>;
    for (const [name, m] of Object.entries(headers)) out.push(...Object.entries(m).map(([how, value]) => `${name} ${how} ${value}`));
    return out.length > 0 ? out.join(', ') : 'any request';
  });
  if (parts.length === 0 || parts.every((p) => p === 'any request')) return `port ${String(match.port ?? 'any')}, any request`;
  return parts.join(' or ');
}
