/** Journey: a policy with an error is still drawn, marked invalid and not applied; fixing it applies it again. */
import { expect, test, type Page } from '@playwright/test';
import { lineOf, openStudio, waitForAnalysis, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

test('typing a negative weight draws the demo route dashed as "invalid: not applied" with its error; fixing it applies it', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const graph = page.getByTestId('graph');
  const route = graph.getByTestId('graph-node-route');
  const labels = graph.locator('.route-edge-label');
  await expect(labels.filter({ hasText: /^10%$/ })).toHaveCount(1);
  await expect(route.getByTestId('route-invalid')).toHaveCount(0);

  // Type a minus sign before v1's weight, as a person would.
  const before = await editorText(page);
  const line = lineOf(before, 'weight: 10');
  const column = (before.split('\n')[line - 1] ?? '').indexOf('10') + 1;
  await page.evaluate(([l, c]) => {
    window.__routeStudioEditor?.setPosition({ lineNumber: l as number, column: c as number });
    window.__routeStudioEditor?.focus();
  }, [line, column]);
  await page.keyboard.type('-');
  await expect.poll(() => editorText(page)).toContain('weight: -10');
  await waitForAnalysis(page);

  // The error is listed, and the route is still drawn, marked: dashed, "invalid: not applied", its error in it.
  const problem = page.getByTestId('problems').locator('[data-testid="problem"][data-code="KUMA_SCHEMA"]');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-line', String(line));
  await expect(route).toHaveCount(1);
  await expect(route.getByTestId('route-invalid')).toHaveText('invalid: not applied');
  await expect(route).toHaveClass(/graph-node--invalid/);
  await expect(route).toContainText('tcp-route-1');
  await expect(route).toContainText('weight: must be greater than or equal to 0');
  await expect(route).toHaveAttribute('title', /invalid: not applied \(1 error\): spec\.to\[0\]\.rules\[0\]\.default\.backendRefs\[1\]\.weight: must be greater than or equal to 0/);
  // What it would have done: from frontend, to both backends it names (v1's weight shown as written).
  await expect(graph.getByTestId('graph-node-source')).toContainText('frontend_kuma-demo_svc_8080');
  await expect(graph.getByTestId('graph-node-backend')).toHaveCount(2);
  await expect(labels.filter({ hasText: /^100%$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^weight -10$/ })).toHaveCount(1);
  await expect(graph.locator('.react-flow__node-route')).toHaveAttribute('aria-label', /^invalid route, not applied, tcp-route-1/);
  await page.screenshot({ path: '/tmp/route-studio-invalid-policy.png' });

  // Fixing the weight applies the route again: no mark, 90%/10%.
  await page.keyboard.press('Backspace');
  await expect.poll(() => editorText(page)).toBe(before);
  await waitForAnalysis(page);
  await expect(route.getByTestId('route-invalid')).toHaveCount(0);
  await expect(route).not.toHaveClass(/graph-node--invalid/);
  await expect(labels.filter({ hasText: /^90%$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^10%$/ })).toHaveCount(1);
  await expect(problem).toHaveCount(0);
  errors.expectNone();
});
