import { expect, test, type Page } from '@playwright/test';
import { lineOf, openStudio, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

test('typing in the editor is one undo step of the one history: Ctrl+Z and Ctrl+Shift+Z in Monaco', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const before = await editorText(page);
  const line = lineOf(before, 'name: tcp-route-1');
  await page.evaluate((l) => {
    const editor = window.__routeStudioEditor;
    editor?.focus();
    editor?.setPosition({ lineNumber: l, column: 20 });
  }, line);
  await page.keyboard.type('-canary'); // keystrokes without a pause: one step
  await expect.poll(() => editorText(page)).toContain('name: tcp-route-1-canary\n');
  const typed = await editorText(page);
  await expect(page.getByTestId('graph').getByTestId('graph-node-route')).toContainText('tcp-route-1-canary');

  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(before);
  await expect(page.getByTestId('graph').getByTestId('graph-node-route')).not.toContainText('canary');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => editorText(page)).toBe(typed);
  errors.expectNone();
});
