/** Journey: bring files in with the file chooser (two at once) and by dropping one on the window; refused files change nothing. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { chooseImport, dropFiles, openStudio, tabNames, watchErrors } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

test('two files by the file chooser, then one dropped on the window, become tabs of one workspace', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);

  await page.getByTestId('import-input').setInputFiles([path.join(DATA, 'kuma-demo-dataplanes.yaml'), path.join(DATA, 'invalid-kind.yaml')]);
  await chooseImport(page, 'replace');
  expect(await tabNames(page)).toEqual(['kuma-demo-dataplanes.yaml', 'invalid-kind.yaml']);

  await dropFiles(page, [{ name: 'redirect-route.yaml', text: fs.readFileSync(path.join(DATA, 'redirect-route.yaml'), 'utf8') }]);
  await chooseImport(page, 'add');
  expect(await tabNames(page)).toEqual(['kuma-demo-dataplanes.yaml', 'invalid-kind.yaml', 'redirect-route.yaml']);
  // The dropped file is open, and the three files are analysed together: the redirect is drawn over the Dataplanes.
  await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '')).toContain('name: external-backend');
  await expect(page.getByTestId('graph').getByTestId('graph-node-backend')).toContainText('external-backend');
  errors.expectNone();
});

test('a file that is not YAML, or is over 5 MB, is refused with a message and the workspace is unchanged', async ({ page }) => {
  await openStudio(page);
  const before = await tabNames(page);

  await page.getByTestId('import-input').setInputFiles([
    { name: 'diagram.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    { name: 'ok.yaml', mimeType: 'application/yaml', buffer: Buffer.from('a: 1\n') },
  ]);
  const error = page.getByTestId('notice-error');
  await expect(error).toContainText('Nothing was imported');
  await expect(error).toContainText('diagram.png: not a YAML file');
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  await dropFiles(page, [{ name: 'huge.yaml', text: `# ${'x'.repeat(5 * 1024 * 1024)}\n` }]);
  await expect(error).toContainText('huge.yaml: 5.0 MB is over the 5 MB limit');
  expect(await tabNames(page)).toEqual(before);
});
