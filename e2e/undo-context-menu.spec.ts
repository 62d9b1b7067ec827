/** Journey: Monaco's own ways to undo (its context menu, its command palette) go through the app's one history. */
import { expect, test, type Page } from '@playwright/test';
import { lineOf, openStudio, waitForAnalysis, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

async function contextMenu(page: Page, item: 'Undo' | 'Redo'): Promise<void> {
  await page.getByTestId('yaml-editor').click({ button: 'right', position: { x: 200, y: 60 } });
  await page.locator('.monaco-menu .action-label').filter({ hasText: new RegExp(`^${item}$`) }).click();
}

test('Undo and Redo in the editor context menu and the command palette are steps of the one history', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const before = await editorText(page);
  const line = lineOf(before, 'name: tcp-route-1');
  await page.evaluate((l) => {
    window.__routeStudioEditor?.focus();
    window.__routeStudioEditor?.setPosition({ lineNumber: l, column: 20 });
  }, line);
  // Seven keystrokes through Monaco's own "type" command without a pause, so that they are one undo step (real key
  // presses are spaced by the machine's load: on a busy machine a gap over the 800 ms typing pause made two steps).
  await page.evaluate(() => {
    for (const ch of '-canary') window.__routeStudioEditor?.trigger('keyboard', 'type', { text: ch });
  });
  await expect.poll(() => editorText(page)).toContain('name: tcp-route-1-canary\n');
  const typed = await editorText(page);
  const route = page.getByTestId('graph').getByTestId('graph-node-route');
  await expect(route).toContainText('tcp-route-1-canary');

  // Right-click > Undo: the app's history takes the step back (the graph follows).
  await contextMenu(page, 'Undo');
  await expect.poll(() => editorText(page)).toBe(before);
  await waitForAnalysis(page);
  await expect(route).not.toContainText('canary');
  // The app's redo (Ctrl+Shift+Z outside the editor) redoes that very step: it is one history.
  await page.getByTestId('graph').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => editorText(page)).toBe(typed);

  // The command palette's Undo (Monaco's `undo` command) goes the same way, and right-click > Redo.
  await page.evaluate(() => window.__routeStudioEditor?.trigger('palette', 'undo', null));
  await expect.poll(() => editorText(page)).toBe(before);
  await contextMenu(page, 'Redo');
  await expect.poll(() => editorText(page)).toBe(typed);
  // Ctrl+Z in the editor still undoes it: no second stack left something behind.
  await page.evaluate(() => window.__routeStudioEditor?.focus());
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(before);
  errors.expectNone();
});
