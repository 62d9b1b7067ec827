import { expect, test, type Page } from '@playwright/test';
import { lineOf, openStudio, waitForAnalysis, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

/** Selects `MeshTCPRoute` on the policy's kind line and types the misspelling over it, as a person would. */
async function misspellKind(page: Page): Promise<number> {
  const line = lineOf(await editorText(page), 'kind: MeshTCPRoute');
  await page.evaluate((l) => {
    const editor = window.__routeStudioEditor;
    editor?.focus();
    editor?.setSelection({ startLineNumber: l, startColumn: 7, endLineNumber: l, endColumn: 19 });
  }, line);
  await page.keyboard.insertText('MeshTCPRoot');
  await expect.poll(() => editorText(page)).toContain('kind: MeshTCPRoot\n');
  await waitForAnalysis(page);
  return line;
}

test('typing MeshTCPRoot offers the fix to MeshTCPRoute (lightbulb and problems list); applying it draws the route', async ({ page }) => {
  test.setTimeout(120_000); // a busy machine: Monaco, the worker and several analyses
  const errors = watchErrors(page);
  await openStudio(page);
  const graph = page.getByTestId('graph');
  const line = await misspellKind(page);

  const row = page.getByTestId('problems').locator('[data-testid="problem"][data-code="UNKNOWN_KIND"]');
  await expect(row).toHaveAttribute('data-severity', 'warning');
  await expect(row).toContainText('did you mean MeshTCPRoute?');
  await expect(graph.getByTestId('graph-node-route')).toHaveCount(0);

  // Ctrl+. on the line opens Monaco's quick fixes with ours.
  await page.evaluate((l) => {
    const editor = window.__routeStudioEditor;
    editor?.focus();
    editor?.setPosition({ lineNumber: l, column: 10 });
  }, line);
  await page.keyboard.press('Control+.');
  const action = page.locator('.action-widget').getByText('Change to MeshTCPRoute');
  await expect(action).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Enter'); // the focused (preferred) action
  await expect.poll(() => editorText(page)).toContain('kind: MeshTCPRoute\n');
  await waitForAnalysis(page);
  await expect(graph.getByTestId('graph-node-route')).toContainText('tcp-route-1');
  await expect(page.getByTestId('problems').getByTestId('problem')).toHaveCount(0);

  // The fix was one undo step: Ctrl+Z in the editor brings the misspelling back; the problems list's button fixes it too.
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toContain('kind: MeshTCPRoot\n');
  await waitForAnalysis(page);
  await page.getByTestId('problems').getByTestId('problem-fix').filter({ hasText: 'Change to MeshTCPRoute' }).click();
  await expect.poll(() => editorText(page)).toContain('kind: MeshTCPRoute\n');
  await expect(graph.getByTestId('graph-node-route')).toContainText('tcp-route-1');
  errors.expectNone();
});
