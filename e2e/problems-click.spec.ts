import { expect, test } from '@playwright/test';
import { openStudio, setEditorText, watchErrors } from './helpers';

const YAML = `apiVersion: kuma.io/v1alpha1
kind: MeshTCPRoute
metadata:
  name: zero
  labels:
    kuma.io/mesh: default
spec:
  targetRef:
    kind: MeshService
    name: frontend
  to:
    - targetRef:
        kind: MeshService
        name: backend
      rules:
        - default:
            backendRefs:
              - kind: MeshService
                name: backend
                weight: 0
`;

test('clicking a problem moves the editor cursor to its line', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await setEditorText(page, YAML);

  const rows = page.getByTestId('problems').getByTestId('problem');
  await expect(rows.first()).toBeVisible();
  const zero = rows.filter({ has: page.locator('.problem__code', { hasText: 'KUMA_ALL_WEIGHTS_ZERO' }) });
  await expect(zero).toHaveCount(1);
  const line = Number(await zero.getAttribute('data-line'));
  expect(line).toBeGreaterThan(1);

  // Put the cursor elsewhere first, then click the problem.
  await page.evaluate(() => window.__routeStudioEditor?.setPosition({ lineNumber: 1, column: 1 }));
  await zero.click();
  await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.getPosition()?.lineNumber)).toBe(line);
  await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.hasTextFocus())).toBe(true);

  // The failing route is drawn in red.
  const route = page.getByTestId('graph-node-route');
  await expect(route).toContainText('no route: traffic fails');
  await expect(route).toHaveClass(/graph-node--failing/);
  await page.screenshot({ path: '/tmp/route-studio-problems.png' });
  errors.expectNone();
});
