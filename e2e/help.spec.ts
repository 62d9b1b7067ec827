/** Journey: a first visit gets a hint; the help panel says what the app does and how to read the graph. */
import { expect, test } from '@playwright/test';
import { openStudio } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

test('the first-open hint leads to the help panel, and is gone once dismissed', async ({ page }) => {
  await openStudio(page);
  const hint = page.getByTestId('first-hint');
  await expect(hint).toBeVisible();
  await hint.getByRole('button', { name: 'How to read it' }).click();
  const help = page.getByTestId('help-dialog');
  await expect(help).toBeVisible();
  await expect(help.getByRole('heading', { name: 'Reading the graph' })).toBeVisible();
  await expect(help.getByTestId('graph-legend')).toContainText('failing route');
  await expect(help).toContainText('how long the last analysis took');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await hint.getByRole('button', { name: 'Got it' }).click();
  await expect(hint).toBeHidden();
  await page.reload();
  await page.waitForFunction(() => window.__routeStudioEditor !== undefined);
  await expect(page.getByTestId('first-hint')).toHaveCount(0);

  await page.getByTestId('help-button').click();
  await expect(help).toBeVisible();
  // The timing in the toolbar explains itself.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('analysis-time')).toHaveAttribute('title', /how long the last analysis took/i);
  await expect(page.getByTestId('analysis-time')).toHaveText(/^analysed in \d+ ms$/);
});
