import { expect, test } from '@playwright/test';
import { editorSelection, lineOf, openStudio, watchErrors } from './helpers';

test('clicking the 90% edge selects its backendRef in the editor', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const text = await page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');
  const backendRefs = lineOf(text, 'backendRefs:');
  const first = lineOf(text, '- kind: MeshServiceSubset', backendRefs); // the v0 entry, weight 90
  const weight90 = lineOf(text, 'weight: 90', first - 1);

  const label = page.getByTestId('graph').locator('.route-edge-label').filter({ hasText: /^90%$/ });
  await label.click();

  await expect.poll(() => editorSelection(page)).toMatchObject({ startLineNumber: first, endLineNumber: weight90 });
  await page.screenshot({ path: '/tmp/route-studio-click-edge.png' });

  // Clicking the edge path itself does the same (for the 10% edge).
  const edgeId = await page.getByTestId('graph').locator('.route-edge-label').filter({ hasText: /^10%$/ }).getAttribute('data-edge-id');
  const second = lineOf(text, '- kind: MeshServiceSubset', first);
  // A point on the curve a third of the way along (the label sits in the middle), in page coordinates.
  const point = await page.locator(`.react-flow__edge[data-id="${edgeId}"] path.react-flow__edge-interaction`).evaluate((el) => {
    const path = el as SVGPathElement;
    const at = path.getPointAtLength(path.getTotalLength() / 3);
    const screen = new DOMPoint(at.x, at.y).matrixTransform(path.getScreenCTM() ?? undefined);
    return { x: screen.x, y: screen.y };
  });
  await page.mouse.click(point.x, point.y);
  await expect.poll(async () => (await editorSelection(page))?.startLineNumber).toBe(second);

  // Clicking the route node selects the to[] entry.
  await page.getByTestId('graph-node-route').click();
  const to = lineOf(text, '- targetRef:', lineOf(text, 'kind: MeshTCPRoute'));
  await expect.poll(async () => (await editorSelection(page))?.startLineNumber).toBe(to);

  // Clicking the source node selects the frontend Dataplane it stands for.
  await page.getByTestId('graph-node-source').click();
  const frontend = lineOf(text, 'type: Dataplane');
  await expect.poll(async () => (await editorSelection(page))?.startLineNumber).toBe(frontend);
  errors.expectNone();
});
