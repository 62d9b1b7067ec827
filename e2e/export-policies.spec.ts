/** Journey: export the policies (and the generated configuration) as downloads and check what they hold. */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parseAllDocuments } from 'yaml';
import { openStudio, setEditorText } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

async function downloadFrom(page: Page, rowTestId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(rowTestId).getByRole('button', { name: 'Download' }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

test('the workspace downloads as multi-document YAML and as a JSON List, the tab as itself', async ({ page }) => {
  await openStudio(page);
  const demo = (await page.evaluate(() => window.__routeStudioEditor?.getValue())) ?? '';
  await page.getByTestId('export-button').click();

  const yaml = await downloadFrom(page, 'export-workspace-yaml');
  expect(yaml.name).toBe('policies-workspace.yaml');
  expect(yaml.text).toContain('# from kuma-demo.yaml');
  expect(yaml.text).toContain('name: tcp-route-1');
  expect(yaml.text.match(/^---$/gm)?.length).toBe(demo.match(/^---$/gm)?.length);

  const json = await downloadFrom(page, 'export-workspace-json');
  expect(json.name).toBe('policies-workspace.json');
  const list = JSON.parse(json.text) as { kind: string; items: { kind?: string; type?: string; metadata?: { name: string } }[] };
  expect(list.kind).toBe('List');
  expect(list.items.map((i) => i.kind ?? i.type)).toEqual(['Dataplane', 'Dataplane', 'Dataplane', 'Dataplane', 'MeshTCPRoute']);
  expect(list.items[4]?.metadata?.name).toBe('tcp-route-1');

  const tab = await downloadFrom(page, 'export-tab');
  expect(tab).toEqual({ name: 'kuma-demo.yaml', text: demo });
});

/** Clicks Download on one config row and returns the file it saves. */
async function downloadConfig(page: Page, target: 'envoy' | 'istio'): Promise<{ name: string; data: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${target}`).getByRole('button', { name: 'Download' }).click()]);
  return { name: download.suggestedFilename(), data: fs.readFileSync(await download.path()) };
}

test('the Envoy export of the demo downloads every proxy\'s config, clusters named as Kuma names them', async ({ page }) => {
  await openStudio(page);
  await page.getByTestId('export-button').click();
  const envoy = await downloadConfig(page, 'envoy');
  expect(envoy.name).toBe('envoy-config.zip');
  const files = unzipSync(new Uint8Array(envoy.data));
  expect(Object.keys(files)).toContain('default/frontend-1.listeners.yaml');
  const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  // frontend's 90/10 split: weighted clusters with Kuma's hashed subset names (`<service>-<16 hex of sha256>`).
  expect(text('default/frontend-1.listeners.yaml')).toMatch(/- name: backend_kuma-demo_svc_3001-dc9a84cea6402967\n\s+weight: 90\n/);
  expect(text('default/frontend-1.clusters.yaml')).toContain('name: backend_kuma-demo_svc_3001-c8bdd2d2beb2b7ed');
  await expect(page.getByTestId('export-outcome')).toContainText('Envoy export:');
});

test('the Envoy export of a mesh of the current Kuma model names its clusters as Kuma 2.14 does', async ({ page }) => {
  await openStudio(page);
  // Kuma 2.14.3's golden case tcproute-meshexternalservice as YAML: a redirect between MeshExternalServices.
  await setEditorText(page, fs.readFileSync(new URL('../conformance/kuma/inputs-2.14/tcproute-meshexternalservice.yaml', import.meta.url), 'utf8'));
  await page.getByTestId('export-button').click();
  const envoy = await downloadConfig(page, 'envoy');
  const files = unzipSync(new Uint8Array(envoy.data));
  expect(Object.keys(files).sort()).toEqual(['default/web-01.clusters.yaml', 'default/web-01.listeners.yaml']);
  const listeners = strFromU8(files['default/web-01.listeners.yaml'] ?? new Uint8Array());
  expect(listeners).toContain('name: outbound:10.20.20.1:9090');
  expect(listeners).toContain('cluster: default_example2___extsvc_9090');
  expect(listeners).toContain('statPrefix: default_example___extsvc_9090');
  expect(strFromU8(files['default/web-01.clusters.yaml'] ?? new Uint8Array())).toContain('sni: a0ac70962fd61fdc0.example2.9090.default.mes');
  await expect(page.getByTestId('export-outcome')).toContainText('Envoy export:');
});

test('the Istio export of a ServiceRoute downloads a VirtualService and a DestinationRule, with the translation caveat', async ({ page }) => {
  await openStudio(page);
  await setEditorText(page, fs.readFileSync(new URL('../src/demo/examples/tsb/04-http-routes.yaml', import.meta.url), 'utf8'));
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-dialog')).toContainText("TSB's own translation is closed source and may differ");
  const istio = await downloadConfig(page, 'istio');
  expect(istio.name).toMatch(/\.yaml$/);
  const kinds = parseAllDocuments(istio.data.toString('utf8')).map((d) => (d.toJS() as { kind: string }).kind);
  expect(kinds).toEqual(['VirtualService', 'DestinationRule']);
});
