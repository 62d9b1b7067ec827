import { memo } from 'react';
import type { Diagnostic } from '../../core';
import { FixButtons } from './FixButtons';

const ICON: Record<Diagnostic['severity'], string> = { error: '✖', warning: '▲', info: 'ℹ' };

/**
 * One diagnostic: severity icon, `file:line:col`, code and message. Clicking it reveals the range. Memoised: a
 * keystroke changes one problem of thousands, and the others keep their very objects.
 */
export const ProblemRow = memo(function ProblemRow({ diagnostic, onReveal }: { diagnostic: Diagnostic; onReveal(d: Diagnostic): void }) {
  const d = diagnostic;
  return (
    <li>
      <button
        type="button"
        className={`problem problem--${d.severity}`}
        data-testid="problem"
        data-code={d.code}
        data-line={d.line}
        data-severity={d.severity}
        title={d.path ? `${d.message}\n(at ${d.path})` : d.message}
        onClick={() => onReveal(d)}
      >
        <span className="problem__icon" aria-label={d.severity}>
          {ICON[d.severity]}
        </span>
        <span className="problem__where">
          {d.file}:{d.line}:{d.column}
        </span>
        <span className="problem__code">{d.code}</span>
        <span className="problem__message">{d.message}</span>
      </button>
      {d.fixes && d.fixes.length > 0 && <FixButtons fixes={d.fixes} />}
    </li>
  );
});
