/** Journey: renaming a tag in the form is a real rename: same place, same value, comments kept; one undo step. */
import { expect, test, type Page } from '@playwright/test';
import { openStudio, waitForAnalysis, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

test('renaming backend v1\'s tag "version" to "release" in the form changes only that key, in place', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const before = await editorText(page);
  await page.getByRole('button', { name: 'YAML + form' }).click();
  await page.getByTestId('graph').getByTestId('graph-node-route').click();
  const v1 = page.getByTestId('form').getByTestId('form-backend').nth(1);
  const name = v1.getByRole('textbox', { name: 'name of tag version' });
  await expect(name).toHaveValue('version');
  await expect(v1.getByRole('textbox', { name: 'version', exact: true })).toHaveValue('v1');

  // A name it cannot take is refused with a message, and nothing is written.
  await name.fill('');
  await name.press('Enter');
  await expect(v1.getByRole('alert')).toHaveText('a tag needs a name');
  expect(await editorText(page)).toBe(before);

  await name.fill('release');
  await name.press('Enter');
  await expect.poll(() => editorText(page)).toContain('release: "v1"');
  const after = await editorText(page);
  // One line changed, in place: the quotes, the order of the keys and every comment stay.
  const lines = before.split('\n');
  expect(after.split('\n').length).toBe(lines.length);
  expect(after.split('\n').filter((line, i) => line !== lines[i])).toEqual(['                  release: "v1"']);
  await waitForAnalysis(page);
  await expect(page.getByTestId('graph').getByTestId('graph-node-backend').filter({ hasText: 'release=v1' })).toHaveCount(1);
  await expect(v1.getByRole('textbox', { name: 'name of tag release' })).toHaveValue('release');

  // One undo step brings the old name back.
  await page.getByTestId('graph').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(before);
  errors.expectNone();
});
