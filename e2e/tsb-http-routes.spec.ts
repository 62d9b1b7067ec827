import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { chooseImport, openStudio, waitForAnalysis, watchErrors } from './helpers';

const EXAMPLE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'demo', 'examples', 'tsb', '04-http-routes.yaml');

test('importing TSB example 4 draws two HTTP routes on port 8080, split 80/20 and 50/50', async ({ page }) => {
  test.setTimeout(120_000); // Monaco alone may take 15 s to start on a busy 2-core machine
  const errors = watchErrors(page);
  await openStudio(page);
  await page.getByTestId('import-input').setInputFiles([EXAMPLE]);
  await chooseImport(page, 'replace');
  await waitForAnalysis(page);

  const graph = page.getByTestId('graph');
  await expect(graph.getByTestId('graph-node-source')).toHaveText(/t1/);
  const port = graph.getByTestId('graph-node-port');
  await expect(port).toHaveCount(1);
  await expect(port).toContainText('reviews.ns1.svc.cluster.local:8080');
  await expect(port).toContainText('HTTP');

  const routes = graph.getByTestId('graph-node-route');
  await expect(routes).toHaveCount(2);
  await expect(routes.filter({ hasText: 'http-route-match-productpage-endpoint' })).toContainText('end-user exact jason');
  await expect(routes.filter({ hasText: 'http-route-default' })).toContainText('uri prefix /productpage');

  const shares = (route: string) => graph.locator(`.route-edge-label[data-edge-id*=":${route}->"]`);
  await expect(shares('http-route-match-productpage-endpoint')).toHaveText(['80%', '20%']);
  await expect(shares('http-route-default')).toHaveText(['50%', '50%']);
  await expect(graph.getByTestId('graph-node-backend')).toHaveCount(2);

  // The route that restricts every request of 8080 to /productpage is said to leave the rest unrouted.
  await expect(page.getByTestId('problems').locator('[data-testid="problem"][data-code="TSB_PORT_NOT_COVERED"]')).toHaveCount(1);
  await page.screenshot({ path: '/tmp/route-studio-tsb-http-routes.png' });
  errors.expectNone();
});
