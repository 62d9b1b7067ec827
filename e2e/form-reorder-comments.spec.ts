/** Journey: reordering backendRefs in the form moves each item with the comments written above it. */
import { expect, test, type Page } from '@playwright/test';
import { openStudio, setEditorText, waitForAnalysis, watchErrors } from './helpers';

const editorText = (page: Page) => page.evaluate(() => window.__routeStudioEditor?.getValue() ?? '');

const POLICY = `type: MeshTCPRoute
name: canary
mesh: default
spec:
  targetRef:
    kind: Mesh
  to:
    - targetRef:
        kind: MeshService
        name: backend
      rules:
        - default:
            backendRefs:
              # stable: most of the traffic
              - kind: MeshServiceSubset
                name: backend
                tags:
                  version: v0
                weight: 90 # the old build
              # canary: the new build
              - kind: MeshServiceSubset
                name: backend
                tags:
                  version: v1
                weight: 10
`;

const STABLE = `              # stable: most of the traffic
              - kind: MeshServiceSubset
                name: backend
                tags:
                  version: v0
                weight: 90 # the old build
`;
const CANARY = `              # canary: the new build
              - kind: MeshServiceSubset
                name: backend
                tags:
                  version: v1
                weight: 10
`;

test('moving backend 2 up in the form keeps each comment with its backend', async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  await setEditorText(page, POLICY);
  expect(await editorText(page)).toContain(`backendRefs:\n${STABLE}${CANARY}`);
  await page.getByRole('button', { name: 'YAML + form' }).click();
  // The form shows the document under the cursor (this mesh has a single service: nothing is drawn to click).
  await page.evaluate(() => window.__routeStudioEditor?.setPosition({ lineNumber: 3, column: 1 }));
  const form = page.getByTestId('form');
  await expect(form.getByTestId('form-backend')).toHaveCount(2);

  await form.getByRole('button', { name: 'Move backend 2 up' }).click();
  await expect.poll(() => editorText(page)).toContain(`backendRefs:\n${CANARY}${STABLE}`);
  await waitForAnalysis(page);
  await expect(form.getByTestId('form-backend').nth(0).getByRole('textbox', { name: 'version', exact: true })).toHaveValue('v1');

  // And back down: the text is as it was.
  await form.getByRole('button', { name: 'Move backend 1 down' }).click();
  await expect.poll(() => editorText(page)).toBe(POLICY);
  errors.expectNone();
});
