/** Journey: an empty graph says why: the policies left out for their errors, by name, or the syntax errors. */
import { expect, test } from '@playwright/test';
import { openStudio, setEditorText } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

test('the empty graph names the MeshTCPRoute it dropped and why, or counts the syntax errors', async ({ page }) => {
  await openStudio(page);
  const demo = (await page.evaluate(() => window.__routeStudioEditor?.getValue())) ?? '';
  // A policy of which nothing can be drawn (its destination has no name); one with errors that can be read is drawn as invalid.
  await setEditorText(page, demo.replace('        name: backend_kuma-demo_svc_3001\n      rules:', '      rules:'));
  const empty = page.getByTestId('graph-empty');
  await expect(empty).toContainText('Nothing is drawn: a resource was left out for errors');
  await expect(empty).toContainText('MeshTCPRoute "tcp-route-1"');
  await expect(empty).not.toContainText('No policy routes any traffic here');

  await setEditorText(page, 'a: [\n---\nb: {\n');
  await expect(empty).toContainText('there are 2 YAML syntax errors');
});
