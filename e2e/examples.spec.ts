/** Journey: open an example from the gallery in one click, and undo it. */
import { expect, test } from '@playwright/test';
import { openStudio, tabNames, waitForAnalysis } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

test('the traffic redirection example opens in one click and Undo brings the demo back', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  const dialog = page.getByTestId('examples-dialog');
  await expect(dialog.getByTestId('example')).not.toHaveCount(0);
  await dialog.locator('[data-example-id="kuma/02-traffic-redirection.yaml"]').click();
  await waitForAnalysis(page);
  expect(await tabNames(page)).toEqual(['02-traffic-redirection.yaml']);
  await expect(page.getByTestId('graph').locator('.route-edge-label')).toHaveText(['100%']);
  await page.getByTestId('notice-info').getByRole('button', { name: 'Undo' }).click();
  await waitForAnalysis(page);
  expect(await tabNames(page)).toEqual(['kuma-demo.yaml']);
  await expect(page.getByTestId('graph').locator('.route-edge-label').filter({ hasText: /^90%$/ })).toHaveCount(1);
});
