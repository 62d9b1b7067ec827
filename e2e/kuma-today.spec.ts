import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { chooseImport, openStudio, watchErrors } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'kuma');

test('importing a current-model corpus file draws its per-port routes and names the Kuma 2.14 model; forcing 2.6 takes them away', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await page.getByTestId('import-input').setInputFiles([path.join(CORPUS, 'kuma__inspect-meshservice-mixed-routes.yaml')]);
  await chooseImport(page, 'replace');

  const graph = page.getByTestId('graph');
  const summary = page.getByTestId('mesh-summary');
  await expect(summary).toHaveText('mesh default: 1 proxy, 1 MeshService, Kuma 2.14 model');
  await expect(summary.locator('[data-model="kuma-2.14"]')).toHaveAttribute('title', /MeshService resource "test-server-1"/);
  // main-port (http) takes the MeshHTTPRoute, secondary-port (tcp) the 90/10 MeshTCPRoute split.
  const routes = graph.getByTestId('graph-node-route');
  const httpRoute = routes.filter({ hasText: /^the-http-route/ });
  await expect(httpRoute).toHaveCount(1);
  await expect(httpRoute).toContainText('MeshHTTPRoute → test-server-1:80 (http)');
  await expect(routes.filter({ hasText: /^the-tcp-route/ })).toContainText('MeshTCPRoute → test-server-1:8080 (tcp)');
  const backends = graph.getByTestId('graph-node-backend');
  await expect(backends.filter({ hasText: /^test-server-1:8080/ })).toHaveCount(1);
  await expect(backends.filter({ hasText: /^test-server-1:80(?!80)/ })).toHaveCount(1);
  const labels = graph.locator('.route-edge-label');
  await expect(labels.filter({ hasText: /^90%$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^10%$/ })).toHaveCount(1);

  // Forcing the 2.6 model: its validator refuses these policies, nothing is drawn and the summary says why.
  const model = page.getByTestId('kuma-model');
  await model.selectOption('kuma-2.6');
  await expect(summary).toContainText('Kuma 2.6 model');
  await expect(routes).toHaveCount(0);
  await model.selectOption('auto');
  await expect(summary).toContainText('Kuma 2.14 model');
  await expect(labels.filter({ hasText: /^90%$/ })).toHaveCount(1);
  errors.expectNone();
});

test('importing the corpus MeshService MeshTCPRoute file draws its 90/10 split over two ports', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await page.getByTestId('import-input').setInputFiles([path.join(CORPUS, 'kuma__inspect-meshservice-meshtcproute.yaml')]);
  await chooseImport(page, 'replace');

  const graph = page.getByTestId('graph');
  await expect(page.getByTestId('mesh-summary')).toContainText('Kuma 2.14 model');
  await expect(graph.getByTestId('graph-node-source')).toContainText('svc-1');
  await expect(graph.getByTestId('graph-node-route').filter({ hasText: /^the-tcp-route/ })).toHaveCount(2);
  const labels = graph.locator('.route-edge-label');
  await expect(labels.filter({ hasText: /^90%$/ })).toHaveCount(2);
  await expect(labels.filter({ hasText: /^10%$/ })).toHaveCount(2);
  errors.expectNone();
});
