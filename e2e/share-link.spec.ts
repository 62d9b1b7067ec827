/** Journey: "Copy link" puts the workspace in the link; opening it in a fresh browser shows the same graph. */
import { expect, test } from '@playwright/test';
import { openStudio, setEditorText, tabNames, waitForAnalysis } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

test('a copied link opens the same workspace and graph in a fresh browser context', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openStudio(page);
  const demo = (await page.evaluate(() => window.__routeStudioEditor?.getValue())) ?? '';
  const edited = demo.replace('weight: 90', 'weight: 70').replace('weight: 10', 'weight: 30');
  await setEditorText(page, edited);
  await expect(page.getByTestId('graph').locator('.route-edge-label')).toHaveText(['70%', '30%']);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('notice-info')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#w=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const requests: string[] = [];
  other.on('request', (r) => requests.push(r.url()));
  await other.goto(link);
  await expect(other.getByTestId('yaml-editor').locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
  await waitForAnalysis(other);
  await expect(other.getByTestId('graph').locator('.route-edge-label')).toHaveText(['70%', '30%']);
  expect(await tabNames(other)).toEqual(await tabNames(page));
  await expect.poll(() => other.evaluate(() => window.__routeStudioEditor?.getValue())).toBe(edited);
  // The workspace travelled in the fragment, which no request carries.
  expect(requests.some((url) => url.includes('#w=') || url.includes(link.split('#w=')[1]?.slice(0, 40) ?? '#'))).toBe(false);
  await fresh.close();
});
