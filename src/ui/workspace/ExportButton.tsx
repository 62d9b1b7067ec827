/**
 * "Export": the button, and the dialog (ExportDialog), loaded when it is first opened: the zip and YAML libraries it
 * brings are not needed to show the page.
 */
import { lazy, Suspense, useState } from 'react';

const ExportDialog = lazy(() => import('./ExportDialog'));

export function ExportButton() {
  const [open, setOpen] = useState(false);
  // Once opened, the dialog stays mounted: closing it is the dialog's own (focus goes back where it was).
  const [opened, setOpened] = useState(false);
  return (
    <>
      <button type="button" className="toolbar__button" data-testid="export-button" onClick={() => {
          setOpen(true);
          setOpened(true);
        }} title="Download or copy the policies, the generated configuration or the graph">
        Export
      </button>
      {opened && (
        <Suspense fallback={null}>
          <ExportDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
