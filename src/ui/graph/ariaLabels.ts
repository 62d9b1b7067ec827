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

/**
 * The accessible names of a graph's nodes and edges, each computed when asked: a large graph draws only the part
 * near its view, and naming all of its 800 nodes and edges at every drawing took 30 ms.
 */
export interface GraphAriaLabeler {
  node(id: string): string;
  edge(id: string): string;
}

export function graphAriaLabeler(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }): GraphAriaLabeler {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
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
  const nodeName = (node: GraphNode): string => {
    if (node.kind === 'source') {
      const routes = (out.get(node.id) ?? []).filter((e) => byId.has(e.target)).length;
      return `source ${node.label} (${node.detail}), ${routes} route${routes === 1 ? '' : 's'}`;
    }
    if (node.kind === 'backend') return `backend ${node.label}${node.detail ? `, ${subsetWords(node.detail)}` : ', all endpoints'}`;
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
    return `${name} from ${sources.join(', ') || 'no source'} to ${destination}${outcome ? `, ${outcome}` : ''}${lost}${reason}`;
  };
  const edgeName = (edge: GraphEdge): string => {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) return edge.label;
    if (source.kind === 'route') return `${edge.label} of ${source.label} to ${backendWords(target, routeParts(source).destination)}`;
    return `${source.label} takes ${target.label}${edge.label ? ` (proxies ${edge.label})` : ''}`;
  };
  return {
    node: (id) => {
      const node = byId.get(id);
      return node ? nodeName(node) : id;
    },
    edge: (id) => {
      const edge = edgeById.get(id);
      return edge ? edgeName(edge) : id;
    },
  };
}

/**
 * `(items, nameOf)` -> the items with their accessible names. An item whose object and name did not change since the
 * last call keeps its named object, so React Flow redraws only what changed.
 */
export function ariaNamer<T extends { id: string; ariaLabel?: string }>(): (items: readonly T[], nameOf: (id: string) => string) => T[] {
  let named = new Map<string, { base: T; item: T }>();
  return (items, nameOf) => {
    const next = new Map<string, { base: T; item: T }>();
    const result = items.map((base) => {
      const name = nameOf(base.id);
      const kept = named.get(base.id);
      const item = kept && kept.base === base && kept.item.ariaLabel === name ? kept.item : { ...base, ariaLabel: name };
      next.set(base.id, { base, item });
      return item;
    });
    named = next;
    return result;
  };
}
