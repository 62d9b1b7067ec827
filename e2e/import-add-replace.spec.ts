/** Journey: import asks "add" or "replace"; a replace can be undone. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { chooseImport, openStudio, tabNames, waitForAnalysis, watchErrors } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

test('add keeps the open tabs, replace swaps them, and Undo brings them back', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const input = page.getByTestId('import-input');

  await input.setInputFiles(path.join(DATA, 'redirect-route.yaml'));
  await chooseImport(page, 'add');
  expect(await tabNames(page)).toEqual(['kuma-demo.yaml', 'redirect-route.yaml']);

  await input.setInputFiles(path.join(DATA, 'invalid-kind.yaml'));
  await chooseImport(page, 'replace');
  expect(await tabNames(page)).toEqual(['invalid-kind.yaml']);
  await expect(page.getByTestId('notice-info')).toContainText('Replaced the workspace with invalid-kind.yaml');

  await page.getByTestId('notice-info').getByRole('button', { name: 'Undo' }).click();
  await waitForAnalysis(page);
  expect(await tabNames(page)).toEqual(['kuma-demo.yaml', 'redirect-route.yaml']);
  // The graph is the two files' again: the redirect to external-backend.
  await expect(page.getByTestId('graph').getByTestId('graph-node-backend')).toContainText('external-backend');

  // Closing a tab is undoable too.
  await page.getByRole('button', { name: 'Close redirect-route.yaml' }).click();
  expect(await tabNames(page)).toEqual(['kuma-demo.yaml']);
  await page.getByTestId('notice-info').getByRole('button', { name: 'Undo' }).click();
  expect(await tabNames(page)).toEqual(['kuma-demo.yaml', 'redirect-route.yaml']);
  errors.expectNone();
});

test('pasted text gets a tab named after what it holds', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await page.getByRole('button', { name: 'New tab' }).click();
  expect(await tabNames(page)).toEqual(['kuma-demo.yaml', 'untitled-1.yaml']);
  await page.evaluate(() => window.__routeStudioEditor?.setValue('apiVersion: kuma.io/v1alpha1\nkind: MeshTCPRoute\nmetadata:\n  name: canary\nspec: {}\n'));
  await expect.poll(() => tabNames(page)).toEqual(['kuma-demo.yaml', 'meshtcproute-canary.yaml']);
  await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.getValue())).toContain('name: canary');
  await waitForAnalysis(page);
  errors.expectNone();
});
