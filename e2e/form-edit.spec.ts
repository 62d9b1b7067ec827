import { expect, test, type Page } from '@playwright/test';
import { openStudio, waitForAnalysis, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

test('the form sets backend v1 to 50: YAML keeps its comments, the graph shows 64%/36%, undo restores 90%/10%', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const before = await editorText(page);
  const labels = page.getByTestId('graph').locator('.route-edge-label');
  await expect(labels.filter({ hasText: /^10%$/ })).toHaveCount(1);

  await page.getByRole('button', { name: 'YAML + form' }).click();
  // A click on the route in the graph puts the cursor in its document: the form shows that policy.
  await page.getByTestId('graph').getByTestId('graph-node-route').click();
  const form = page.getByTestId('form');
  await expect(form.getByRole('group', { name: 'backendRefs' })).toBeVisible();
  const backends = form.getByTestId('form-backend');
  await expect(backends).toHaveCount(2);
  const v1Weight = backends.nth(1).getByRole('spinbutton', { name: 'weight' });
  await expect(v1Weight).toHaveValue('10');

  await v1Weight.fill('50');
  await expect(backends.nth(0).locator('.form-share')).toHaveText('64%');
  await expect(backends.nth(1).locator('.form-share')).toHaveText('36%');
  await expect.poll(() => editorText(page)).toContain('weight: 50');
  const after = await editorText(page);
  // Only the weight line changed: every comment and line of the file is intact.
  const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
  expect(changed).toEqual(['                weight: 50']);
  expect(after).toContain("# Traffic split: 90% of frontend's traffic to backend goes to v0, 10% to v1.");
  await waitForAnalysis(page);
  await expect(labels.filter({ hasText: /^64%$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^36%$/ })).toHaveCount(1);
  await page.screenshot({ path: '/tmp/route-studio-form.png' });

  // Undo from the form (Ctrl+Z outside Monaco) restores the text and the split.
  await v1Weight.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(before);
  await waitForAnalysis(page);
  await expect(labels.filter({ hasText: /^90%$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^10%$/ })).toHaveCount(1);
  await expect(v1Weight).toHaveValue('10');
  // Redo brings the edit back.
  await page.getByTestId('graph').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => editorText(page)).toBe(after);
  errors.expectNone();
});

test('the form refuses a negative weight and a name that is not a DNS name, with a message, and writes nothing', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const before = await editorText(page);
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await page.getByTestId('graph').getByTestId('graph-node-route').click();
  const form = page.getByTestId('form');
  const weight = form.getByTestId('form-backend').nth(1).getByRole('spinbutton', { name: 'weight' });
  await weight.fill('-5');
  await expect(form.getByRole('alert')).toHaveText('a weight cannot be negative');
  await expect(weight).toHaveAttribute('aria-invalid', 'true');

  const name = form.getByRole('textbox', { name: 'name' }).first();
  await expect(name).toHaveValue('tcp-route-1');
  await name.fill('Route_1');
  await expect(form.getByRole('alert').filter({ hasText: 'not a DNS name' })).toBeVisible();
  expect(await editorText(page)).toBe(before);

  // A valid value is written again and the message goes.
  await weight.fill('20');
  await expect.poll(() => editorText(page)).toContain('weight: 20');
  await expect(form.getByRole('alert')).toHaveCount(1);
  errors.expectNone();
});
