/** A modal <dialog> (focus kept inside, Escape closes) with a title and a close button. */
import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  onClose(): void;
  title: string;
  testId: string;
  className?: string;
  children: ReactNode;
}

export function Dialog({ open, onClose, title, testId, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = `${testId}-title`;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className={`dialog${className ? ` ${className}` : ''}`} aria-labelledby={id} data-testid={testId} onClose={onClose}>
      <header className="dialog__header">
        <h2 id={id} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="dialog__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {open && children}
    </dialog>
  );
}
