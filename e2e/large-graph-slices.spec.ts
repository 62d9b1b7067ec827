/**
 * Journey: a large pasted mesh is drawn a little at a time, so the page answers in between. React Flow makes every
 * node and edge it is given in one task, so the graph is given its nodes near the view NODE_SLICE per task, and then
 * the edges near the view EDGE_SLICE per task.
 */
import { expect, test } from '@playwright/test';
import { syntheticMesh } from '../bench/syntheticMesh';
import { EDGE_SLICE, NODE_SLICE } from '../src/ui/graph/useEdgesInSlices';
import { openStudio, setEditorText, watchErrors } from './helpers';

test.describe.configure({ timeout: 180_000 });

test('a pasted mesh of 200 services is given its nodes, then its edges, a slice per task', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const graph = page.getByTestId('graph');
  await expect(graph.locator('.react-flow__edge')).not.toHaveCount(0);
  // What each task added to the graph: the observer's callback runs once at the end of each task that changed it.
  await page.evaluate(() => {
    const batches: { nodes: number; edges: number }[] = [];
    (window as unknown as { __batches: typeof batches }).__batches = batches;
    const count = (added: Node, selector: string) =>
      added instanceof Element ? Number(added.matches(selector)) + added.querySelectorAll(selector).length : 0;
    new MutationObserver((records) => {
      let nodes = 0;
      let edges = 0;
      for (const record of records)
        for (const added of record.addedNodes) {
          nodes += count(added, '.react-flow__node');
          edges += count(added, '.react-flow__edge');
        }
      if (nodes + edges > 0) batches.push({ nodes, edges });
    }).observe(document.querySelector('[data-testid=graph]') as Element, { childList: true, subtree: true });
  });

  await setEditorText(page, syntheticMesh({ services: 200 }).files.map((f) => f.text).join('---\n'));
  await expect(page.getByTestId('shown-source')).toBeVisible();
  await expect(graph).toHaveAttribute('data-drawing', 'complete');
  const batches = await page.evaluate(() => (window as unknown as { __batches: { nodes: number; edges: number }[] }).__batches);
  const nodeBatches = batches.filter((b) => b.nodes > 0);
  const firstEdges = batches.findIndex((b) => b.edges > 0);
  expect(nodeBatches.length, JSON.stringify(batches)).toBeGreaterThanOrEqual(2);
  expect(Math.max(...batches.map((b) => b.nodes)), JSON.stringify(batches)).toBeLessThanOrEqual(NODE_SLICE);
  expect(Math.max(...batches.map((b) => b.edges)), JSON.stringify(batches)).toBeLessThanOrEqual(EDGE_SLICE);
  // The nodes near the view first: two slices of them at least before the first edge.
  expect(firstEdges, JSON.stringify(batches)).toBeGreaterThanOrEqual(2);
  expect(batches.filter((b) => b.edges > 0).length, JSON.stringify(batches)).toBeGreaterThanOrEqual(2);
  errors.expectNone();
});
