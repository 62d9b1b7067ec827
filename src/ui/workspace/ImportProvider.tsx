/**
 * Every way of bringing files in (the Import button, a drop on the window, a paste outside the editor) ends here:
 * refused files get a message and change nothing; accepted ones wait for the person to choose "Add" or "Replace".
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StudioFile } from '../../state';
import { useNotify } from './notices';
import { readImports, refuseText, type ImportedBlob } from './readImports';
import { plural, useWorkspaceActions } from './useWorkspaceActions';
import { suggestFileName } from '../../core/fileName';

interface Importer {
  importBlobs(list: ImportedBlob[]): Promise<void>;
  importText(text: string): void;
}

const ImportContext = createContext<Importer | null>(null);

export function useImporter(): Importer {
  const importer = useContext(ImportContext);
  if (!importer) throw new Error('useImporter must be used inside <ImportProvider>');
  return importer;
}

export function ImportProvider({ children }: { children: ReactNode }) {
  const notify = useNotify();
  const actions = useWorkspaceActions();
  const [pending, setPending] = useState<StudioFile[] | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const offer = useCallback((files: StudioFile[]) => {
    setPending(files);
  }, []);

  const importBlobs = useCallback(
    async (list: ImportedBlob[]) => {
      if (list.length === 0) return;
      const { files, refused } = await readImports(list);
      if (refused.length > 0) {
        notify({ kind: 'error', message: `Nothing was imported: ${plural(refused.length, 'file')} could not be used.`, details: refused });
        return;
      }
      offer(files);
    },
    [notify, offer],
  );

  const importText = useCallback(
    (text: string) => {
      if (!text.trim()) return;
      const name = suggestFileName(text) ?? 'pasted.yaml';
      const why = refuseText(name, text);
      if (why) {
        notify({ kind: 'error', message: 'The pasted text was not imported.', details: [why] });
        return;
      }
      offer([{ name, text }]);
    },
    [notify, offer],
  );

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (pending && !d.open) d.showModal();
    if (!pending && d.open) d.close();
  }, [pending]);

  const choose = (how: 'add' | 'replace') => {
    const files = pending;
    setPending(null);
    if (!files) return;
    const what = files.length === 1 ? (files[0]?.name ?? '') : plural(files.length, 'file');
    if (how === 'add') actions.add(files, `Added ${what} to the workspace.`);
    else actions.replace(files, `Replaced the workspace with ${what}.`);
  };

  const value = useMemo(() => ({ importBlobs, importText }), [importBlobs, importText]);
  return (
    <ImportContext.Provider value={value}>
      {children}
      <dialog ref={dialog} className="dialog" aria-labelledby="import-title" data-testid="import-dialog" onClose={() => setPending(null)}>
        <h2 id="import-title" className="dialog__title">
          Import {pending?.length === 1 ? pending[0]?.name : plural(pending?.length ?? 0, 'file')}
        </h2>
        {pending && pending.length > 1 && (
          <ul className="dialog__list">
            {pending.map((f) => (
              <li key={f.name}>{f.name}</li>
            ))}
          </ul>
        )}
        <p>Add them to the files you have open, or replace the workspace? Either can be undone.</p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => choose('add')}>
            Add to workspace
          </button>
          <button type="button" className="button" onClick={() => choose('replace')}>
            Replace workspace
          </button>
          <button type="button" className="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      </dialog>
    </ImportContext.Provider>
  );
}
