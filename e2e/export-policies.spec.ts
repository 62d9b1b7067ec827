/** Journey: export the policies (and the generated configuration) as downloads and check what they hold. */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openStudio } from './helpers';

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

/**
 * Whatever exportConfig gives for the demo: its files are downloaded under their own name (several in a zip), and its
 * messages are shown. (Tightened once the exporters land.)
 */
test('the Envoy and Istio exports show their messages and download what they produce', async ({ page }) => {
  await openStudio(page);
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toContainText("TSB's own translation is closed source and may differ");
  for (const target of ['envoy', 'istio']) {
    const downloads: string[] = [];
    const onDownload = (d: { suggestedFilename(): string }) => downloads.push(d.suggestedFilename());
    page.on('download', onDownload);
    await page.getByTestId(`export-${target}`).getByRole('button', { name: 'Download' }).click();
    const outcome = page.getByTestId('export-outcome');
    await expect(outcome).toContainText(`${target === 'envoy' ? 'Envoy' : 'Istio'} export:`);
    const produced = await outcome.textContent();
    if (produced?.includes('no file was produced')) {
      await expect(outcome.locator('li')).not.toHaveCount(0); // then it says why
      expect(downloads).toEqual([]);
    } else {
      await expect.poll(() => downloads.length).toBe(1);
      expect(downloads[0]).toMatch(target === 'envoy' ? /envoy|\.ya?ml$|\.json$|\.zip$/ : /istio|\.ya?ml$|\.zip$/);
    }
    page.off('download', onDownload);
  }
});
