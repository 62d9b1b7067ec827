import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { lineOf, openStudio, setEditorText, watchErrors } from './helpers';

const EXAMPLE = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'demo', 'examples', 'tsb', '02-port-sticky-sessions.yaml'), 'utf8');

async function markers(page: Page) {
  return page.evaluate(() => {
    const monaco = window.__routeStudioMonaco;
    const model = window.__routeStudioEditor?.getModel();
    if (!monaco || !model) return [];
    return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({ line: m.startLineNumber, code: typeof m.code === 'string' ? m.code : m.code?.value, severity: m.severity }));
  });
}

test("changing a TCP port's sticky session to a header marks that line with the TCP-hash error", async ({ page }) => {
  test.setTimeout(120_000); // Monaco alone may take 15 s to start on a busy 2-core machine
  const errors = watchErrors(page);
  await openStudio(page);
  await setEditorText(page, EXAMPLE);
  const graph = page.getByTestId('graph');
  await expect(graph.getByTestId('graph-node-port').filter({ hasText: ':443' })).toContainText('TCP · sticky: source IP');
  expect((await markers(page)).filter((m) => m.code === 'TSB_TCP_STICKY_NOT_SOURCE_IP')).toEqual([]);

  // Port 443 is TCP: its `useSourceIp: true` becomes a header.
  const edited = EXAMPLE.replace('useSourceIp: true', 'header: x-session-hash');
  const line = lineOf(edited, 'header: x-session-hash', lineOf(edited, 'port: 443'));
  await setEditorText(page, edited);

  const row = page.getByTestId('problems').locator('[data-testid="problem"][data-code="TSB_TCP_STICKY_NOT_SOURCE_IP"]');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-line', String(line));
  await expect(row).toContainText('only source IP (useSourceIp: true) is a valid hash key');
  await expect.poll(() => markers(page)).toContainEqual({ line, code: 'TSB_TCP_STICKY_NOT_SOURCE_IP', severity: 8 });
  await page.evaluate((l) => window.__routeStudioEditor?.revealLineInCenter(l), line);
  await expect(page.getByTestId('yaml-editor').locator('.squiggly-error').first()).toBeVisible();
  // The invalid ServiceRoute is not applied: it is still drawn, each of its routes marked invalid with this error.
  const routes = graph.getByTestId('graph-node-route');
  await expect(routes.first()).toBeVisible();
  await expect(routes.filter({ hasNot: page.getByTestId('route-invalid') })).toHaveCount(0);
  await expect(routes.first().getByTestId('route-invalid')).toHaveText('invalid: not applied');
  await expect(routes.first()).toContainText('port 443 carries TCP traffic');
  errors.expectNone();
});
