import { expect, test } from '@playwright/test';
import { openStudio, setEditorText, watchErrors } from './helpers';

const POLICY = `apiVersion: kuma.io/v1alpha1
kind: MeshTCPRoute
metadata:
  name: route
spec:
  targetRef:
    kind: `;

test('completion offers the targetRef kinds, and hover explains a field from the schema', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await setEditorText(page, POLICY);
  await page.evaluate(() => {
    const editor = window.__routeStudioEditor;
    const model = editor?.getModel();
    if (!editor || !model) throw new Error('no editor');
    const line = model.getLineCount();
    editor.focus();
    editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) });
    editor.trigger('test', 'editor.action.triggerSuggest', {});
  });
  const suggestions = page.locator('.suggest-widget .monaco-list-row');
  await expect(suggestions.first()).toBeVisible({ timeout: 30_000 });
  const labels = await suggestions.allTextContents();
  for (const kind of ['Mesh', 'MeshSubset', 'MeshService', 'MeshServiceSubset']) {
    expect(labels.some((l) => l.startsWith(kind)), `${kind} in ${labels.join(' | ')}`).toBe(true);
  }
  await page.keyboard.press('Escape');

  // Hover on `targetRef` shows Kuma's description of the field.
  await page.evaluate(() => {
    const editor = window.__routeStudioEditor;
    editor?.setPosition({ lineNumber: 6, column: 5 });
    editor?.trigger('test', 'editor.action.showHover', {});
  });
  await expect(page.locator('.monaco-hover-content').filter({ hasText: 'TargetRef is a reference to the resource the policy takes an effect on' })).toBeVisible({ timeout: 30_000 });
  errors.expectNone();
});
