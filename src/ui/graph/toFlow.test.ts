import { describe, expect, it } from 'vitest';
import { analyze, buildRouteGraph, layoutRouteGraph, routeList } from '../../core';
import { demoFiles } from '../../demo';
import { ariaNamer, graphAriaLabeler } from './ariaLabels';
import { FIRST_VIEW_NODES, firstViewNodes, flowBuilder, LARGE_GRAPH_NODES, nodeIdsKey, toFlow, type FlowNode } from './toFlow';

describe('toFlow', () => {
  const analysis = analyze(demoFiles);
  const graph = buildRouteGraph(routeList(analysis.index), { showDefaults: false });
  const boxes = [...layoutRouteGraph(graph).entries()];

  it('places every node at its layout box and keeps the core data', () => {
    const flow = toFlow(graph, boxes, null);
    expect(flow.nodes).toHaveLength(graph.nodes.length);
    for (const node of flow.nodes) {
      const box = boxes.find(([id]) => id === node.id)?.[1];
      expect(node.position).toEqual({ x: box?.x, y: box?.y });
      expect(node.width).toBe(box?.width);
      expect(node.type).toBe(node.data.node.kind);
    }
    expect(flow.edges.map((e) => e.data?.edge.label).filter(Boolean).sort()).toEqual(['10%', '90%']);
  });

  it('marks the selected element', () => {
    const route = graph.nodes.find((n) => n.kind === 'route');
    const flow = toFlow(graph, boxes, route?.id ?? null);
    expect(flow.nodes.filter((n) => n.data.selected).map((n) => n.id)).toEqual([route?.id]);
  });

  it('keys the graph by its node ids, in any order', () => {
    expect(nodeIdsKey([{ id: 'b' }, { id: 'a' }])).toBe(nodeIdsKey([{ id: 'a' }, { id: 'b' }]));
  });

  it('keeps the objects of unchanged nodes and edges from one drawing to the next', () => {
    const build = flowBuilder();
    const before = build(graph, boxes, null, 'LR');
    const reweighted = analyze(demoFiles.map((f) => ({ name: f.name, text: f.text.replace('weight: 90', 'weight: 80').replace('weight: 10', 'weight: 20') })));
    const reweightedGraph = buildRouteGraph(routeList(reweighted.index), { showDefaults: false });
    const after = build(reweightedGraph, boxes, null, 'LR');
    const changedEdges = after.edges.filter((e, i) => e !== before.edges[i]).map((e) => e.data?.edge.label);
    expect(changedEdges.sort()).toEqual(['20%', '80%']);
    expect(after.nodes.every((n, i) => n === before.nodes[i])).toBe(true);
    // Named: only the route whose split changed is new (its accessible name says the split).
    const name = ariaNamer<(typeof before.nodes)[number]>();
    const namedBefore = name(before.nodes, graphAriaLabeler(graph).node);
    const namedAfter = name(after.nodes, graphAriaLabeler(reweightedGraph).node);
    expect(namedAfter.filter((n, i) => n !== namedBefore[i]).map((n) => n.type)).toEqual(['route']);
    const selected = build(buildRouteGraph(routeList(reweighted.index), { showDefaults: false }), boxes, after.nodes[0]?.id ?? null, 'LR');
    expect(selected.nodes.filter((n, i) => n !== after.nodes[i]).map((n) => n.id)).toEqual([after.nodes[0]?.id]);
  });

  it('opens a large graph on its first source and the nodes nearest to it; a small one whole', () => {
    const at = (id: string, type: FlowNode['type'], x: number, y: number) => ({ id, type, position: { x, y } }) as FlowNode;
    const far = Array.from({ length: LARGE_GRAPH_NODES }, (_, i) => at(`far-${i}`, 'backend', 10_000 + i, 0));
    const near = Array.from({ length: FIRST_VIEW_NODES - 1 }, (_, i) => at(`near-${i}`, 'route', 100, 50 * i));
    const nodes = [...far, ...near, at('source', 'source', 0, 0)];
    expect(firstViewNodes(nodes)?.map((n) => n.id).sort()).toEqual(['source', ...near.map((n) => n.id)].sort());
    expect(firstViewNodes(nodes.slice(-LARGE_GRAPH_NODES))).toBeUndefined();
  });
});
