/** Journey: a damaged link says so, and the last workspace is opened instead. */
import { expect, test } from '@playwright/test';
import { openStudio, setEditorText } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

test('a corrupt link shows a clear message and keeps the work', async ({ page }) => {
  await openStudio(page);
  await setEditorText(page, 'type: Dataplane\nmesh: default\nname: my-work\n');
  await page.waitForTimeout(500); // the workspace is saved a moment after the last keystroke

  await page.goto('about:blank'); // a link opened from elsewhere loads the page afresh
  await page.goto('/#w=this-is-not-a-workspace');
  await expect(page.getByTestId('notice-error')).toContainText('This link could not be opened: the link is damaged');
  await expect(page.getByTestId('notice-error')).toContainText('Your last workspace is open instead');
  await page.waitForFunction(() => window.__routeStudioEditor !== undefined);
  await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.getValue())).toBe('type: Dataplane\nmesh: default\nname: my-work\n');
});
