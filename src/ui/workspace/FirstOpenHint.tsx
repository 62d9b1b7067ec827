/** A one-time hint for a first visit: what the two panes are, and where help is. Dismissed for good. */
import { useState } from 'react';

export const HINT_KEY = 'route-studio:hint-dismissed';

function dismissed(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

export function FirstOpenHint({ onHelp }: { onHelp(): void }) {
  const [hidden, setHidden] = useState(dismissed);
  if (hidden) return null;
  const dismiss = () => {
    setHidden(true);
    try {
      localStorage.setItem(HINT_KEY, '1');
    } catch {
      // Shown again next time; nothing lost.
    }
  };
  return (
    <div className="first-hint" role="region" aria-label="Welcome" data-testid="first-hint">
      <span>
        <b>Welcome.</b> The editor holds routing policies as YAML; the graph shows, for each source, the route that wins and how its traffic is split. Edit the
        demo, open an example, or import your own files.
      </span>
      <button type="button" className="button" onClick={onHelp}>
        How to read it
      </button>
      <button type="button" className="button" onClick={dismiss}>
        Got it
      </button>
    </div>
  );
}
