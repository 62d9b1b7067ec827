import { describe, expect, it } from 'vitest';
import { edgesNearView, HUB_EDGES, HUB_NEAREST, nodesNearView, viewBox, type Box } from './edgesNearView';

const box = (x: number, y: number): Box => ({ x, y, width: 100, height: 40 });
const VIEW: Box = { x: 0, y: 0, width: 1000, height: 500 };

/** A source at the view's left, fanning out to `routes` routes one above the other every 100 units, each to a backend. */
function fan(routes: number) {
  const boxes = new Map<string, Box>([['src', box(0, 200)]]);
  const edges: { id: string; source: string; target: string }[] = [];
  for (let i = 0; i < routes; i++) {
    boxes.set(`r${i}`, box(300, i * 100));
    boxes.set(`b${i}`, box(600, i * 100));
    edges.push({ id: `src-r${i}`, source: 'src', target: `r${i}` }, { id: `r${i}-b${i}`, source: `r${i}`, target: `b${i}` });
  }
  return { boxes, edges };
}

describe('edgesNearView', () => {
  it('draws every edge of a graph whose nodes are all near the view', () => {
    const { boxes, edges } = fan(5);
    expect(edgesNearView(edges, boxes, VIEW)).toEqual(new Set(edges.map((e) => e.id)));
  });

  it("draws a hub's edges only to the routes near the view, or among its nearest", () => {
    const { boxes, edges } = fan(100); // routes down to y = 9,900; near the view: y <= 750 (half a view's height below)
    const wanted = edgesNearView(edges, boxes, VIEW);
    for (let i = 0; i < 100; i++) {
      const near = i * 100 <= 750;
      expect(wanted.has(`src-r${i}`), `src-r${i}`).toBe(near || i < HUB_NEAREST);
      expect(wanted.has(`r${i}-b${i}`), `r${i}-b${i}`).toBe(near);
    }
  });

  it('draws the edges of a route far from its hub when the view is on the route', () => {
    const { boxes, edges } = fan(100);
    const wanted = edgesNearView(edges, boxes, { x: 0, y: 9000, width: 1000, height: 500 });
    expect(wanted.has('src-r95')).toBe(true); // the route is in view: its edge to the far source is drawn
    expect(wanted.has('r95-b95')).toBe(true);
    expect(wanted.has('src-r50')).toBe(false);
  });

  it('keeps a hub drawn with its nearest edges when zoomed in on it alone', () => {
    const { boxes, edges } = fan(HUB_EDGES + 40);
    const wanted = edgesNearView(edges, boxes, { x: 0, y: 200, width: 120, height: 50 });
    const fromHub = [...wanted].filter((id) => id.startsWith('src-'));
    expect(fromHub.length).toBeGreaterThanOrEqual(HUB_NEAREST);
  });

  it('draws an edge crossing the view between two far nodes, and one whose ends have no box', () => {
    const boxes = new Map<string, Box>([
      ['a', box(400, -5000)],
      ['b', box(500, 5000)],
    ]);
    const edges = [
      { id: 'a-b', source: 'a', target: 'b' },
      { id: 'a-x', source: 'a', target: 'x' },
    ];
    expect(edgesNearView(edges, boxes, VIEW)).toEqual(new Set(['a-b', 'a-x']));
  });
});

describe('nodesNearView and viewBox', () => {
  it('lists the nodes within half a view size of the view', () => {
    const boxes = new Map<string, Box>([
      ['in', box(10, 10)],
      ['near', box(1400, 700)],
      ['far', box(1600, 10)],
      ['below', box(10, 800)],
    ]);
    expect(nodesNearView(boxes, VIEW).sort()).toEqual(['in', 'near']);
  });

  it('turns a viewport into the part of the flow it shows', () => {
    expect(viewBox({ x: -200, y: 100, zoom: 2 }, 800, 600)).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });
});
