import { expect, test, type Page } from '@playwright/test';
import { editorSelection, openStudio, waitForAnalysis, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

test('Delete and Backspace after a node click leave the text unchanged', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const before = await editorText(page);
  const graph = page.getByTestId('graph');
  await graph.getByTestId('graph-node-route').click();
  // The click still shows the route's YAML, selected in the editor...
  await expect.poll(async () => (await editorSelection(page))?.startLineNumber).toBeGreaterThan(40);
  const selection = await editorSelection(page);
  expect(selection && selection.endLineNumber > selection.startLineNumber).toBe(true);
  // ...but the keyboard stays with the graph: Delete and Backspace edit nothing.
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  await graph.getByTestId('graph-node-backend').first().click();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  await waitForAnalysis(page);
  expect(await editorText(page)).toBe(before);
  await expect(graph.getByTestId('graph-node-route')).toHaveCount(1);
  await expect(graph.locator('.react-flow__node[aria-describedby]').first()).toBeVisible();
  const description = await page.locator('[id^="react-flow__node-desc"]').first().textContent();
  expect(description ?? '').not.toContain('delete');
  errors.expectNone();
});

test('the weight control of a split edge changes the weight in the YAML, undone with Ctrl+Z', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const before = await editorText(page);
  const labels = page.getByTestId('graph').locator('.route-edge-label');
  await labels.filter({ hasText: /^10%$/ }).click();
  const weight = page.getByRole('spinbutton', { name: /^weight/ });
  await expect(weight).toHaveValue('10');
  await weight.fill('30');
  await expect.poll(() => editorText(page)).toContain('weight: 30');
  await waitForAnalysis(page);
  await expect(labels.filter({ hasText: /^75%$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^25%$/ })).toHaveCount(1);
  await weight.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(before);
  errors.expectNone();
});
