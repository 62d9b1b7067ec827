/**
 * Short messages at the bottom of the window: what an action did (with "Undo" when it replaced or removed work),
 * and errors (a refused file, a damaged link), which stay until closed.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  message: string;
  /** Details under the message (e.g. one line per refused file). */
  details?: string[];
  undo?: () => void;
}

type NewNotice = Omit<Notice, 'id'>;

interface Notices {
  notify(notice: NewNotice): void;
}

const NoticeContext = createContext<Notices | null>(null);
const INFO_MS = 15_000;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (notice: NewNotice) => {
      const id = next.current++;
      // One message at a time per kind: a new action's undo replaces the older one (which would undo out of order).
      setNotices((all) => [...all.filter((n) => n.kind !== notice.kind), { ...notice, id }]);
      if (notice.kind === 'info') setTimeout(() => dismiss(id), INFO_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ notify }), [notify]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div className="notices" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice--${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} data-testid={`notice-${n.kind}`}>
            <div className="notice__text">
              <div>{n.message}</div>
              {n.details && (
                <ul className="notice__details">
                  {n.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              )}
            </div>
            {n.undo && (
              <button
                type="button"
                className="notice__undo"
                onClick={() => {
                  n.undo?.();
                  dismiss(n.id);
                }}
              >
                Undo
              </button>
            )}
            <button type="button" className="notice__close" aria-label="Close message" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notices['notify'] {
  const notices = useContext(NoticeContext);
  if (!notices) throw new Error('useNotify must be used inside <NoticeProvider>');
  return notices.notify;
}
