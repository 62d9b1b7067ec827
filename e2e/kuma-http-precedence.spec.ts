import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { chooseImport, openStudio, setEditorText, waitForAnalysis, watchErrors } from './helpers';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
const DATAPLANES = path.join(DATA, 'http-dataplanes.yaml');

// Kuma 2.6: on an http destination a MeshHTTPRoute wins over a MeshTCPRoute; on a tcp destination the
// MeshTCPRoute wins and the MeshHTTPRoute is listed as overridden (reference/kuma/matching.md section 5).
test('an HTTP route takes an http destination from a MeshTCPRoute, and switching the protocol tag to tcp flips it', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await page.getByTestId('import-input').setInputFiles([DATAPLANES, path.join(DATA, 'http-and-tcp-routes.yaml')]);
  await chooseImport(page, 'replace');
  await waitForAnalysis(page);

  const graph = page.getByTestId('graph');
  const routes = graph.getByTestId('graph-node-route');
  const httpRule = routes.filter({ hasText: 'backend-http' });
  await expect(httpRule).toHaveCount(1);
  await expect(httpRule).toContainText('MeshHTTPRoute → backend:10001 (http)');
  await expect(httpRule.getByTestId('route-match')).toHaveText('1. PathPrefix /api, header x-version: v2');
  await expect(httpRule.locator('s')).toHaveText('backend-tcp');
  // The catch-all comes after the rule, and the MeshTCPRoute draws no route of its own.
  await expect(routes.filter({ hasText: 'catch-all' }).getByTestId('route-match')).toHaveText('2. PathPrefix /');
  await expect(routes.filter({ hasText: /^backend-tcp/ })).toHaveCount(0);
  await expect(graph.getByTestId('graph-node-backend').filter({ hasText: 'backend-v2' })).toHaveCount(1);
  await page.screenshot({ path: '/tmp/route-studio-http-precedence.png' });

  // Edit the Dataplanes: backend's endpoints now say tcp.
  await page.getByTestId('file-tab').filter({ hasText: 'http-dataplanes.yaml' }).click();
  await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '')).toContain('name: backend-1');
  await setEditorText(page, readFileSync(DATAPLANES, 'utf8').replace('kuma.io/protocol: http\n  outbound: []', 'kuma.io/protocol: tcp\n  outbound: []'));

  const tcpRoute = routes.filter({ hasText: /^backend-tcp/ });
  await expect(tcpRoute).toHaveCount(1);
  await expect(tcpRoute).toContainText('MeshTCPRoute → backend:10001 (tcp)');
  await expect(tcpRoute.locator('s')).toHaveText('backend-http');
  await expect(tcpRoute).toContainText('destination protocol is tcp');
  await expect(routes.filter({ hasText: /^backend-http/ })).toHaveCount(0);
  await expect(graph.getByTestId('graph-node-backend').filter({ hasText: 'backend-legacy' })).toHaveCount(1);
  errors.expectNone();
});
