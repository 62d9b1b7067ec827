import { expect, test } from '@playwright/test';
import { LOCAL_ORIGIN } from './helpers';

test('the app loads with a working YAML editor and makes no outside request', async ({ page }) => {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });

  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Route Studio');
  const editor = page.getByTestId('yaml-editor').locator('.monaco-editor');
  await expect(editor).toBeVisible();
  // The first visit opens on the demo workspace (its Dataplanes come first, the MeshTCPRoute further down).
  await expect(editor.locator('.view-lines')).toContainText('type: Dataplane');
  await page.waitForFunction(() => window.__routeStudioEditor !== undefined);
  expect(await page.evaluate(() => window.__routeStudioEditor?.getValue())).toContain('kind: MeshTCPRoute');

  // The editor instance is exposed for tests, and edits flow back into React state.
  const lineCount = await page.evaluate(() => {
    const instance = window.__routeStudioEditor;
    if (!instance) throw new Error('window.__routeStudioEditor is not set');
    instance.setValue('a: 1\nb: 2\n');
    return instance.getModel()?.getLineCount();
  });
  expect(lineCount).toBe(3);
  await expect(page.getByText('3 lines')).toBeVisible();
  await expect(editor.locator('.view-lines')).toContainText('b: 2');

  // Typing works too (the YAML language is active: the model says so).
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('c: 3');
  expect(await page.evaluate(() => window.__routeStudioEditor?.getValue())).toBe('a: 1\nb: 2\nc: 3');
  expect(await page.evaluate(() => window.__routeStudioEditor?.getModel()?.getLanguageId())).toBe('yaml');

  await page.screenshot({ path: '/tmp/smoke.png' });

  const outside = requests.filter(
    (url) => !url.startsWith(LOCAL_ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  expect(outside, 'requests to anything but the local preview server').toEqual([]);
  expect(problems, 'page errors and console errors').toEqual([]);
});
