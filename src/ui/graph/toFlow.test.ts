import { describe, expect, it } from 'vitest';
import { analyze, buildRouteGraph, layoutRouteGraph, routeList } from '../../core';
import { demoFiles } from '../../demo';
import { nodeIdsKey, toFlow } from './toFlow';

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
});
