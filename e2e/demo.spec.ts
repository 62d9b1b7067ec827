import { expect, test } from '@playwright/test';
import { openStudio, watchErrors } from './helpers';

test('the demo opens on frontend -> tcp-route-1 -> backend v0 90% / v1 10%', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);

  const graph = page.getByTestId('graph');
  const route = graph.getByTestId('graph-node-route');
  await expect(route).toHaveCount(1);
  await expect(route).toContainText('tcp-route-1');
  await expect(route).toContainText('MeshTCPRoute → backend_kuma-demo_svc_3001');
  await expect(graph.getByTestId('graph-node-source')).toContainText('frontend_kuma-demo_svc_8080');

  const backends = graph.getByTestId('graph-node-backend');
  await expect(backends).toHaveCount(2);
  await expect(backends.filter({ hasText: 'version=v0' })).toHaveCount(1);
  await expect(backends.filter({ hasText: 'version=v1' })).toHaveCount(1);

  const labels = graph.locator('.route-edge-label');
  await expect(labels.filter({ hasText: /^90%$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^10%$/ })).toHaveCount(1);
  // Each label sits on a drawn edge (React Flow's own element, keyed by data-id).
  for (const text of ['90%', '10%']) {
    const label = labels.filter({ hasText: new RegExp(`^${text}$`) });
    const edgeId = await label.getAttribute('data-edge-id');
    expect(edgeId).toBeTruthy();
    await expect(graph.locator(`.react-flow__edge[data-id="${edgeId}"]`)).toHaveCount(1);
    // Legible: at least 12px on screen, on a background.
    const style = await label.evaluate((el) => {
      const css = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return { fontSize: parseFloat(css.fontSize), background: css.backgroundColor, height: box.height };
    });
    expect(style.fontSize).toBeGreaterThanOrEqual(12);
    expect(style.height).toBeGreaterThanOrEqual(16);
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
  }

  // The whole graph is in view after the initial fitView.
  const pane = await graph.boundingBox();
  for (const node of await graph.locator('.react-flow__node').all()) {
    const box = await node.boundingBox();
    expect(box && pane && box.x >= pane.x - 1 && box.x + box.width <= pane.x + pane.width + 1).toBe(true);
  }

  await expect(page.getByTestId('mesh-summary')).toHaveText('mesh default: 4 proxies, 3 services');
  await expect(page.getByTestId('problems').getByTestId('problem')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/route-studio-demo.png' });
  errors.expectNone();
});

test('"Show default routes" adds the routes no policy touches', async ({ page }) => {
  await openStudio(page);
  const graph = page.getByTestId('graph');
  await expect(graph.getByTestId('graph-node-route')).toHaveCount(1);
  await page.getByLabel('Show default routes').check();
  await expect(graph.getByTestId('graph-node-route').filter({ hasText: 'default route' }).first()).toBeVisible();
  expect(await graph.getByTestId('graph-node-route').count()).toBeGreaterThan(1);
  await page.screenshot({ path: '/tmp/route-studio-defaults.png' });
  await page.getByLabel('Show default routes').uncheck();
  await expect(graph.getByTestId('graph-node-route')).toHaveCount(1);
});

test('the workspace survives a reload', async ({ page }) => {
  await openStudio(page);
  await page.evaluate(() => {
    const editor = window.__routeStudioEditor;
    const model = editor?.getModel();
    if (!editor || !model) throw new Error('no editor');
    editor.executeEdits('test', [{ range: model.getFullModelRange().collapseToStart(), text: '# edited in the test\n' }]);
  });
  await expect(page.getByTestId('line-count')).toContainText('lines');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('route-studio:document') ?? '')).toContain('# edited in the test');
  await page.reload();
  await page.waitForFunction(() => window.__routeStudioEditor !== undefined);
  expect(await page.evaluate(() => window.__routeStudioEditor?.getValue().split('\n')[0])).toBe('# edited in the test');
});
