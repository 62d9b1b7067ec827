/** Journey: at 800 px (and 390 px) the panes stack, and both the editor and the graph are usable; the splitter resizes them. */
import { expect, test } from '@playwright/test';
import { openStudio, waitForAnalysis } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

for (const width of [800, 390]) {
  test(`at ${width} px the editor and the graph are both usable`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await openStudio(page);
    const editor = page.getByTestId('yaml-editor');
    const graph = page.getByTestId('graph');
    const e = await editor.boundingBox();
    const g = await graph.boundingBox();
    expect(e && g).toBeTruthy();
    if (!e || !g) return;
    // Stacked: each pane takes the whole width, the graph under the editor, each tall enough to work in.
    expect(e.width).toBeGreaterThan(width - 20);
    expect(g.width).toBeGreaterThan(width - 20);
    expect(g.y).toBeGreaterThan(e.y);
    expect(e.height).toBeGreaterThan(150);
    expect(g.height).toBeGreaterThan(200);

    await editor.locator('.monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n# typed at this width');
    await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '')).toContain('# typed at this width');
    await waitForAnalysis(page);
    await graph.scrollIntoViewIfNeeded();
    await expect(graph.getByTestId('graph-node-route')).toBeInViewport();
    await graph.getByTestId('graph-node-route').click();
    await expect.poll(async () => page.evaluate(() => window.__routeStudioEditor?.getSelection()?.startLineNumber ?? 0)).toBeGreaterThan(1);
  });
}

test('the splitter resizes the editor and the graph side by side', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStudio(page);
  const splitter = page.getByRole('separator', { name: 'Resize the editor and the graph' });
  const before = await page.getByTestId('yaml-editor').boundingBox();
  const box = await splitter.boundingBox();
  if (!before || !box) throw new Error('no editor or splitter');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await page.getByTestId('yaml-editor').boundingBox())?.width ?? 0).toBeGreaterThan(before.width + 150);
});

test('long file names never squeeze the problem messages', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStudio(page);
  await page.getByTestId('import-input').setInputFiles({
    name: `${'a-very-long-file-name-that-goes-on-'.repeat(4)}policy.yaml`,
    mimeType: 'application/yaml',
    buffer: Buffer.from('apiVersion: kuma.io/v1alpha1\nkind: MeshTCPRoute\nmetadata:\n  name: x\nspec:\n  targetRef:\n    kind: Nonsense\n'),
  });
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Replace workspace' }).click();
  await waitForAnalysis(page);
  const message = page.getByTestId('problem').first().locator('.problem__message');
  const box = await message.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);
});
