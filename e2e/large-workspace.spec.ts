/**
 * Journey: a large workspace (over the size localStorage is used for) is kept across reloads: saved in IndexedDB
 * once typing pauses, and written at once when the page goes away right after an edit.
 */
import { expect, test, type Page } from '@playwright/test';
import { openStudio, setEditorText } from './helpers';

test.describe.configure({ timeout: 180_000 });

/** About 400 KB: 120 MeshTCPRoutes between services of one mesh. */
function largeWorkspace(): string {
  const docs: string[] = [];
  for (let i = 0; i < 120; i++) {
    docs.push(`# route ${i}
type: MeshTCPRoute
name: route-${i}
mesh: default
spec:
  targetRef:
    kind: MeshService
    name: client-${i}
  to:
    - targetRef:
        kind: MeshService
        name: server-${i}
      rules:
        - default:
            backendRefs:
              - kind: MeshServiceSubset
                name: server-${i}
                tags: { version: v1 }
                weight: 90
              - kind: MeshServiceSubset
                name: server-${i}
                tags: { version: v2 }
                weight: 10
${'# padding to make the workspace large\n'.repeat(80)}`);
  }
  return docs.join('---\n');
}

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

test('a large workspace is saved in IndexedDB and opens again after a reload', async ({ page }) => {
  const text = largeWorkspace();
  expect(text.length).toBeGreaterThan(300_000);
  await openStudio(page);
  await setEditorText(page, text);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('route-studio:document') ?? ''), { timeout: 30_000 }).toContain('"storedIn":"indexedDB"');
  await page.reload();
  await page.waitForFunction(() => window.__routeStudioEditor !== undefined, undefined, { timeout: 60_000 });
  await expect.poll(() => editorText(page), { timeout: 30_000 }).toBe(text);
  await expect(page.getByTestId('line-count')).toHaveText(`${text.split('\n').length} lines`, { timeout: 30_000 });
});

test('an edit to a large workspace made just before a reload is not lost', async ({ page }) => {
  await openStudio(page);
  await setEditorText(page, largeWorkspace());
  await page.evaluate(() => {
    const editor = window.__routeStudioEditor;
    const model = editor?.getModel();
    if (!editor || !model) throw new Error('no editor');
    editor.executeEdits('test', [{ range: model.getFullModelRange().collapseToStart(), text: '# the last edit\n' }]);
  });
  await page.reload(); // at once: the save waiting for a pause in typing is made as the page goes away
  await page.waitForFunction(() => window.__routeStudioEditor !== undefined, undefined, { timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => window.__routeStudioEditor?.getModel()?.getLineContent(1)), { timeout: 30_000 }).toBe('# the last edit');
});
