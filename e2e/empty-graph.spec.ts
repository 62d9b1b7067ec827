/** Journey: an empty graph says why: the policies left out for their errors, by name, or the syntax errors. */
import { expect, test } from '@playwright/test';
import { openStudio, setEditorText } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

test('the empty graph names the MeshTCPRoute it dropped and why, or counts the syntax errors', async ({ page }) => {
  await openStudio(page);
  const demo = (await page.evaluate(() => window.__routeStudioEditor?.getValue())) ?? '';
  await setEditorText(page, demo.replace('kind: MeshService\n    name: frontend_kuma-demo_svc_8080', 'kind: MeshGateway\n    name: frontend_kuma-demo_svc_8080'));
  const empty = page.getByTestId('graph-empty');
  await expect(empty).toContainText('Nothing is drawn: a resource was left out for errors');
  await expect(empty).toContainText('MeshTCPRoute "tcp-route-1"');
  await expect(empty).not.toContainText('No policy routes any traffic here');

  await setEditorText(page, 'a: [\n---\nb: {\n');
  await expect(empty).toContainText('there are 2 YAML syntax errors');
});
