import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openStudio, setEditorText, watchErrors } from './helpers';

// The demo with a second frontend proxy: one source node standing for frontend-1 and frontend-2.
const demo = readFileSync(new URL('../src/demo/kuma-demo.yaml', import.meta.url), 'utf8');
const frontend2 = `---
type: Dataplane
mesh: default
name: frontend-2
networking:
  address: 10.0.0.11
  inbound:
    - port: 8080
      tags:
        kuma.io/service: frontend_kuma-demo_svc_8080
        kuma.io/protocol: http
  outbound:
    - port: 10001
      tags:
        kuma.io/service: backend_kuma-demo_svc_3001
`;

test('a source node expands into the proxies it stands for', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await setEditorText(page, `${demo.trimEnd()}\n${frontend2}`);

  const source = page.getByTestId('graph').getByTestId('graph-node-source').filter({ hasText: 'frontend_kuma-demo_svc_8080' });
  await expect(source).toHaveCount(1);
  const toggle = source.getByTestId('source-proxies-toggle');
  await expect(toggle).toHaveText('▸ 2 proxies');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(source.getByTestId('source-proxy')).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveText('▾ 2 proxies');
  await expect(source.getByTestId('source-proxy')).toHaveText(['frontend-1', 'frontend-2']);
  await expect(source.getByTestId('source-proxy').first()).toBeVisible();
  // The toggle is not the node: clicking it does not select the node.
  await expect(source).not.toHaveClass(/graph-node--selected/);
  await page.screenshot({ path: '/tmp/route-studio-source-proxies.png' });

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(source.getByTestId('source-proxy')).toHaveCount(0);
  errors.expectNone();
});
