import { expect, test, type Page } from '@playwright/test';
import { openStudio, setEditorText, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

const SERVICE_ROUTE = `# reviews canary (TSB)
apiVersion: traffic.tsb.tetrate.io/v2
kind: ServiceRoute
metadata:
  name: reviews
  group: g1
spec:
  service: ns1/reviews.ns1.svc.cluster.local
  portLevelSettings:
    - port: 8080
      trafficType: HTTP
      stickySession:
        header: x-session-hash # hash on this header
  subsets:
    - name: v1
      labels:
        version: v1
      weight: 80
    - name: v2
      labels:
        version: v2
      weight: 20
`;

test('the ServiceRoute form edits subsets and offers only the sticky-session keys of the port traffic type', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await setEditorText(page, SERVICE_ROUTE);
  await page.evaluate(() => window.__routeStudioEditor?.setPosition({ lineNumber: 3, column: 1 }));
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  const form = page.getByTestId('form');

  const subsets = form.getByTestId('form-subset');
  await expect(subsets).toHaveCount(2);
  await subsets.nth(1).getByRole('spinbutton', { name: 'weight' }).fill('60');
  await expect(subsets.nth(0).locator('.form-share')).toHaveText('57%');
  await expect.poll(() => editorText(page)).toContain('      weight: 60\n');

  // A subset name must be a DNS label.
  await subsets.nth(1).getByRole('textbox', { name: 'name', exact: true }).fill('V2_canary');
  await expect(form.getByRole('alert')).toContainText('not a DNS label');
  expect(await editorText(page)).toContain('- name: v2\n');

  // HTTP offers header, cookie and source IP; switching the port to TCP drops the header and offers only useSourceIp.
  const sticky = form.getByRole('combobox', { name: 'sticky session' });
  await expect(sticky).toHaveValue('header');
  await expect(sticky.locator('option')).toHaveText(['', 'header', 'cookie', 'useSourceIp']);
  await form.getByRole('combobox', { name: 'trafficType' }).selectOption('TCP');
  await expect.poll(() => editorText(page)).toContain('trafficType: TCP');
  expect(await editorText(page)).not.toContain('x-session-hash');
  await expect(sticky.locator('option')).toHaveText(['', 'useSourceIp']);
  await sticky.selectOption('useSourceIp');
  await expect.poll(() => editorText(page)).toContain('useSourceIp: true');
  expect(await editorText(page)).toContain('# reviews canary (TSB)');
  errors.expectNone();
});
