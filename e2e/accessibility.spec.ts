/** Journey: the main screens have no serious or critical axe violation; the graph reads in the domain's words and works with Enter. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openStudio, waitForAnalysis } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation (${scheme}, main screen and help open)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openStudio(page);
    await waitForAnalysis(page);
    await expect(page.getByTestId('graph').getByTestId('graph-node-route')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('help-button').click();
    await expect(page.getByTestId('help-dialog')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('graph nodes are labelled in the words of the domain, and Enter on a node selects its YAML', async ({ page }) => {
  await openStudio(page);
  await waitForAnalysis(page);
  const route = page.locator('.react-flow__node[aria-label^="route tcp-route-1"]');
  await expect(route).toHaveAttribute(
    'aria-label',
    'route tcp-route-1 (MeshTCPRoute) from frontend_kuma-demo_svc_8080 to backend_kuma-demo_svc_3001:10001 (tcp), 90% to version v0, 10% to version v1',
  );
  await route.focus();
  await page.keyboard.press('Enter');
  // The editor selects the route's `to[]` entry (spec.to[0] of tcp-route-1).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const editor = window.__routeStudioEditor;
        const line = editor?.getSelection()?.startLineNumber ?? 0;
        return line > 1 ? (editor?.getModel()?.getLineContent(line) ?? '') : '';
      }),
    )
    .toContain('- targetRef:');
});
