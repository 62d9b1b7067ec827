import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { lineOf, openStudio, setEditorText, watchErrors } from './helpers';

const YAML = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'invalid-kind.yaml'), 'utf8');
const BAD_LINE = lineOf(YAML, 'kind: MeshSubset');

test('an invalid to[].targetRef.kind is flagged on its line and only that policy drops out', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await setEditorText(page, YAML);

  // The problems list has the error, on that line.
  const row = page.getByTestId('problems').locator(`[data-testid="problem"][data-code="KUMA_TARGETREF_KIND"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-line', String(BAD_LINE));
  await expect(row).toContainText('spec.to[0].targetRef.kind: value is not supported (allowed: MeshService)');

  // Monaco has a marker there.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const monaco = window.__routeStudioMonaco;
        const model = window.__routeStudioEditor?.getModel();
        if (!monaco || !model) return [];
        return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({ line: m.startLineNumber, code: typeof m.code === 'string' ? m.code : m.code?.value, severity: m.severity }));
      }),
    )
    .toContainEqual({ line: BAD_LINE, code: 'KUMA_TARGETREF_KIND', severity: 8 });
  // ...and draws it: scroll to the line, the squiggle is there.
  await page.evaluate((line) => window.__routeStudioEditor?.revealLineInCenter(line), BAD_LINE);
  await expect(page.getByTestId('yaml-editor').locator('.squiggly-error').first()).toBeVisible();

  // bad-route contributes nothing; good-route still resolves and draws.
  const graph = page.getByTestId('graph');
  const routes = graph.getByTestId('graph-node-route');
  await expect(routes).toHaveCount(1);
  await expect(routes).toContainText('good-route');
  await expect(routes.filter({ hasText: 'bad-route' })).toHaveCount(0);
  await expect(graph.getByTestId('graph-node-backend')).toContainText('backend-v2');
  await expect(graph.locator('.route-edge-label')).toHaveText('100%');
  await expect(page.getByTestId('mesh-summary')).toContainText('inferred from policies');

  await page.screenshot({ path: '/tmp/route-studio-invalid-kind.png' });
  errors.expectNone();
});
