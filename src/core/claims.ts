/**
 * Which family claims each resource of the parsed documents, and the problems of the documents no family reads.
 * A keystroke leaves all documents but one the very objects they were: their outcomes are taken over by position,
 * comparing references only. Reading each of 4,000 documents again (is it a List, its header, its family) cost about
 * 3 ms a keystroke, most of it in fetching those records from memory rather than in the work itself.
 */
import type { Diagnostic } from './diagnostics';
import type { PolicyFamily } from './family';
import { readResourceHeader, unsupportedKind, type ResourceHeader } from './model/resource';
import { locate, type SourceDocument } from './source/document';
import { resourceDocuments } from './source/listItems';
import { foundBeforeMove } from './source/moves';

/** What became of one resource: skipped (broken), claimed by the family at this index, or a problem. */
type Outcome = { family: number; header: ResourceHeader } | { diagnostic: Diagnostic } | null;

/** What one parsed document gave: one outcome, or one per item of a `kind: List`. */
type DocumentOutcome = Outcome | Outcome[];

export interface Claimed {
  /** Per family (in the order given), the headers it claims, in document order. */
  headers: ResourceHeader[][];
  diagnostics: Diagnostic[];
}

/** Claims with what they were made of, to take over by position. */
export interface ClaimsMemo {
  families: readonly PolicyFamily<unknown>[];
  documents: readonly SourceDocument[];
  outcomes: DocumentOutcome[];
}

const headers = new WeakMap<SourceDocument, ResourceHeader | null>();

/** A document's header, kept with the document (the parse hands out the same object while it is unchanged). */
function headerOf(source: SourceDocument): ResourceHeader | null {
  let header = headers.get(source);
  if (header === undefined) {
    // A document that only moved has its earlier header: the header holds no line number, only its document.
    const moved = foundBeforeMove(source, (doc) => headers.get(doc));
    header = moved ? moved.found && { ...moved.found, source } : readResourceHeader(source);
    headers.set(source, header);
  }
  return header;
}

function outcomeOf(source: SourceDocument, families: readonly PolicyFamily<unknown>[]): Outcome {
  if (source.broken) return null;
  const header = headerOf(source);
  if (!header) return { diagnostic: notAResource(source) };
  const family = families.findIndex((f) => f.claims(header));
  return family >= 0 ? { family, header } : { diagnostic: unsupportedKind(header) };
}

function documentOutcome(source: SourceDocument, families: readonly PolicyFamily<unknown>[]): DocumentOutcome {
  const resources = resourceDocuments(source);
  return resources.length === 1 && resources[0] === source ? outcomeOf(source, families) : resources.map((r) => outcomeOf(r, families));
}

/** The families' resources and the problems of the rest; `memo` (the last call's, updated) takes unchanged documents over. */
export function claimResources(documents: readonly SourceDocument[], families: readonly PolicyFamily<unknown>[], memo: { last: ClaimsMemo | null }): Claimed {
  const last = memo.last !== null && memo.last.families === families ? memo.last : null;
  const outcomes: DocumentOutcome[] = new Array(documents.length);
  const claimed: Claimed = { headers: families.map(() => []), diagnostics: [] };
  const add = (outcome: Outcome) => {
    if (outcome === null) return;
    if ('diagnostic' in outcome) claimed.diagnostics.push(outcome.diagnostic);
    else claimed.headers[outcome.family]?.push(outcome.header);
  };
  for (let i = 0; i < documents.length; i++) {
    const source = documents[i] as SourceDocument;
    const outcome = last !== null && last.documents[i] === source ? (last.outcomes[i] as DocumentOutcome) : documentOutcome(source, families);
    outcomes[i] = outcome;
    if (Array.isArray(outcome)) outcome.forEach(add);
    else add(outcome);
  }
  memo.last = { families, documents, outcomes };
  return claimed;
}

function notAResource(source: SourceDocument): Diagnostic {
  return {
    ...locate(source, []),
    severity: 'warning',
    code: 'NOT_A_RESOURCE',
    message: 'this document has neither "kind" (Kubernetes format) nor "type" (Kuma universal format): it is ignored',
  };
}
