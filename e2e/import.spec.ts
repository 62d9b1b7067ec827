import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { chooseImport, openStudio, watchErrors } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

test('importing the redirect example and its Dataplanes draws external-backend at 100%', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await expect(page.getByTestId('graph').locator('.route-edge-label').filter({ hasText: /^90%$/ })).toHaveCount(1);

  await page.getByTestId('import-input').setInputFiles([path.join(DATA, 'redirect-route.yaml'), path.join(DATA, 'kuma-demo-dataplanes.yaml')]);
  await chooseImport(page, 'replace');

  const graph = page.getByTestId('graph');
  const backend = graph.getByTestId('graph-node-backend');
  await expect(backend).toHaveCount(1);
  await expect(backend).toContainText('external-backend');
  await expect(graph.getByTestId('graph-node-route')).toContainText('tcp-route-1');
  await expect(graph.getByTestId('graph-node-source')).toContainText('frontend_kuma-demo_svc_8080');
  const labels = graph.locator('.route-edge-label');
  await expect(labels).toHaveCount(1);
  await expect(labels).toHaveText('100%');
  const edgeId = await labels.getAttribute('data-edge-id');
  expect(edgeId).toContain('external-backend');
  await expect(graph.locator(`.react-flow__edge[data-id="${edgeId}"]`)).toHaveCount(1);

  // The imported files replaced the workspace: one tab each, the first one open in the editor.
  const tabs = page.getByTestId('file-tab');
  await expect(tabs).toHaveText(['redirect-route.yaml', 'kuma-demo-dataplanes.yaml']);
  expect(await page.evaluate(() => window.__routeStudioEditor?.getValue())).toContain('name: external-backend');
  await tabs.nth(1).click();
  await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '')).toContain('type: Dataplane');
  await expect(page.getByTestId('mesh-summary')).toHaveText('mesh default: 4 proxies, 3 services');

  await page.screenshot({ path: '/tmp/route-studio-import.png' });

  // "Reset to demo" brings the 90/10 split back, and its Undo the imported files.
  await page.getByRole('button', { name: 'Reset to demo' }).click();
  await expect(labels.filter({ hasText: /^90%$/ })).toHaveCount(1);
  await expect(tabs).toHaveText(['kuma-demo.yaml']);
  await page.getByTestId('notice-info').getByRole('button', { name: 'Undo' }).click();
  await expect(tabs).toHaveText(['redirect-route.yaml', 'kuma-demo-dataplanes.yaml']);
  await expect(labels).toHaveText('100%');
  errors.expectNone();
});
