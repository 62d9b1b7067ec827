/** Journey: the graph downloads as a PNG (with its legend), a valid image of some size, and as an SVG. */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { openStudio } from './helpers';

// Monaco, the worker and the graph load slowly on a busy machine: room for that, never a duration asserted.
test.describe.configure({ timeout: 120_000 });

test('the graph PNG and SVG download as valid images', async ({ page }) => {
  await openStudio(page);
  await expect(page.getByTestId('graph').getByTestId('graph-node-route')).toBeVisible();
  await page.getByTestId('export-button').click();

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').getByRole('button', { name: 'Download' }).click()]);
  expect(png.suggestedFilename()).toBe('route-graph.png');
  const bytes = fs.readFileSync(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(20_000);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(300);
  expect(height).toBeGreaterThan(200);
  fs.copyFileSync(await png.path(), '/tmp/route-studio-graph.png');

  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').getByRole('button', { name: 'Download' }).click()]);
  expect(svg.suggestedFilename()).toBe('route-graph.svg');
  const text = fs.readFileSync(await svg.path(), 'utf8');
  expect(text.startsWith('<svg')).toBe(true);
  expect(text).toContain('tcp-route-1');
  expect(text).toContain('Legend');
});
