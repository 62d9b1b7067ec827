/**
 * The form of the document under the editor's cursor (a graph click moves the cursor there too). Every edit is a
 * DocumentChange applied through the store (applyChanges + one history step); the editor and graph follow.
 */
import { useCallback, useMemo } from 'react';
import type { DocumentChange } from '../../core';
import { documentIndexAtLine, readDocument } from '../../core/edit/applyChanges';
import { useStudio } from '../../state';
import { useAnalysisResult } from '../../worker/useAnalysis';
import { DataplaneForm } from './DataplaneForm';
import { FormContext, type DocumentForm } from './FormContext';
import { KumaRouteForm } from './KumaRouteForm';
import { ServiceRouteForm } from './ServiceRouteForm';
import { SERVICES_LIST_ID } from './TargetRefPicker';
import './form.css';

type Rec = Record<string, unknown>;

function formFor(doc: Rec) {
  const kind = doc.kind ?? doc.type;
  if (kind === 'MeshTCPRoute' || kind === 'MeshHTTPRoute') return <KumaRouteForm doc={doc} />;
  if (kind === 'Dataplane') return <DataplaneForm doc={doc} />;
  if (kind === 'ServiceRoute') return <ServiceRouteForm doc={doc} />;
  return null;
}

export default function FormPane() {
  const file = useStudio((s) => s.activeFile);
  const text = useStudio((s) => s.files.find((f) => f.name === s.activeFile)?.text ?? '');
  const line = useStudio((s) => (s.cursor?.file === s.activeFile ? s.cursor.line : 1));
  const applyDocumentChanges = useStudio((s) => s.applyDocumentChanges);
  const result = useAnalysisResult();

  const documentIndex = useMemo(() => documentIndexAtLine(text, line), [text, line]);
  const doc = useMemo(() => (documentIndex === null ? undefined : readDocument(text, documentIndex)), [text, documentIndex]);
  const services = useMemo(() => {
    const names = new Set<string>(result?.sources ?? []);
    for (const node of result?.graph.nodes ?? []) if (node.kind !== 'route') names.add(node.label);
    return [...names].sort();
  }, [result]);
  const edit = useCallback(
    (changes: DocumentChange[], coalesce?: string) => {
      if (documentIndex === null) return 'no document under the cursor';
      return applyDocumentChanges({ file, documentIndex }, changes, coalesce ? { coalesce: `${file}:${documentIndex}:${coalesce}` } : undefined)?.error ?? null;
    },
    [applyDocumentChanges, file, documentIndex],
  );
  const form = useMemo<DocumentForm>(() => ({ edit, services }), [edit, services]);

  const record = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Rec) : null;
  const body = record ? formFor(record) : null;
  return (
    <section className="form-pane" data-testid="form" aria-label="Form">
      <datalist id={SERVICES_LIST_ID}>
        {services.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {body ? (
        <FormContext.Provider value={form}>
          <form key={`${file}:${documentIndex}`} className="form-pane__form" onSubmit={(e) => e.preventDefault()}>
            {body}
          </form>
        </FormContext.Provider>
      ) : (
        <p className="form-pane__empty">
          {record === null && documentIndex !== null
            ? 'This document cannot be read (it has a syntax error): fix it in the editor.'
            : 'Put the cursor in a MeshTCPRoute, MeshHTTPRoute, Dataplane or ServiceRoute document (or click its route in the graph) to edit it here.'}
        </p>
      )}
    </section>
  );
}
