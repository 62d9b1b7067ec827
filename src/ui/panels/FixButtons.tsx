/** The quick fixes of a diagnostic as buttons under its row; applying one is one undo step. */
import type { Fix } from '../../core';
import { useStudio } from '../../state';
import './fixButtons.css';

export function FixButtons({ fixes }: { fixes: readonly Fix[] }) {
  const applyDocumentChanges = useStudio((s) => s.applyDocumentChanges);
  return (
    <div className="problem-fixes">
      {fixes.map((fix) => (
        <button key={fix.title} type="button" className="problem-fixes__fix" data-testid="problem-fix" onClick={() => applyDocumentChanges(fix, fix.changes)}>
          {fix.title}
        </button>
      ))}
    </div>
  );
}
