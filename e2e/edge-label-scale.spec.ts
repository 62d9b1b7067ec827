import { expect, test, type Page } from '@playwright/test';
import { openStudio, watchErrors } from './helpers';

/** The viewport's zoom, and an edge label's height on screen and in its own (unscaled) CSS pixels. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('[data-testid=graph] .react-flow__viewport');
    const label = document.querySelector<HTMLElement>('[data-testid=graph] .route-edge-label');
    if (!viewport || !label) throw new Error('no viewport or no edge label');
    return { zoom: new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a, onScreen: label.getBoundingClientRect().height, own: label.offsetHeight };
  });

test('zoomed out, the edge labels are scaled back up to stay legible (up to 1.6 times)', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const zoomOut = page.getByTestId('graph').locator('.react-flow__controls-zoomout');
  for (const _ of [1, 2, 3]) await zoomOut.click();
  await expect.poll(async () => (await measure(page)).zoom).toBeLessThan(0.9);
  // Drawn at the zoom alone, a label would be `own * zoom` high; scaled back up, it is `own * zoom * scale`.
  await expect
    .poll(async () => {
      const { zoom, onScreen, own } = await measure(page);
      return Math.abs(onScreen - own * zoom * Math.min(1 / zoom, 1.6));
    })
    .toBeLessThan(1);
  const { zoom, onScreen, own } = await measure(page);
  expect(onScreen).toBeGreaterThan(own * zoom * 1.1);
  errors.expectNone();
});
