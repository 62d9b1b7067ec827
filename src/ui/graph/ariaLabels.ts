/**
 * What a screen reader says for each node and edge of the graph, in the words of the domain:
 * "route tcp-route-1 from frontend to backend, 90% to version v0, 10% to version v1". Pure.
 */
import type { GraphEdge, GraphNode } from '../../core';

/** `version=v0,zone=a` -> `version v0, zone a`. */
function subsetWords(subset: string): string {
  return subset
    .split(',')
    .map((pair) => pair.trim().replace('=', ' '))
    .filter(Boolean)
    .join(', ');
}

/** The route node's detail is `KIND → destination[:port]`. */
function routeParts(node: GraphNode): { kind: string; destination: string } {
  const [kind = '', destination = ''] = node.detail.split(' → ');
  return { kind, destination };
}

function backendWords(backend: GraphNode, destination: string): string {
  const subset = subsetWords(backend.detail);
  const sameService = destination === backend.label || destination.startsWith(`${backend.label}:`);
  if (sameService) return subset || backend.label;
  return subset ? `${backend.label} ${subset}` : backend.label;
}

export function graphAriaLabels(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }): { nodes: Map<string, string>; edges: Map<string, string> } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const into = new Map<string, GraphEdge[]>();
  const out = new Map<string, GraphEdge[]>();
  const add = (map: Map<string, GraphEdge[]>, id: string, e: GraphEdge) => {
    const list = map.get(id);
    if (list) list.push(e);
    else map.set(id, [e]);
  };
  for (const e of graph.edges) {
    add(into, e.target, e);
    add(out, e.source, e);
  }
  const nodes = new Map<string, string>();
  const edges = new Map<string, string>();
  for (const node of graph.nodes) {
    if (node.kind === 'source') {
      const routes = (out.get(node.id) ?? []).map((e) => byId.get(e.target)).filter((n): n is GraphNode => n !== undefined);
      nodes.set(node.id, `source ${node.label} (${node.detail}), ${routes.length} route${routes.length === 1 ? '' : 's'}`);
    } else if (node.kind === 'backend') {
      nodes.set(node.id, `backend ${node.label}${node.detail ? `, ${subsetWords(node.detail)}` : ', all endpoints'}`);
    } else {
      const { kind, destination } = routeParts(node);
      const sources = (into.get(node.id) ?? []).map((e) => byId.get(e.source)?.label).filter(Boolean);
      const name = node.routeKind === 'default' ? 'default route (no policy)' : `${node.invalid ? 'invalid route, not applied, ' : 'route '}${node.label} (${kind})`;
      const splits = (out.get(node.id) ?? []).map((e) => {
        const backend = byId.get(e.target);
        return `${e.label} to ${backend ? backendWords(backend, destination) : e.target}`;
      });
      const outcome = node.failing ? 'no route: every weight is 0, the traffic fails' : splits.join(', ');
      const lost = node.overridden?.length ? `, overrides ${node.overridden.map((o) => o.policy).join(', ')}` : '';
      const reason = node.invalid ? `; ${node.invalid.message}` : '';
      nodes.set(node.id, `${name} from ${sources.join(', ') || 'no source'} to ${destination}${outcome ? `, ${outcome}` : ''}${lost}${reason}`);
    }
  }
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    if (source.kind === 'route') {
      const { destination } = routeParts(source);
      edges.set(edge.id, `${edge.label} of ${source.label} to ${backendWords(target, destination)}`);
    } else {
      edges.set(edge.id, `${source.label} takes ${target.label}${edge.label ? ` (proxies ${edge.label})` : ''}`);
    }
  }
  return { nodes, edges };
}
