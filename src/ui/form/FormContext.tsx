/** What every part of a form needs: the document's edit function and the services the inventory offers. */
import { createContext, useContext } from 'react';
import type { DocumentChange, YamlPath } from '../../core';

export interface DocumentForm {
  /** Applies changes to the document (one undo step; `coalesce` merges a field's keystrokes). Returns an error or null. */
  edit(changes: DocumentChange[], coalesce?: string): string | null;
  /** Service names of the inventory: the sources and destinations of the latest analysis. */
  services: readonly string[];
}

export const FormContext = createContext<DocumentForm>({ edit: () => 'no document', services: [] });

export function useDocumentForm(): DocumentForm {
  return useContext(FormContext);
}

export function pathKey(path: YamlPath): string {
  return path.join('.');
}
