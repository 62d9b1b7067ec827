/** Journey: what is typed is saved as it is typed, and there again after a reload. */
import { expect, test } from '@playwright/test';
import { openStudio } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

test('type, reload, and the text is still there', async ({ page }) => {
  await openStudio(page);
  const editor = page.getByTestId('yaml-editor').locator('.monaco-editor');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n# kept across reloads');
  await page.reload(); // right after typing: the pending save is flushed when the page goes away
  await page.waitForFunction(() => window.__routeStudioEditor !== undefined);
  await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '')).toContain('# kept across reloads');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('route-studio:document') ?? '{}') as { version?: number });
  expect(saved.version).toBe(1);
});
