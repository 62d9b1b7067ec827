import { describe, expect, it } from 'vitest';
import { EDGE_SLICE, NODE_SLICE, withNodeSlice, withSlice } from './useEdgesInSlices';

const edge = (i: number, source = `s${i}`, target = `t${i}`) => ({ id: `e${i}`, source, target });

describe('withSlice', () => {
  it('adds one slice of new edges at a time, those touching the first view first, until all are drawn', () => {
    const edges = Array.from({ length: 2 * EDGE_SLICE + 5 }, (_, i) => edge(i));
    // The last five touch a node of the first view: they come in the first slice.
    const firstView = new Set(edges.slice(-5).map((e) => e.target));
    let drawn: ReadonlySet<string> = new Set();
    const steps: number[] = [];
    while (drawn.size < edges.length) {
      const next = withSlice(edges, drawn, firstView);
      expect([...drawn].every((id) => next.has(id))).toBe(true);
      steps.push(next.size - drawn.size);
      if (drawn.size === 0) for (const e of edges.slice(-5)) expect(next.has(e.id)).toBe(true);
      drawn = next;
    }
    expect(steps).toEqual([EDGE_SLICE, EDGE_SLICE, 5]);
  });

  it('keeps the drawn edges that remain and forgets those gone', () => {
    const drawn = new Set(['e1', 'e2', 'gone']);
    const next = withSlice([edge(1), edge(2), edge(3)], drawn, new Set());
    expect([...next].sort()).toEqual(['e1', 'e2', 'e3']);
  });
});

describe('withNodeSlice', () => {
  it('adds NODE_SLICE new nodes at a time, in their order, keeping those drawn', () => {
    const nodes = Array.from({ length: 2 * NODE_SLICE + 3 }, (_, i) => ({ id: `n${i}` }));
    let drawn: ReadonlySet<string> = new Set();
    const slices: string[][] = [];
    while (drawn.size < nodes.length) {
      const next = withNodeSlice(nodes, drawn);
      slices.push([...next].filter((id) => !drawn.has(id)));
      drawn = next;
    }
    expect(slices.map((s) => s.length)).toEqual([NODE_SLICE, NODE_SLICE, 3]);
    expect(slices[0]).toEqual(nodes.slice(0, NODE_SLICE).map((n) => n.id));
  });

  it('forgets drawn nodes no longer due', () => {
    const next = withNodeSlice([{ id: 'a' }, { id: 'b' }], new Set(['a', 'gone']));
    expect([...next].sort()).toEqual(['a', 'b']);
  });
});
