import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openStudio, setEditorText, watchErrors } from './helpers';

// The debugger's question: who wins, who lost and why. Same input as the tie-break fixture.
const tieBreak = readFileSync(new URL('../fixtures/kuma/tie-break-by-name/input.yaml', import.meta.url), 'utf8');

test('the winning route lists the policy it overrode, struck through, with the reason', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await setEditorText(page, tieBreak);

  const route = page.getByTestId('graph-node-route').filter({ hasText: 'a-route' });
  await expect(route).toBeVisible();
  await expect(page.getByTestId('graph-node-route').filter({ hasText: /^b-route/ })).toHaveCount(0);
  await expect(route.locator('s')).toHaveText('b-route');
  await expect(route).toContainText('"a-route" sorts before "b-route" and wins');
  await page.screenshot({ path: '/tmp/route-studio-overridden.png' });
  errors.expectNone();
});
