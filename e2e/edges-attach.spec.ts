/**
 * Journey: whatever is drawn, each edge starts at its source node's outgoing end and stops at its target's incoming
 * end. The nodes are given their size and their ends' places before React Flow measures them, and React Flow keeps
 * what it was given when its measure agrees (see patches/): a wrong place given must not leave an edge beside its node.
 */
import { expect, test, type Page } from '@playwright/test';
import { syntheticMesh } from '../bench/syntheticMesh';
import { openStudio, setEditorText, watchErrors } from './helpers';

test.describe.configure({ timeout: 180_000 });

/**
 * For every drawn edge whose two nodes are drawn, how far (in graph units) its path's first point is from its source
 * node's outgoing end (the handle's box), and its last point from its target node's incoming end: 0 when it touches
 * them. Read from the page: the viewport's transform maps the path's coordinates to the screen, where the ends' boxes
 * are. An edge's id is `source->target`.
 */
function edgeEndGaps(page: Page): Promise<{ edges: number; worst: number; worstEdge: string }> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const pane = document.querySelector<HTMLElement>('.react-flow');
    if (!viewport || !pane) throw new Error('no graph');
    const { a: zoom, e: tx, f: ty } = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const origin = pane.getBoundingClientRect();
    const nodes = new Map([...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => [n.dataset.id, n]));
    const gap = (nodeId: string | undefined, end: string, x: number, y: number) => {
      const handle = nodes.get(nodeId)?.querySelector(end);
      if (!handle) return null;
      const box = handle.getBoundingClientRect();
      const left = (box.left - origin.left - tx) / zoom;
      const top = (box.top - origin.top - ty) / zoom;
      return Math.hypot(Math.max(left - x, 0, x - left - box.width / zoom), Math.max(top - y, 0, y - top - box.height / zoom));
    };
    let worst = 0;
    let worstEdge = '';
    let edges = 0;
    for (const path of document.querySelectorAll<SVGPathElement>('.react-flow__edge path.route-edge__path')) {
      const id = path.closest('.react-flow__edge')?.getAttribute('data-id') ?? '';
      const [source, target] = id.split('->');
      const numbers = (path.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      const [sx = NaN, sy = NaN] = numbers;
      const [ex = NaN, ey = NaN] = numbers.slice(-2);
      const start = gap(source, '.source', sx, sy);
      const stop = gap(target, '.target', ex, ey);
      if (start === null || stop === null) continue;
      edges++;
      if (!(Math.max(start, stop) <= worst)) {
        worst = Math.max(start, stop);
        worstEdge = id;
      }
    }
    return { edges, worst, worstEdge };
  });
}

test('every edge meets its nodes: the demo, a pasted mesh of 200 services, one of its sources picked', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const graph = page.getByTestId('graph');
  await expect(graph.locator('.react-flow__edge')).not.toHaveCount(0);
  let gaps = await edgeEndGaps(page);
  expect(gaps.edges).toBeGreaterThan(2);
  expect(gaps.worst, gaps.worstEdge).toBeLessThanOrEqual(1);

  await setEditorText(page, syntheticMesh({ services: 200 }).files.map((f) => f.text).join('---\n'));
  await expect(graph).toHaveAttribute('data-drawing', 'complete');
  gaps = await edgeEndGaps(page);
  expect(gaps.edges).toBeGreaterThan(20);
  expect(gaps.worst, gaps.worstEdge).toBeLessThanOrEqual(1);

  await page.getByTestId('focus-source').selectOption('svc-3');
  await expect(page.getByTestId('graph-node-source')).toContainText('svc-3');
  await expect(graph).toHaveAttribute('data-drawing', 'complete');
  gaps = await edgeEndGaps(page);
  expect(gaps.edges).toBeGreaterThan(20);
  expect(gaps.worst, gaps.worstEdge).toBeLessThanOrEqual(1);
  errors.expectNone();
});
