/**
 * Monaco cancels the pending work (folding, symbols...) of a model that is disposed, as when a tab is renamed or
 * closed, by rejecting it with a CancellationError ("Canceled"); Monaco's own error handler ignores these, but a
 * rejection that no one awaits still surfaces as an unhandled one. Only that error is silenced here.
 */
function isCancellation(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'Canceled' && reason.message === 'Canceled';
}

export function ignoreEditorCancellations(): void {
  window.addEventListener('unhandledrejection', (event) => {
    if (isCancellation(event.reason)) event.preventDefault();
  });
}
