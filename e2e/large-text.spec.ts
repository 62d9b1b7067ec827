/**
 * Journey: a mesh of 1,000 services (about 100,000 lines) is pasted. The editor colours the lines in view, wherever
 * the person scrolls, without tokenizing the whole text in the background; the problems list draws its first rows
 * and more each time its end is scrolled into view. Monaco's internals read here are those of the pinned 0.54.0.
 */
import { expect, test, type Page } from '@playwright/test';
import { syntheticMesh } from '../bench/syntheticMesh';
import { EDGE_SLICE } from '../src/ui/graph/useEdgesInSlices';
import { openStudio, setEditorText, watchErrors } from './helpers';

test.describe.configure({ timeout: 180_000 });

/** Whether Monaco runs its own background tokenizer over the editor's model (an internal of Monaco 0.54.0). */
const tokenizesInBackground = (page: Page) =>
  page.evaluate(() => {
    const model = window.__routeStudioEditor?.getModel() as unknown as { tokenization: { tokens: { get(): { _defaultBackgroundTokenizer: unknown } } } };
    return model.tokenization.tokens.get()._defaultBackgroundTokenizer !== null;
  });

test('a pasted text of 100,000 lines is coloured where it is seen, and its problems are listed as they are scrolled to', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  expect(await tokenizesInBackground(page)).toBe(true);

  const text = syntheticMesh({ services: 1000 }).files.map((f) => f.text).join('---\n');
  await setEditorText(page, text);
  expect(await tokenizesInBackground(page)).toBe(false);

  // The graph of the first source gets its edges near the view in slices, and is marked drawn once it has them all.
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-drawing', 'complete');
  const textVersion = await page.getByTestId('editor-pane').getAttribute('data-text-version');
  await expect(graph).toHaveAttribute('data-drawn-version', textVersion ?? '');
  const firstView = await graph.locator('.react-flow__edge').count();
  expect(firstView).toBeGreaterThan(2 * EDGE_SLICE);
  // Only the edges near the view are drawn (about 70 of 835: not the source's hundreds to its far routes). Fit View
  // zooms out as far as it can (the graph is taller than the smallest zoom fits): the edges now in view are drawn, in
  // slices again (about 390).
  await graph.getByRole('button', { name: 'Fit View' }).click();
  await expect.poll(() => graph.locator('.react-flow__edge').count(), { timeout: 60_000 }).toBeGreaterThan(2 * firstView);
  await expect(graph).toHaveAttribute('data-drawing', 'complete');

  // The source picker lists its first options with the result and the rest when the page is idle: all 1,000 in time.
  const picker = page.getByTestId('focus-source');
  await expect(picker.locator('option')).toHaveCount(1001, { timeout: 30_000 });
  await expect(picker.locator('option[value="svc-999"]')).toHaveCount(1);

  // Far down the text, the lines in view are coloured: keys and values get token classes of their own.
  await page.evaluate(() => window.__routeStudioEditor?.revealLineInCenter(60_000));
  const editor = page.getByTestId('yaml-editor');
  await expect(editor.locator('.view-line').filter({ hasText: 'weight:' }).first()).toBeVisible();
  // Monaco colours the lines in view in a task after it draws them (with no tokenizer in the background).
  const classes = () => editor.locator('.view-line span span').evaluateAll((spans) => new Set(spans.map((s) => s.className)).size);
  await expect.poll(classes).toBeGreaterThan(1);

  // The problems list draws 20 rows, then 200 more each time its end scrolls into view.
  const rows = page.getByTestId('problem');
  const more = page.getByTestId('problems-more');
  await expect(rows).toHaveCount(20);
  await expect(more).toContainText('20 of 2714 problems shown');
  await more.scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(220);
  await more.scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(420);
  await expect(more).toContainText('420 of 2714 problems shown');

  // Small again: Monaco tokenizes in the background as before.
  await setEditorText(page, 'type: Mesh\nname: default\n');
  expect(await tokenizesInBackground(page)).toBe(true);
  errors.expectNone();
});

test('a pasted text of 100,000 lines is drawn coloured the first time, not plain and then coloured', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const text = syntheticMesh({ services: 1000 }).files.map((f) => f.text).join('---\n');
  // Every drawing of the editor's lines until the first coloured one: the token classes each one shows.
  const drawings = await page.evaluate(
    (value) =>
      new Promise<string[][]>((resolve, reject) => {
        const lines = document.querySelector('[data-testid=yaml-editor] .view-lines');
        const editor = window.__routeStudioEditor;
        if (!lines || !editor) return reject(new Error('no editor'));
        const seen: string[][] = [];
        const observer = new MutationObserver(() => {
          const classes = [...new Set([...lines.querySelectorAll('.view-line span span')].map((span) => span.className))];
          seen.push(classes);
          if (classes.length > 1) {
            observer.disconnect();
            resolve(seen);
          }
        });
        observer.observe(lines, { childList: true, subtree: true, characterData: true });
        editor.setValue(value);
      }),
    text,
  );
  expect(drawings).toHaveLength(1);
  errors.expectNone();
});
