/** Journey: the theme follows the system's light or dark setting, and a toggle that is remembered. */
import { expect, test } from '@playwright/test';
import { openStudio } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

test('dark mode follows prefers-color-scheme, Monaco and the graph with it; the toggle is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openStudio(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('yaml-editor').locator('.monaco-editor')).toHaveClass(/vs-dark/);
  await expect(page.getByTestId('graph').locator('.react-flow')).toHaveClass(/dark/);
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(13, 17, 23)');

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByTestId('yaml-editor').locator('.monaco-editor')).not.toHaveClass(/vs-dark/);

  // system -> light -> dark: "dark" wins over the light system setting, and after a reload.
  const toggle = page.getByTestId('theme-toggle');
  await toggle.click();
  await toggle.click();
  await expect(toggle).toHaveAttribute('data-theme-preference', 'dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
