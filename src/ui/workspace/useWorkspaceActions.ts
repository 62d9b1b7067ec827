/** The actions that replace, add or remove work, each announced with an "Undo" that brings the work back. */
import { useMemo } from 'react';
import { addToWorkspace, closeFile, replaceWorkspace, useStudioStore, type DocumentState, type StudioFile } from '../../state';
import { useNotify } from './notices';

export interface WorkspaceActions {
  /** Replaces the workspace; `what` completes "Opened ..." / "Replaced the workspace with ...". */
  replace(files: readonly StudioFile[], message: string, activeFile?: string): void;
  add(files: readonly StudioFile[], message: string): void;
  close(name: string): void;
}

export function useWorkspaceActions(): WorkspaceActions {
  const store = useStudioStore();
  const notify = useNotify();
  return useMemo(() => {
    const announce = (before: DocumentState | null, message: string) => {
      if (before) notify({ kind: 'info', message, undo: () => store.getState().undo() });
    };
    return {
      replace: (files, message, activeFile) => announce(replaceWorkspace(store, files, activeFile), message),
      add: (files, message) => announce(addToWorkspace(store, files), message),
      close: (name) => announce(closeFile(store, name), `Closed ${name}.`),
    };
  }, [store, notify]);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
