import { describe, expect, it } from 'vitest';
import { EDGE_SLICE, withSlice } from './useEdgesInSlices';

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
