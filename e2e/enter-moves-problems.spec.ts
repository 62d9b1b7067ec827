import { expect, test } from '@playwright/test';
import { lineOf, openStudio, setEditorText, tcpRouteSpec, watchErrors } from './helpers';

/** A route per service; the last one sends all its traffic nowhere (weight 0): a problem at the end of the file. */
function workspace(routes: number): string {
  const route = (i: number, weight: number) => `apiVersion: kuma.io/v1alpha1
kind: MeshTCPRoute
metadata:
  name: route-${i}
  labels:
    kuma.io/mesh: default
${tcpRouteSpec(
    i,
    `              - kind: MeshService
                name: server-${i}
                weight: ${weight}
`,
  )}`;
  return Array.from({ length: routes }, (_, i) => route(i, i === routes - 1 ? 0 : 100)).join('---\n');
}

test('Enter above a problem in a large file moves the problem down with its line', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  // Over 64 K characters: the editor sends the worker its own record of the edit, not the whole text.
  const text = workspace(180);
  expect(text.length).toBeGreaterThan(64 * 1024);
  await setEditorText(page, text);
  const zero = page.getByTestId('problems').getByTestId('problem').filter({ has: page.locator('.problem__code', { hasText: 'KUMA_ALL_WEIGHTS_ZERO' }) });
  await expect(zero).toHaveCount(1);
  const before = Number(await zero.getAttribute('data-line'));
  const problems = await page.getByTestId('problems').getByTestId('problem').count();
  // The problem is on the route's backend, a few lines above its weight: that distance stays as lines move.
  const above = lineOf(text, 'weight: 0') - before;
  expect(above).toBeGreaterThanOrEqual(0);
  expect(above).toBeLessThan(6);

  // The end of the second line of the first route, then Enter (Monaco indents the new line) and Enter again.
  await page.evaluate(() => {
    const editor = window.__routeStudioEditor;
    editor?.setPosition({ lineNumber: 4, column: (editor.getModel()?.getLineMaxColumn(4) ?? 1) });
    editor?.focus();
  });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(zero).toHaveAttribute('data-line', String(before + 2));
  const now = await page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');
  expect(lineOf(now, 'weight: 0') - above).toBe(before + 2);
  await expect(page.getByTestId('problems').getByTestId('problem')).toHaveCount(problems); // no new one: the text is whole

  // And back: the lines taken away again.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  const back = await page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');
  expect(back.length).toBeLessThan(now.length);
  await expect(zero).toHaveAttribute('data-line', String(lineOf(back, 'weight: 0') - above));
  errors.expectNone();
});
