import { expect, test } from '@playwright/test';
import { lineOf, openStudio, watchErrors } from './helpers';

test('typing in the editor redraws the graph without waiting for the analysis', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const route = page.getByTestId('graph').getByTestId('graph-node-route');
  await expect(route).toContainText('tcp-route-1');

  // Put the cursor at the end of "name: tcp-route-1" and type: every key lands, the graph follows.
  const text = await page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');
  const line = lineOf(text, 'name: tcp-route-1');
  await page.evaluate((lineNumber) => {
    const editor = window.__routeStudioEditor;
    editor?.setPosition({ lineNumber, column: (editor.getModel()?.getLineMaxColumn(lineNumber) ?? 1) });
    editor?.focus();
  }, line);
  await page.keyboard.type('-canary', { delay: 15 });
  expect(await page.evaluate((n) => window.__routeStudioEditor?.getModel()?.getLineContent(n), line)).toBe('  name: tcp-route-1-canary');
  await expect(route).toContainText('tcp-route-1-canary');
  await expect(page.getByTestId('analysing')).toBeHidden();
  errors.expectNone();
});
