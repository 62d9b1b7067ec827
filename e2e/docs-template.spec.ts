import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openStudio, setEditorText, waitForAnalysis, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');
const read = (path: string) => fs.readFileSync(new URL(path, import.meta.url), 'utf8');

test('a Kuma docs template source: the _port placeholder is explained, "Render as Kuma 2.6" from the problems list draws the split', async ({ page }) => {
  test.setTimeout(120_000); // a busy machine: Monaco, the worker and several analyses
  const errors = watchErrors(page);
  await openStudio(page);
  const template = read('../corpus/kuma/kuma-website__meshtcproute-doc-split-meshsubset.yaml');
  await setEditorText(page, `${template}---\n${read('./data/docs-template-dataplanes.yaml')}`);

  const graph = page.getByTestId('graph');
  const problems = page.getByTestId('problems');
  const templateProblem = page.locator('[data-testid="problem"][data-code="KUMA_DOCS_TEMPLATE"]');
  const row = problems.locator(templateProblem);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-severity', 'warning');
  await expect(row).toContainText("placeholder of the Kuma docs' policy templates");
  await expect(graph.getByTestId('graph-node-route')).toHaveCount(0);

  // The fixes sit under the diagnostic's row, in its list item.
  await problems.locator('li').filter({ has: templateProblem }).getByTestId('problem-fix').filter({ hasText: 'Render as Kuma 2.6 (kuma.io/service names)' }).click();
  await expect.poll(() => editorText(page)).toContain('        kind: MeshService\n        name: backend_kuma-demo_svc_3001\n      rules:');
  expect(await editorText(page)).not.toContain('_port');
  await waitForAnalysis(page);

  await expect(graph.getByTestId('graph-node-route')).toContainText('tcp-route-1');
  await expect(graph.getByTestId('graph-node-source')).toContainText('frontend_kuma-demo_svc_8080');
  const labels = graph.locator('.route-edge-label');
  await expect(labels.filter({ hasText: /^90%$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^10%$/ })).toHaveCount(1);
  await expect(problems.locator('[data-testid="problem"][data-code="KUMA_DOCS_TEMPLATE"]')).toHaveCount(0);
  errors.expectNone();
});
