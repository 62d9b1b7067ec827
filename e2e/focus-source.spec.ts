import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openStudio, setEditorText, watchErrors } from './helpers';

// Three sources (web, worker, batch) each resolving to a different policy: the kind-priority fixture.
const mesh = readFileSync(new URL('../fixtures/kuma/kind-priority/input.yaml', import.meta.url), 'utf8');

test('focusing on one source draws only its routes', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await setEditorText(page, mesh);
  const sources = page.getByTestId('graph-node-source');
  await expect(sources).toHaveCount(3);

  await page.getByTestId('focus-source').selectOption('worker');
  await expect(sources).toHaveCount(1);
  await expect(sources).toContainText('worker');
  await expect(page.getByTestId('graph-node-route')).toHaveText(/b-subset/);
  await expect(page.locator('.route-edge-label')).toHaveText(['60%', '40%']);

  await page.getByTestId('focus-source').selectOption('');
  await expect(sources).toHaveCount(3);
  errors.expectNone();
});
