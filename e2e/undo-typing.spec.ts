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
  // Seven keystrokes through Monaco's own "type" command, one after the other without a pause: one undo step. (Real
  // key presses would be spaced by the machine's load: on a busy CI machine a gap over the 800 ms typing pause made
  // two steps of them.)
  await page.evaluate(() => {
    for (const ch of '-canary') window.__routeStudioEditor?.trigger('keyboard', 'type', { text: ch });
  });
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
