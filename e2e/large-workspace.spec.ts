/**
 * Journey: a large workspace (over the size localStorage is used for) is kept across reloads: saved in IndexedDB
 * once typing pauses, and written at once when the page goes away right after an edit.
 */
import { expect, test, type Page } from '@playwright/test';
import { openStudio, setEditorText, tcpRouteSpec } from './helpers';

test.describe.configure({ timeout: 180_000 });

/** About 400 KB: 120 MeshTCPRoutes between services of one mesh. */
function largeWorkspace(): string {
  const docs: string[] = [];
  for (let i = 0; i < 120; i++) {
    docs.push(`# route ${i}
type: MeshTCPRoute
name: route-${i}
mesh: default
${tcpRouteSpec(
  i,
  `              - kind: MeshServiceSubset
                name: server-${i}
                tags: { version: v1 }
                weight: 90
              - kind: MeshServiceSubset
                name: server-${i}
                tags: { version: v2 }
                weight: 10
`,
)}${'# padding to make the workspace large\n'.repeat(80)}`);
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

/** The workspace as IndexedDB holds it (idb-keyval's default store), read without going through the app ('' before it exists). */
const savedInIndexedDb = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        // Not there yet: it is not created here (the app's store must create it, with its object store).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve('');
        open.onsuccess = () => {
          const read = open.result.transaction('keyval', 'readonly').objectStore('keyval').get('route-studio:document');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => resolve((read.result as { state?: { files?: { text: string }[] } } | undefined)?.state?.files?.[0]?.text ?? '');
        };
      }),
  );

test('keystrokes in a large workspace reach IndexedDB as edits of the saved text', async ({ page }) => {
  const text = largeWorkspace();
  await openStudio(page);
  await setEditorText(page, text);
  await expect.poll(() => savedInIndexedDb(page), { timeout: 30_000 }).toBe(text);
  // Typed at a weight in the middle of the text: the save worker receives the splice, not the 400 KB again.
  const at = text.indexOf('weight: 90', text.length / 2) + 'weight: 9'.length;
  await page.evaluate((offset) => {
    const editor = window.__routeStudioEditor;
    const model = editor?.getModel();
    if (!editor || !model) throw new Error('no editor');
    editor.setPosition(model.getPositionAt(offset));
    editor.focus();
  }, at);
  await page.keyboard.insertText('5');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('7');
  const edited = `${text.slice(0, at - 1)}7${text.slice(at)}`;
  await expect.poll(() => editorText(page)).toBe(edited);
  await expect.poll(() => savedInIndexedDb(page), { timeout: 30_000 }).toBe(edited);
});
