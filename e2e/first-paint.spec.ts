import { expect, test, type Page } from '@playwright/test';
import { editorSelection, lineOf, openStudio, watchErrors } from './helpers';

/** A workspace saved in this browser that is not the demo. */
const SAVED = JSON.stringify({ state: { files: [{ name: 'mine.yaml', text: 'type: Mesh\nname: mine\n' }], activeFile: 'mine.yaml' }, version: 1 });

/** Loads the page with every script of the app refused: what a person sees before the app's code has run. */
async function openWithoutScripts(page: Page): Promise<void> {
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto('/');
}

test("a first visit sees the demo's graph before any of the app's scripts has run, then the page works", async ({ page }) => {
  await openWithoutScripts(page);
  const graph = page.getByTestId('graph');
  await expect(graph.getByTestId('graph-node-route')).toBeVisible();
  await expect(graph.getByTestId('graph-node-route')).toContainText('tcp-route-1');
  await expect(graph.getByTestId('graph-node-backend')).toHaveCount(2);
  await expect(page.locator('html')).toHaveAttribute('data-start', 'demo');

  // With its scripts, the same page is hydrated (a mismatch would be a console error) and answers.
  await page.unroute('**/assets/*.js');
  const errors = watchErrors(page);
  await openStudio(page);
  await expect(graph.locator('.route-edge-label').filter({ hasText: /^90%$/ })).toHaveCount(1);
  const text = await page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');
  await graph.getByTestId('graph-node-route').click();
  await expect.poll(async () => (await editorSelection(page))?.startLineNumber ?? 0).toBeGreaterThan(lineOf(text, 'kind: MeshTCPRoute'));
  errors.expectNone();
});

test("saved work never shows the demo's page: the shell shows until the app has drawn the work", async ({ page }) => {
  await page.addInitScript((saved) => {
    if (!sessionStorage.getItem('seeded')) localStorage.setItem('route-studio:document', saved);
    sessionStorage.setItem('seeded', '1');
  }, SAVED);
  await openWithoutScripts(page);
  await expect(page.getByText('Opening the workspace…')).toBeVisible();
  await expect(page.getByTestId('graph-node-route')).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-start', 'app');

  await page.unroute('**/assets/*.js');
  const errors = watchErrors(page);
  await openStudio(page);
  await expect(page.getByTestId('file-tab')).toHaveText(['mine.yaml']);
  await expect(page.getByText('Opening the workspace…')).toHaveCount(0);
  await expect(page.getByTestId('graph-node-route')).toHaveCount(0);
  errors.expectNone();
});

test.describe('on a dark system', () => {
  test.use({ colorScheme: 'dark' });
  test('the dark theme is applied before the first paint', async ({ page }) => {
    await openWithoutScripts(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('graph-node-route')).toBeVisible();
  });
});

test.describe('in a window of another size than the build assumed', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test("the prerendered graph is fitted to the real pane once the app has taken it over", async ({ page }) => {
    await openStudio(page);
    const graph = page.getByTestId('graph');
    const pane = await graph.locator('.react-flow').boundingBox();
    if (!pane) throw new Error('no graph pane');
    const boxes = await Promise.all((await graph.locator('.react-flow__node').all()).map((node) => node.boundingBox()));
    const top = Math.min(...boxes.map((b) => b?.y ?? Infinity));
    const bottom = Math.max(...boxes.map((b) => (b ? b.y + b.height : -Infinity)));
    const left = Math.min(...boxes.map((b) => b?.x ?? Infinity));
    const right = Math.max(...boxes.map((b) => (b ? b.x + b.width : -Infinity)));
    expect(left).toBeGreaterThanOrEqual(pane.x);
    expect(right).toBeLessThanOrEqual(pane.x + pane.width);
    // Centred in the pane, as a fit leaves it (the build's fit, for a smaller pane, left it 150 px off).
    expect(Math.abs((top + bottom) / 2 - (pane.y + pane.height / 2))).toBeLessThan(20);
    expect(Math.abs((left + right) / 2 - (pane.x + pane.width / 2))).toBeLessThan(20);
  });
});
