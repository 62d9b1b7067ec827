/** Shared steps of the e2e specs: load the app, set the editor's text, read its selection. */
import { expect, type Page } from '@playwright/test';

export const LOCAL_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** Monaco's chunks take seconds to load and start on a busy 2-core machine (14 s seen with 4 builds beside). */
const EDITOR_LOAD_TIMEOUT = 60_000;

/** Opens the app and waits for Monaco and the first graph. */
export async function openStudio(page: Page): Promise<void> {
  await page.goto('/');
  // Monaco is a few MB: on a busy machine it takes a while to load.
  await expect(page.getByTestId('yaml-editor').locator('.monaco-editor')).toBeVisible({ timeout: EDITOR_LOAD_TIMEOUT });
  await page.waitForFunction(() => window.__routeStudioEditor !== undefined, undefined, { timeout: 30_000 });
}

/** Replaces the active file's text through Monaco (what a paste does), then waits for the analysis. */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const editor = window.__routeStudioEditor;
    if (!editor) throw new Error('window.__routeStudioEditor is not set');
    editor.setValue(value);
  }, text);
  await waitForAnalysis(page);
}

/** Waits until no analysis is pending. */
export async function waitForAnalysis(page: Page): Promise<void> {
  await expect(page.getByTestId('analysing')).toBeHidden();
}

export interface Selection {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export async function editorSelection(page: Page): Promise<Selection | null> {
  return page.evaluate(() => {
    const s = window.__routeStudioEditor?.getSelection();
    return s ? { startLineNumber: s.startLineNumber, startColumn: s.startColumn, endLineNumber: s.endLineNumber, endColumn: s.endColumn } : null;
  });
}

/** 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const index = text.split('\n').findIndex((line, i) => i >= from && line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

/** Collects page errors and console errors; call `expectNone()` at the end. */
export function watchErrors(page: Page): { expectNone(): void } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  return {
    expectNone: () => expect(problems, 'page errors and console errors').toEqual([]),
  };
}

/** Chooses "Add to workspace" or "Replace workspace" in the import dialog. */
export async function chooseImport(page: Page, how: 'add' | 'replace'): Promise<void> {
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: how === 'add' ? 'Add to workspace' : 'Replace workspace' }).click();
  await expect(dialog).toBeHidden();
  await waitForAnalysis(page);
}

/** Drops files on the window, as a person dragging them from their desktop does. */
export async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/yaml' }));
    return dt;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

/** The text of every tab, in order. */
export async function tabNames(page: Page): Promise<string[]> {
  return page.getByTestId('file-tab').allTextContents();
}

/** The spec of a MeshTCPRoute from `client-<i>` to `server-<i>`, its backendRefs given as YAML at their indentation. */
export function tcpRouteSpec(i: number, backendRefs: string): string {
  return `spec:
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
${backendRefs}`;
}
